/// One DDIM sampling run, step by step, with every intermediate state kept so that going back
/// (or replaying) is exact.
///
/// x_T is drawn from the seed, then each ``advance()`` asks the model (the exact denoiser unless another is given) for the model output
/// at the current level and takes one scheduler step. With ``NoiseKind/torch`` the noise is that of
/// diffusers with `generator=torch.manual_seed(seed)`: one `randn` for x_T, then one `randn` of the
/// batch's shape per stochastic step.
///
/// ```swift
/// var chain = try SamplingChain(settings: RunSettings(dataset: .twoMoons, count: 1000, steps: 20))
/// try chain.advance()                       // one step
/// try chain.runToEnd()
/// let final = chain.current                 // states[0] = x_T ... states[20] = the samples
/// let guess = chain.predictedOriginals[0]   // x0 predicted at the first step
/// chain.rewind(to: 5)                       // back to the state after 5 steps, exactly
/// ```
public struct SamplingChain: Sendable {
    /// The settings the run was built from.
    public let settings: RunSettings
    /// The scheduler, with its timesteps set.
    public let scheduler: DDIMScheduler
    /// The timesteps in the order the chain visits them.
    public let timesteps: [Int]
    /// The model in the loop.
    public let denoiser: any Denoiser
    /// states[0] = x_T, states[k] = the points after k steps.
    public private(set) var states: [SampleBatch]
    /// predictedOriginals[k - 1] = the x0 the scheduler predicted at step k.
    public private(set) var predictedOriginals: [SampleBatch]
    /// True once any state or predicted x0 holds a NaN or an infinity.
    public private(set) var hasNonFiniteValues: Bool
    /// Number of steps taken so far.
    public private(set) var stepIndex: Int
    /// False when only the current state is kept (``states`` and ``predictedOriginals`` then hold
    /// just the latest entry, and ``rewind(to:)`` cannot go back): memory stays that of one batch.
    public let keepsHistory: Bool

    /// The noise source, before each step: noiseStates[k] is the generator at step k + 1.
    private var noiseStates: [NoiseState]

    /// Validates the settings, builds the scheduler (timesteps set to `settings.steps`) and draws
    /// x_T from the seed. The model in the loop is `denoiser`, or else the settings' model
    /// (``RunSettings/makeDenoiser(parallelism:)``: ``RunSettings/model`` or the dataset's exact denoiser).
    /// `parallelism` only changes the speed. With `keepsHistory` false only the latest state is
    /// kept, for runs too large to hold every step (`sample` without `--every`).
    public init(settings: RunSettings, denoiser: (any Denoiser)? = nil, parallelism: Parallelism = .automatic,
                keepsHistory: Bool = true) throws {
        guard settings.count > 0 else { throw SamplingChainError.invalidCount(settings.count) }
        if let points = settings.userPoints, points.dimension != 2 {
            throw SamplingChainError.userPointsNotTwoDimensional(points.dimension)
        }
        var scheduler = try DDIMScheduler(configuration: settings.configuration)
        scheduler.maximumThreads = parallelism.chunks
        try scheduler.setTimesteps(settings.steps)
        _ = try scheduler.coefficients(timestep: scheduler.timesteps.first ?? 0, eta: settings.eta)
        self.settings = settings
        self.scheduler = scheduler
        self.timesteps = scheduler.timesteps
        self.denoiser = try denoiser ?? settings.makeDenoiser(parallelism: parallelism)
        let (initial, noise) = NoiseState.start(settings)
        states = [initial]
        predictedOriginals = []
        noiseStates = [noise]
        hasNonFiniteValues = !initial.isFinite
        stepIndex = 0
        self.keepsHistory = keepsHistory
    }

    /// True when every timestep has been visited.
    public var isFinished: Bool { stepIndex >= timesteps.count }

    /// The current points.
    public var current: SampleBatch { states[states.count - 1] }

    /// The timestep the next ``advance()`` starts from, nil when finished.
    public var nextTimestep: Int? { isFinished ? nil : timesteps[stepIndex] }

    /// Takes one step (does nothing when finished). Throws the scheduler's error (for example
    /// zero terminal SNR with epsilon prediction at the top step) and leaves the chain unchanged.
    public mutating func advance() throws {
        guard !isFinished else { return }
        let timestep = timesteps[stepIndex]
        let sample = current
        let output = denoiser.modelOutput(for: sample, timestep: timestep, alphaProduct: scheduler.alphaProduct(at: timestep),
                                          predictionType: settings.configuration.predictionType)
        var noise = noiseStates[noiseStates.count - 1]
        let result = try noise.step(scheduler, modelOutput: output, timestep: timestep, sample: sample,
                                    eta: settings.eta, useClippedModelOutput: settings.useClippedModelOutput)
        if keepsHistory {
            states.append(result.prevSample)
            predictedOriginals.append(result.predOriginalSample)
            noiseStates.append(noise)
        } else {
            states = [result.prevSample]
            predictedOriginals = [result.predOriginalSample]
            noiseStates = [noise]
        }
        stepIndex += 1
        if !result.prevSample.isFinite || !result.predOriginalSample.isFinite { hasNonFiniteValues = true }
    }

    /// Takes every remaining step.
    public mutating func runToEnd() throws {
        while !isFinished { try advance() }
    }

    /// Goes back to the state after `step` steps (clamped to the steps taken); advancing again
    /// reproduces exactly the same states, noise included.
    /// Without history (``keepsHistory`` false) it does nothing.
    public mutating func rewind(to step: Int) {
        guard keepsHistory else { return }
        let target = min(max(0, step), stepIndex)
        states.removeSubrange((target + 1)...)
        predictedOriginals.removeSubrange(target...)
        noiseStates.removeSubrange((target + 1)...)
        hasNonFiniteValues = states.contains { !$0.isFinite } || predictedOriginals.contains { !$0.isFinite }
        stepIndex = target
    }
}

/// Why a ``SamplingChain`` could not be built.
public enum SamplingChainError: Error, Equatable, CustomStringConvertible {
    case invalidCount(Int)
    case userPointsNotTwoDimensional(Int)

    public var description: String {
        switch self {
        case .invalidCount(let n):
            return "count must be at least 1, got \(n)"
        case .userPointsNotTwoDimensional(let d):
            return "user points must be 2-D (x,y), got \(d) values per row"
        }
    }
}
