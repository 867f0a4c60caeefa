import DDIM

extension SamplingChain {
    /// The generator of the run's ``NoiseKind``.
    enum NoiseState: Sendable {
        case philox(PhiloxGenerator)
        case torch(TorchGenerator)

        /// One step of `scheduler` drawing its noise (when stochastic) from this generator, which advances.
        mutating func step(_ scheduler: DDIMScheduler, modelOutput: SampleBatch, timestep: Int, sample: SampleBatch,
                           eta: Float, useClippedModelOutput: Bool) throws(DDIMError) -> SchedulerOutput {
            let noise: StepNoise
            switch self {
            case .philox(var generator):
                noise = scheduler.noise(eta: eta, drawnFrom: &generator, like: sample)
                self = .philox(generator)
            case .torch(var generator):
                noise = scheduler.noise(eta: eta, drawnFrom: &generator, like: sample)
                self = .torch(generator)
            }
            return try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                                      useClippedModelOutput: useClippedModelOutput, noise: noise)
        }
    }
}
