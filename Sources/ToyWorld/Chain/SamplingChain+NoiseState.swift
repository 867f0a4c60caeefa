import DDIM

extension SamplingChain {
    /// The generator of the run's ``NoiseKind``.
    enum NoiseState: Sendable {
        case philox(PhiloxGenerator)
        case torch(TorchGenerator)

        /// x_T of a run with `settings` (its seed and noise kind), and the generator after drawing it.
        static func start(_ settings: RunSettings) -> (initial: SampleBatch, state: NoiseState) {
            switch settings.noise {
            case .philox:
                var generator = PhiloxGenerator(seed: settings.seed)
                return (.randomNormal(count: settings.count, dimension: 2, using: &generator), .philox(generator))
            case .torch:
                var generator = TorchGenerator(seed: settings.seed)
                return (.randomNormal(count: settings.count, dimension: 2, using: &generator), .torch(generator))
            }
        }

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
