/// The forward (noising) process of a run's schedule on its dataset: q(x_t | x0) =
/// N(sqrt(ᾱ_t) x0, (1 - ᾱ_t) I), for one fixed set of data points x0 and one fixed noise ε, so
/// that the same points can be noised to any level t and followed back by DDIM.
///
/// ```swift
/// let forward = try ForwardProcess(settings: RunSettings(dataset: .twoMoons, count: 500))
/// let noisy = try forward.noised(at: 400)          // sqrt(ᾱ_400) x0 + sqrt(1 - ᾱ_400) ε
/// let back = try forward.reversePath(from: 400)    // x_400, ..., the DDIM (eta 0) result
/// let drift = ForwardProcess.rootMeanSquareDistance(back.last!, forward.data)
/// ```
public struct ForwardProcess: Sendable {
    /// The settings: dataset, count, seed, schedule and the step count of the way back.
    public let settings: RunSettings
    /// The scheduler of ``settings`` (its timesteps set to `settings.steps`).
    public let scheduler: DDIMScheduler
    /// The clean points x0 (a data sample drawn from the seed).
    public let data: SampleBatch
    /// The noise ε added to them at every level (standard normal, drawn from the seed).
    public let noise: SampleBatch
    /// The model that leads the points back.
    public let denoiser: any Denoiser

    /// The data and noise of `settings` (`count` points each, both from `seed`); `denoiser` or the
    /// settings' model leads the way back.
    public init(settings: RunSettings, denoiser: (any Denoiser)? = nil) throws {
        guard settings.count > 0 else { throw SamplingChainError.invalidCount(settings.count) }
        var scheduler = try DDIMScheduler(configuration: settings.configuration)
        scheduler.maximumThreads = 1
        try scheduler.setTimesteps(settings.steps)
        self.settings = settings
        self.scheduler = scheduler
        data = settings.makeDataset().sample(count: settings.count, seed: settings.seed &+ Self.dataSeedOffset)
        var generator = PhiloxGenerator(seed: settings.seed)
        noise = .randomNormal(count: settings.count, dimension: 2, using: &generator)
        self.denoiser = try denoiser ?? settings.makeDenoiser()
    }

    /// Keeps the data sample apart from the noise drawn from the same seed.
    static let dataSeedOffset: UInt64 = 0xF0A4_0001

    /// The training levels, 0 ..< T.
    public var levels: Range<Int> { 0..<scheduler.alphasCumprod.count }

    /// ᾱ_t at level `t` (clamped to the levels).
    public func alphaProduct(at t: Int) -> Float {
        scheduler.alphasCumprod[min(max(t, 0), scheduler.alphasCumprod.count - 1)]
    }

    /// The mean's scale and the standard deviation of q(x_t | x0): (sqrt(ᾱ_t), sqrt(1 - ᾱ_t)).
    public func distribution(at t: Int) -> (meanScale: Float, standardDeviation: Float) {
        let alpha = alphaProduct(at: t)
        return (alpha.squareRoot(), (1 - alpha).squareRoot())
    }

    /// The points noised to level `t`: sqrt(ᾱ_t) x0 + sqrt(1 - ᾱ_t) ε. Throws for a level outside 0 ..< T.
    public func noised(at t: Int) throws -> SampleBatch {
        try scheduler.addNoise(data, noise: noise, timesteps: [t])
    }

    /// The levels DDIM visits on the way back from `t`: `t`, then the scheduler's previous
    /// timestep of each (a stride of T / steps) while it stays at 0 or above.
    public func reverseTimesteps(from t: Int) -> [Int] {
        guard levels.contains(t) else { return [] }
        var result = [t], current = t
        while true {
            let previous = scheduler.previousTimestep(for: current)
            guard previous >= 0, previous < current else { break }
            result.append(previous)
            current = previous
        }
        return result
    }

    /// The noised points at `t` followed back by DDIM (eta 0): element 0 is x_t, the last is the
    /// result at the final level. Throws for a level outside 0 ..< T or a step the scheduler refuses.
    public func reversePath(from t: Int) throws -> [SampleBatch] {
        var current = try noised(at: t)
        var path = [current]
        for timestep in reverseTimesteps(from: t) {
            current = try DeterministicChain.step(scheduler, denoiser: denoiser, sample: current, timestep: timestep).prevSample
            path.append(current)
        }
        return path
    }

    /// The states of the forward process at `frames` levels from 0 to `level` (T - 1 when nil),
    /// evenly spaced, for an animation: element 0 is the data x0 itself.
    public func noisingStates(upTo level: Int? = nil, frames: Int) throws -> (levels: [Int], states: [SampleBatch]) {
        let last = level ?? (levels.upperBound - 1)
        let count = max(2, frames)
        let chosen = (0..<count).map { Int((Double($0) * Double(last) / Double(count - 1)).rounded()) }
        var states = [data]
        for t in chosen.dropFirst() { states.append(try noised(at: t)) }
        return (chosen, states)
    }

    /// The root mean square over points of the distance between matching rows of `a` and `b`
    /// (infinite when the shapes differ or a value is not finite).
    public static func rootMeanSquareDistance(_ a: SampleBatch, _ b: SampleBatch) -> Double {
        let meanSquare = PaperTables.meanSquaredError(a, b)
        return meanSquare.isFinite ? (meanSquare * Double(max(1, a.dimension))).squareRoot() : .infinity
    }
}
