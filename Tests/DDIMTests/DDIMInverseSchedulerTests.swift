import DDIM
import Testing

@Suite struct DDIMInverseSchedulerTests {
    struct Case: Decodable {
        let config: FixtureConfiguration
        let n: Int
        let timestep: Int
        let shape: [Int]
        let sample: [Float]
        let model_output: [Float]
        let prev_sample: [Float]
        let pred_original_sample: [Float]
    }
    struct File: Decodable { let cases: [Case] }

    @Test func inverseStepsEqualDiffusers() throws {
        let file = try loadFixture("ddim_inverse.json", as: File.self)
        for c in file.cases {
            var scheduler = try DDIMInverseScheduler(configuration: c.config.configuration)
            try scheduler.setTimesteps(c.n)
            let out = try scheduler.step(modelOutput: batch(c.model_output, shape: c.shape), timestep: c.timestep,
                                         sample: batch(c.sample, shape: c.shape))
            #expect(maxRelativeError(out.prevSample.values, c.prev_sample) <= 1e-5, "t=\(c.timestep)")
            #expect(maxRelativeError(out.predOriginalSample.values, c.pred_original_sample) <= 1e-5, "t=\(c.timestep)")
        }
    }

    @Test func stepsStartBelowAndLandOnTheirTimestep() throws {
        var scheduler = try DDIMInverseScheduler()
        try scheduler.setTimesteps(10)
        #expect(scheduler.timesteps == [0, 100, 200, 300, 400, 500, 600, 700, 800, 900])
        #expect(scheduler.sourceTimestep(for: 0) == -100)
        #expect(scheduler.alphaProduct(at: -100) == 1)
        #expect(scheduler.previousTimestep(for: 300) == 300)
        let c = try scheduler.coefficients(timestep: 300, eta: 0)
        #expect(c.alphaProduct == scheduler.alphasCumprod[200])
        #expect(c.alphaProductPrevious == scheduler.alphasCumprod[300])
    }

    /// Encode x0 -> xT with the exact epsilon of a single Gaussian (data N(0, s^2)), decode back:
    /// the error shrinks as the number of steps grows.
    @Test func inversionThenSamplingReconstructsBetterWithMoreSteps() throws {
        var config = DDIMConfiguration()
        config.clipSample = false
        config.setAlphaToOne = false
        config.timestepSpacing = .trailing
        config.previousTimestepRule = .nextInSchedule
        let spread: Float = 0.5
        func epsilon(_ x: SampleBatch, alphaProduct a: Float) -> SampleBatch {
            // For x0 ~ N(0, s^2 I): E[eps | x_t] = sqrt(1 - a) x_t / (a s^2 + 1 - a).
            let scale = (1 - a).squareRoot() / (a * spread * spread + 1 - a)
            return SampleBatch(count: x.count, dimension: x.dimension, values: x.values.map { $0 * scale })
        }
        let x0 = SampleBatch(count: 4, dimension: 2, values: [0.3, -0.2, 0.7, 0.1, -0.5, -0.6, 0.05, 0.9])
        var errors: [Float] = []
        for steps in [5, 50, 500] {
            var inverse = try DDIMInverseScheduler(configuration: config)
            try inverse.setTimesteps(steps)
            var x = x0
            for t in inverse.timesteps {
                let source = inverse.sourceTimestep(for: t)
                x = try inverse.step(modelOutput: epsilon(x, alphaProduct: inverse.alphaProduct(at: source)),
                                     timestep: t, sample: x).prevSample
            }
            var forward = try DDIMScheduler(configuration: config)
            try forward.setTimesteps(steps)
            for t in forward.timesteps {
                x = try forward.step(modelOutput: epsilon(x, alphaProduct: forward.alphaProduct(at: t)),
                                     timestep: t, sample: x).prevSample
            }
            errors.append(zip(x.values, x0.values).map { abs($0 - $1) }.max() ?? .infinity)
        }
        #expect(errors[0] > errors[1] && errors[1] > errors[2], "\(errors)")
        #expect(errors[2] < 0.02, "\(errors)")
    }
}
