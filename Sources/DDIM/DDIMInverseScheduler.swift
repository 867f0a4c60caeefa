import Foundation

/// diffusers' `DDIMInverseScheduler`: deterministic DDIM run backwards, x₀ → x_T, to encode points
/// into noise that ``DDIMScheduler`` decodes back.
///
/// Timesteps ascend (the forward schedule reversed). A step called with timestep t starts at the
/// level ``sourceTimestep(for:)`` = min(t − T // n, T − 1) — ᾱ = 1 (`set_alpha_to_one`) or ᾱ₀ below
/// zero — and lands on t. Thresholding and eta do not apply (clip_sample does), as in diffusers.
///
/// ```swift
/// var inverse = try DDIMInverseScheduler(configuration: config)
/// try inverse.setTimesteps(50)
/// var x = x0
/// for t in inverse.timesteps {
///     x = try inverse.step(modelOutput: model(x, inverse.sourceTimestep(for: t)), timestep: t, sample: x).prevSample
/// }
/// ```
public struct DDIMInverseScheduler: Scheduler, Sendable {
    /// The options the scheduler was built from.
    public let configuration: DDIMConfiguration
    /// β_t for t in 0 ..< T.
    public let betas: [Float]
    /// ᾱ_t for t in 0 ..< T.
    public let alphasCumprod: [Float]
    /// ᾱ of the level before the first step: 1 with `set_alpha_to_one`, else ᾱ₀ (`initial_alpha_cumprod`).
    public let initialAlphaCumprod: Float
    /// The ascending timesteps (empty until ``setTimesteps(_:)``).
    public private(set) var timesteps: [Int] = []
    /// n of the last ``setTimesteps(_:)``, nil before.
    public private(set) var numInferenceSteps: Int?
    /// The most threads a step uses. Results do not depend on it.
    public var maximumThreads: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Builds the noise schedule of `configuration`, validating every option.
    public init(configuration: DDIMConfiguration = DDIMConfiguration()) throws(DDIMError) {
        let schedule = try NoiseSchedule(configuration: configuration)
        self.configuration = configuration
        self.betas = schedule.betas
        self.alphasCumprod = schedule.alphasCumprod
        self.initialAlphaCumprod = configuration.setAlphaToOne ? 1 : schedule.alphasCumprod[0]
    }

    /// Selects `count` ascending timesteps: the forward schedule of the same configuration, reversed.
    public mutating func setTimesteps(_ count: Int) throws(DDIMError) {
        timesteps = try TimestepSelection.timesteps(for: configuration, count: count).reversed()
        numInferenceSteps = count
    }

    var usesScheduleOrder: Bool {
        configuration.previousTimestepRule == .nextInSchedule || configuration.timestepSpacing == .quadratic
    }

    /// The level a step called with `timestep` starts from: min(t − T // n, T − 1), or the previous
    /// entry of ``timesteps`` (−1 before the first) with the next-in-schedule rule. −1 before
    /// ``setTimesteps(_:)``.
    public func sourceTimestep(for timestep: Int) -> Int {
        guard let n = numInferenceSteps else { return -1 }
        if usesScheduleOrder, let index = timesteps.firstIndex(of: timestep) {
            return index > 0 ? timesteps[index - 1] : -1
        }
        return min(timestep - configuration.numTrainTimesteps / n, configuration.numTrainTimesteps - 1)
    }

    /// An inverse step lands on the timestep it is called with.
    public func previousTimestep(for timestep: Int) -> Int {
        timestep
    }

    /// ᾱ at `timestep`; ``initialAlphaCumprod`` below 0.
    public func alphaProduct(at timestep: Int) -> Float {
        guard timestep >= 0 else { return initialAlphaCumprod }
        return alphasCumprod[min(timestep, alphasCumprod.count - 1)]
    }

    /// The numbers of the step called with `timestep`: from ᾱ at the source level
    /// (`alphaProduct`) to ᾱ at `timestep` (`alphaProductPrevious`). eta must be 0.
    public func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients {
        guard numInferenceSteps != nil else { throw .timestepsNotSet }
        guard timestep >= 0 && timestep < alphasCumprod.count else {
            throw .timestepOutOfRange(timestep, numTrainTimesteps: alphasCumprod.count)
        }
        guard eta.isFinite && eta >= 0 else { throw .invalidEta(eta) }
        guard eta == 0 else { throw .stochasticInverseStep(eta) }
        if usesScheduleOrder && !timesteps.contains(timestep) { throw .timestepNotInSchedule(timestep) }
        let source = sourceTimestep(for: timestep)
        let alphaProd = alphaProduct(at: source), alphaProdNext = alphaProduct(at: timestep)
        return StepCoefficients(timestep: timestep, previousTimestep: timestep, alphaProduct: alphaProd,
                                alphaProductPrevious: alphaProdNext, variance: 0, sigma: 0,
                                x0Coefficient: alphaProdNext.squareRoot(),
                                epsilonCoefficient: (1 - alphaProdNext).squareRoot(), noiseCoefficient: 0)
    }

    /// One inverse step (diffusers' `DDIMInverseScheduler.step`); `eta` must be 0 and
    /// `varianceNoise` is ignored.
    ///
    /// ```swift
    /// let out = try inverse.step(modelOutput: eps, timestep: 21, sample: x)
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, varianceNoise: SampleBatch? = nil) throws -> SchedulerOutput {
        let c = try coefficients(timestep: timestep, eta: eta)
        try DDIMScheduler.checkShape(modelOutput, field: "modelOutput", like: sample)
        if configuration.predictionType == .epsilon && c.alphaProduct == 0 {
            throw DDIMError.zeroSignalWithEpsilonPrediction(timestep: sourceTimestep(for: timestep),
                                                               rescaled: configuration.rescaleBetasZeroSnr)
        }
        let kernel = StepKernel(prediction: configuration.predictionType,
                                bounding: configuration.clipSample ? .clip(configuration.clipSampleRange) : .none,
                                useClippedModelOutput: useClippedModelOutput,
                                sqrtAlpha: c.alphaProduct.squareRoot(), sqrtBeta: (1 - c.alphaProduct).squareRoot(),
                                x0Coefficient: c.x0Coefficient, directionCoefficient: c.epsilonCoefficient, noiseScale: 0)
        return kernel.run(sample: sample, modelOutput: modelOutput, noise: .none, threads: maximumThreads)
    }

    /// Deterministic: the generator is not used; `eta` must be 0.
    public func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                        generator: inout G) throws -> SchedulerOutput {
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                 useClippedModelOutput: false, varianceNoise: nil)
    }
}
