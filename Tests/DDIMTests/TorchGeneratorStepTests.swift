import DDIM
import Testing

/// eta > 0 runs with `TorchGenerator` reproduce diffusers runs with `generator=torch.manual_seed(seed)`.
@Suite struct TorchGeneratorStepTests {
    struct Run: Decodable {
        let seed: UInt64
        let rows: Int
        let eta: Float
        let steps: Int
        let initial: [Float]
        let final: [Float]
    }
    struct File: Decodable { let runs: [Run] }

    @Test func stochasticSamplingMatchesDiffusersWithATorchGenerator() throws {
        let file = try loadFixture("ddim_torch_generator.json", as: File.self)
        for run in file.runs {
            var config = DDIMConfiguration()
            config.clipSample = false
            var scheduler = try DDIMScheduler(configuration: config)
            try scheduler.setTimesteps(run.steps)
            var generator = TorchGenerator(seed: run.seed)
            var x = SampleBatch.randomNormal(count: run.rows, dimension: 2, using: &generator)
            #expect(maxRelativeError(x.values, run.initial) <= 1e-5, "initial latents, seed \(run.seed)")
            for t in scheduler.timesteps {
                let output = SampleBatch(count: x.count, dimension: 2,
                                         values: x.values.map { $0 * 0.5 * Float(t) / Float(t + 1) })
                let noise = scheduler.noise(eta: run.eta, drawnFrom: &generator, like: x)
                x = try scheduler.step(modelOutput: output, timestep: t, sample: x, eta: run.eta, noise: noise).prevSample
            }
            #expect(maxRelativeError(x.values, run.final) <= 1e-5, "seed \(run.seed): final sample")
        }
    }
}
