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
        for timestep in scheduler.timesteps {
            current = try step(scheduler, denoiser: denoiser, sample: current, timestep: timestep).prevSample
        }
        return current
    }

    /// One step of `scheduler` at `timestep` (eta = 0), with the model output of `denoiser` at
    /// alpha-bar of that timestep.
    ///
    /// ```swift
    /// let next = try DeterministicChain.step(scheduler, denoiser: denoiser, sample: x, timestep: 981).prevSample
    /// ```
    public static func step<S: Scheduler>(_ scheduler: S, denoiser: any Denoiser, sample: SampleBatch,
                                          timestep: Int) throws -> SchedulerOutput {
        let output = denoiser.modelOutput(for: sample, timestep: timestep, alphaProduct: scheduler.alphaProduct(at: timestep),
                                          predictionType: scheduler.configuration.predictionType)
        return try scheduler.step(modelOutput: output, timestep: timestep, sample: sample)
    }
}
