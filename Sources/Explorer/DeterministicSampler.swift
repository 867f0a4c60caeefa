import ToyWorld

/// DDIM with eta = 0 driven directly: the decoder of the invert and interpolate modes, which
/// start from points of their own rather than from a seed.
///
/// ```swift
/// let sampler = try DeterministicSampler(settings: RunSettings())
/// let x0 = try sampler.decode(noise)
/// ```
struct DeterministicSampler: Sendable {
    let settings: RunSettings
    let scheduler: DDIMScheduler
    let denoiser: any Denoiser

    init(settings: RunSettings) throws {
        self.settings = settings
        var scheduler = try DDIMScheduler(configuration: settings.configuration)
        try scheduler.setTimesteps(settings.steps)
        self.scheduler = scheduler
        self.denoiser = try settings.makeDenoiser()
    }

    /// One forward (denoising) step from `sample` at `timestep`.
    func step(_ sample: SampleBatch, timestep: Int) throws -> SchedulerOutput {
        try DeterministicChain.step(scheduler, denoiser: denoiser, sample: sample, timestep: timestep)
    }

    /// Runs the whole chain from `noise` to a sample.
    func decode(_ noise: SampleBatch) throws -> SampleBatch {
        try DeterministicChain.run(scheduler, denoiser: denoiser, from: noise)
    }
}
