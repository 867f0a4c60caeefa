import ToyWorld

/// One sampling run as the explorer shows it: the chain, the step on screen, and the quality
/// measured at each step so far.
///
/// Stepping forward past the computed states advances the chain; stepping back shows a stored
/// state, so going back is exact.
///
/// ```swift
/// var run = ChainRun(settings: RunSettings())
/// run.stepForward()
/// run.stepBack()      // back at x_T, bit for bit
/// ```
public struct ChainRun: Sendable {
    public private(set) var settings: RunSettings
    public private(set) var chain: SamplingChain?
    /// Why the chain could not be built or advanced, for the status line.
    public private(set) var error: String?
    /// The step on screen: 0 is x_T, `totalSteps` is the final sample.
    public private(set) var cursor = 0
    /// Quality at each computed step (index = step).
    public private(set) var quality: [QualityPoint?] = []
    /// The first step whose state holds NaN or infinity, if any.
    public private(set) var firstNonFiniteStep: Int?
    /// Points drawn from the data itself: the background layer and the metrics' reference.
    public let data: SampleBatch
    /// The distance a perfect sampler would score at the probe's sample size.
    public let noiseFloor: Float

    /// How many points the quality probe looks at (a prefix of the batch; the rows are independent).
    public let probeSize: Int

    /// The most point states a run may store (points × (steps + 1)): about 160 MB of states and
    /// predictions at the limit. Every state is kept so that going back is exact.
    public static let maximumStoredPoints = 10_010_000

    /// Why `settings` would store too much, or nil when they fit.
    public static func memoryProblem(_ settings: RunSettings) -> String? {
        let stored = settings.count.multipliedReportingOverflow(by: settings.steps + 1)
        guard stored.overflow || stored.partialValue > maximumStoredPoints else { return nil }
        return "\(settings.count) points × \(settings.steps) steps keeps too many states for exact stepping back "
            + "(at most \(maximumStoredPoints / 1_000_000)M points × steps); use fewer points (<) or steps (S)"
    }

    /// `settings` with the point count lowered, if needed, so that the run fits ``maximumStoredPoints``.
    public static func fitted(_ settings: RunSettings) -> RunSettings {
        var fitted = settings
        fitted.count = max(1, min(settings.count, maximumStoredPoints / max(1, settings.steps + 1)))
        return fitted
    }

    /// The default probe size: enough for stable numbers, cheap enough to measure every step.
    public static let defaultProbeSize = 256

    /// A run on `settings`, paused at x_T. When `previous` drew the same x_T and data (same data,
    /// seed, count and noise), its data sample, noise floor and x_T quality are reused, so a
    /// scheduler setting change costs only the new chain.
    public init(settings: RunSettings, probeSize: Int = ChainRun.defaultProbeSize, reusing previous: ChainRun? = nil) {
        self.settings = settings
        self.probeSize = max(8, probeSize)
        let reusable = previous.flatMap { $0.probeSize == max(8, probeSize) && $0.hasSameStart(as: settings) ? $0 : nil }
        self.data = reusable?.data ?? ChainRun.dataSample(for: settings)
        self.noiseFloor = reusable?.noiseFloor
            ?? QualityProbe.noiseFloor(of: settings.makeDataset(), seed: settings.seed, sampleSize: self.probeSize)
        do {
            let chain = try SamplingChain(settings: settings)
            self.chain = chain
            if let start = reusable?.quality.first ?? nil {
                quality = [start]
            } else {
                measureQuality()
            }
            checkFinite()
        } catch {
            self.chain = nil
            self.error = "\(error)"
        }
    }

    /// The number of DDIM steps of the run.
    public var totalSteps: Int { chain?.timesteps.count ?? 0 }
    /// The steps computed so far (states exist for 0...computedSteps).
    public var computedSteps: Int { chain.map { $0.states.count - 1 } ?? 0 }
    public var isAtEnd: Bool { cursor >= totalSteps }

    /// The state on screen: x_T at step 0, the sample at the end.
    public var current: SampleBatch? {
        guard let chain, cursor < chain.states.count else { return nil }
        return chain.states[cursor]
    }

    /// The x0 predicted at the step that produced the state on screen (nil at x_T).
    public var currentPrediction: SampleBatch? {
        guard let chain, cursor > 0, cursor - 1 < chain.predictedOriginals.count else { return nil }
        return chain.predictedOriginals[cursor - 1]
    }

    /// The timestep of the next step from the state on screen (the last one at the end).
    public var currentTimestep: Int? {
        guard let chain, !chain.timesteps.isEmpty else { return nil }
        return chain.timesteps[min(cursor, chain.timesteps.count - 1)]
    }

    /// Moves one step towards the sample, computing it if needed. Returns false at the end or on error.
    @discardableResult
    public mutating func stepForward() -> Bool {
        guard chain != nil, !isAtEnd else { return false }
        if cursor == computedSteps {
            do {
                try chain?.advance()
            } catch {
                self.error = "\(error)"
                return false
            }
            measureQuality()
            checkFinite()
        }
        cursor += 1
        return true
    }

    /// Moves one step back towards x_T; exact, since every state is stored.
    @discardableResult
    public mutating func stepBack() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        return true
    }

    public mutating func jumpToStart() { cursor = 0 }

    /// Runs the chain to its end.
    public mutating func jumpToEnd() {
        while stepForward() {}
    }

    /// Moves towards the end with bounded work: to the last computed state at once, then at most
    /// `pointStepBudget` points × steps of new computation (at least one step). True at the end.
    ///
    /// ```swift
    /// while !run.advanceTowardsEnd(pointStepBudget: 200_000) { /* draw, read keys */ }
    /// ```
    @discardableResult
    public mutating func advanceTowardsEnd(pointStepBudget: Int) -> Bool {
        show(step: computedSteps)
        for _ in 0..<max(1, pointStepBudget / max(1, settings.count)) where !stepForward() { break }
        return isAtEnd || error != nil
    }

    /// Shows step `step` (clamped), computing states up to it.
    public mutating func show(step: Int) {
        let target = max(0, min(step, totalSteps))
        if target <= computedSteps {
            cursor = target
        } else {
            while cursor < target && stepForward() {}
        }
    }

    private mutating func measureQuality() {
        guard let chain, let state = chain.states.last else { return }
        let step = chain.states.count - 1
        while quality.count <= step { quality.append(nil) }
        quality[step] = QualityProbe.measure(state, against: data, sampleSize: probeSize)
    }

    private mutating func checkFinite() {
        guard firstNonFiniteStep == nil, let chain else { return }
        let step = chain.states.count - 1
        if !chain.states[step].isFinite || (step > 0 && !chain.predictedOriginals[step - 1].isFinite) {
            firstNonFiniteStep = step
        }
    }

    /// True when a run on `settings` starts from the same x_T and data as this one.
    func hasSameStart(as other: RunSettings) -> Bool {
        settings.dataset == other.dataset && settings.userPoints == other.userPoints && settings.seed == other.seed
            && settings.count == other.count && settings.noise == other.noise && settings.bandwidth == other.bandwidth
    }

    static func dataSample(for settings: RunSettings) -> SampleBatch {
        settings.makeDataset().sample(count: 2_000, seed: settings.seed &+ 0x5EED)
    }
}
