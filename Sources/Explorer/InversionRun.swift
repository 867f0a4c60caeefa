import ToyWorld

/// The invert mode's run: data points encoded to noise by DDIM inversion, then decoded back by
/// DDIM (eta 0), one step at a time, with the reconstruction error at the end (the paper's
/// Table 2 in motion).
///
/// States 0…S are the encoding (data x0 to x_T), S…2S the decoding back to data.
///
/// ```swift
/// var run = InversionRun(settings: RunSettings())
/// while !run.advanceTowardsEnd(pointStepBudget: 100_000) {}
/// run.reconstructionError   // RMS distance between the data and its reconstruction
/// ```
public struct InversionRun: Sendable {
    public let settings: RunSettings
    /// States computed so far: data, then each inversion step, then each decoding step.
    public private(set) var states: [SampleBatch]
    public private(set) var cursor = 0
    public private(set) var error: String?
    public private(set) var hasNonFiniteValues = false
    let sampler: DeterministicSampler?
    let inverse: DDIMInverseScheduler?

    /// At most this many points are inverted (every state is kept for exact stepping back).
    public static let maximumCount = 2_000

    public init(settings: RunSettings) {
        self.settings = settings
        let data = settings.makeDataset().sample(count: min(settings.count, InversionRun.maximumCount), seed: settings.seed)
        self.states = [data]
        do {
            let sampler = try DeterministicSampler(settings: settings)
            var inverse = try DDIMInverseScheduler(configuration: settings.configuration)
            try inverse.setTimesteps(settings.steps)
            self.sampler = sampler
            self.inverse = inverse
        } catch {
            self.sampler = nil
            self.inverse = nil
            self.error = "\(error)"
        }
    }

    /// Steps per direction.
    public var stepsPerDirection: Int { sampler?.scheduler.timesteps.count ?? 0 }
    /// All steps: encoding then decoding.
    public var totalSteps: Int { 2 * stepsPerDirection }
    public var isAtEnd: Bool { cursor >= totalSteps || error != nil }
    /// True while the cursor is in the encoding half.
    public var isEncoding: Bool { cursor < stepsPerDirection }
    public var current: SampleBatch { states[cursor] }
    public var original: SampleBatch { states[0] }

    /// The timestep of the step leaving the state on screen.
    public var currentTimestep: Int? {
        let s = stepsPerDirection
        guard s > 0 else { return nil }
        if cursor < s { return inverse?.timesteps[cursor] }
        return sampler?.scheduler.timesteps[min(cursor - s, s - 1)]
    }

    /// Root-mean-square distance between the data and its reconstruction, once decoded.
    public var reconstructionError: Float? {
        guard states.count == totalSteps + 1, totalSteps > 0, let last = states.last else { return nil }
        return InversionRun.rmsDistance(last, states[0])
    }

    /// Mean squared error per coordinate between the data and its reconstruction, as `table`'s
    /// Table 2 and the paper report it (nil until the way back is done).
    public var reconstructionMeanSquaredError: Double? {
        guard states.count == totalSteps + 1, totalSteps > 0, let last = states.last else { return nil }
        return PaperTables.meanSquaredError(last, states[0])
    }

    /// Root-mean-square distance between the data and the state on screen.
    public var currentError: Float { InversionRun.rmsDistance(current, states[0]) }

    @discardableResult
    public mutating func stepForward() -> Bool {
        guard !isAtEnd, let sampler, let inverse else { return false }
        if cursor == states.count - 1 {
            let s = stepsPerDirection
            let x = states[cursor]
            do {
                let next: SampleBatch
                if cursor < s {
                    next = try DeterministicChain.step(inverse, denoiser: sampler.denoiser, sample: x,
                                                       timestep: inverse.timesteps[cursor]).prevSample
                } else {
                    next = try sampler.step(x, timestep: sampler.scheduler.timesteps[cursor - s]).prevSample
                }
                if !next.isFinite { hasNonFiniteValues = true }
                states.append(next)
            } catch {
                self.error = "\(error)"
                return false
            }
        }
        cursor += 1
        return true
    }

    @discardableResult
    public mutating func stepBack() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        return true
    }

    public mutating func jumpToStart() { cursor = 0 }
    /// Moves towards the end with bounded work: to the last computed state at once, then at most
    /// `pointStepBudget` points × steps of new computation (at least one step). True at the end.
    @discardableResult
    public mutating func advanceTowardsEnd(pointStepBudget: Int) -> Bool {
        cursor = states.count - 1
        for _ in 0..<max(1, pointStepBudget / max(1, original.count)) where !stepForward() { break }
        return isAtEnd
    }

    static func rmsDistance(_ a: SampleBatch, _ b: SampleBatch) -> Float {
        guard a.hasSameShape(as: b), a.count > 0 else { return .nan }
        var sum: Double = 0
        for i in a.values.indices {
            let d = Double(a.values[i] - b.values[i])
            sum += d * d
        }
        return Float((sum / Double(a.count)).squareRoot())
    }
}
