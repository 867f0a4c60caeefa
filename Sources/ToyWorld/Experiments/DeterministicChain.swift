/// Runs a scheduler's whole timestep list deterministically (eta = 0) with a denoiser in the loop,
/// from any starting batch: DDIM decoding x_T -> x_0 with ``DDIMScheduler`` and DDIM inversion
/// x_0 -> x_T with ``DDIMInverseScheduler``.
///
/// The model is evaluated at the timestep handed to `step` (alpha-bar of that timestep), as diffusers'
/// pipelines do with both schedulers.
///
/// ```swift
/// var inverse = try DDIMInverseScheduler(configuration: config)
/// try inverse.setTimesteps(50)
/// let latents = try DeterministicChain.run(inverse, denoiser: denoiser, from: points)
/// ```
public enum DeterministicChain {
    /// The batch after every step of `scheduler.timesteps`, starting from `sample`.
    public static func run<S: Scheduler>(_ scheduler: S, denoiser: any Denoiser, from sample: SampleBatch) throws -> SampleBatch {
        var current = sample
        let predictionType = scheduler.configuration.predictionType
        for timestep in scheduler.timesteps {
            let output = denoiser.modelOutput(for: current, alphaProduct: scheduler.alphaProduct(at: timestep),
                                              predictionType: predictionType)
            current = try scheduler.step(modelOutput: output, timestep: timestep, sample: current, eta: 0,
                                         useClippedModelOutput: false, varianceNoise: nil).prevSample
        }
        return current
    }
}
