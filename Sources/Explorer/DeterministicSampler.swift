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
        self.denoiser = try settings.makeDataset().makeExactDenoiser(bandwidth: settings.bandwidth)
    }

    /// One forward (denoising) step from `sample` at `timestep`.
    func step(_ sample: SampleBatch, timestep: Int) throws -> SchedulerOutput {
        let output = denoiser.modelOutput(for: sample, alphaProduct: scheduler.alphaProduct(at: timestep),
                                          predictionType: settings.configuration.predictionType)
        return try scheduler.step(modelOutput: output, timestep: timestep, sample: sample, eta: 0,
                                  useClippedModelOutput: false, varianceNoise: nil)
    }

    /// Runs the whole chain from `noise` to a sample.
    func decode(_ noise: SampleBatch) throws -> SampleBatch {
        var x = noise
        for timestep in scheduler.timesteps {
            x = try step(x, timestep: timestep).prevSample
        }
        return x
    }
}
