/// The DDIM paper's interpolation (section 5.3): x_T of two seeds, slerped as one latent
/// (``Slerp``), each blend decoded with deterministic DDIM (eta 0). x_T is drawn straight from the
/// seeds (``RunSettings/initialNoise()``); one scheduler and one model serve every blend.
///
/// ```swift
/// let interpolation = try NoiseInterpolation(settings: RunSettings(dataset: .twoMoons, count: 200, seed: 4))
/// let halfway = try interpolation.decode(alpha: 0.5)   // the points decoded from the middle noise
/// ```
public struct NoiseInterpolation: Sendable {
    /// The settings of the first seed's run (eta must be 0).
    public let settings: RunSettings
    /// x_T of ``settings`` (alpha 0) and of the second seed (alpha 1).
    public let first: SampleBatch, second: SampleBatch
    /// The decoder: the settings' scheduler with its timesteps set, and their model.
    public let scheduler: DDIMScheduler
    public let denoiser: any Denoiser

    /// Interpolates from the seed of `settings` to `secondSeed` (default: the next seed).
    /// `denoiser` replaces the settings' model when given.
    public init(settings: RunSettings, secondSeed: UInt64? = nil, denoiser: (any Denoiser)? = nil) throws {
        guard settings.count > 0 else { throw SamplingChainError.invalidCount(settings.count) }
        var other = settings
        other.seed = secondSeed ?? settings.seed &+ 1
        var scheduler = try DDIMScheduler(configuration: settings.configuration)
        try scheduler.setTimesteps(settings.steps)
        self.settings = settings
        self.first = settings.initialNoise()
        self.second = other.initialNoise()
        self.scheduler = scheduler
        self.denoiser = try denoiser ?? settings.makeDenoiser()
    }

    /// The noise at `alpha` (0: the first seed's x_T, 1: the second's).
    public func noise(alpha: Float) throws(SlerpError) -> SampleBatch {
        try Slerp.interpolate(first, second, alpha: alpha)
    }

    /// The points decoded (eta 0, every timestep) from the noise at `alpha`.
    public func decode(alpha: Float) throws -> SampleBatch {
        try DeterministicChain.run(scheduler, denoiser: denoiser, from: noise(alpha: alpha))
    }
}
