import DDIM
import Testing

/// The published numbers of diffusers' own tests (tests/schedulers/test_scheduler_ddim.py and
/// test_scheduler_ddim_inverse.py), reproduced with their dummy model and sample.
@Suite struct DiffusersReferenceTests {
    struct Loop: Decodable { let config: FixtureConfiguration; let sum: Float; let mean: Float }
    struct File: Decodable {
        let dummy_sample_deter: [Float]
        let shape: [Int]
        let forward: [Loop]
        let inverse: [Loop]
        let variances: [[Float]]
        let steps_offset_timesteps: [Int]
    }

    /// diffusers' `dummy_model`: sample * t / (t + 1).
    static func dummyModel(_ x: SampleBatch, _ t: Int) -> SampleBatch {
        SampleBatch(count: x.count, dimension: x.dimension, values: x.values.map { $0 * Float(t) / Float(t + 1) })
    }

    static func fullLoop<S: Scheduler>(_ scheduler: inout S, sample: SampleBatch) throws -> (sum: Float, mean: Float) {
        try scheduler.setTimesteps(10)
        var x = sample
        for t in scheduler.timesteps {
            x = try scheduler.step(modelOutput: dummyModel(x, t), timestep: t, sample: x).prevSample
        }
        let sum = x.values.reduce(0) { $0 + abs($1) }
        return (sum, sum / Float(x.values.count))
    }

    @Test func fullLoopSumsMatchThePublishedNumbers() throws {
        let file = try loadFixture("ddim_reference.json", as: File.self)
        let sample = batch(file.dummy_sample_deter, shape: file.shape)
        let published: [(Float, Float)] = [(172.0067, 0.223967), (52.5302, 0.0684), (149.8295, 0.1951), (149.0784, 0.1941)]
        for (loop, expected) in zip(file.forward, published) {
            var scheduler = try DDIMScheduler(configuration: loop.config.configuration)
            let result = try Self.fullLoop(&scheduler, sample: sample)
            #expect(abs(result.sum - expected.0) < 1e-2, "published sum \(expected.0), got \(result.sum)")
            #expect(abs(result.mean - expected.1) < 1e-3)
            #expect(abs(result.sum - loop.sum) / loop.sum < 1e-5, "diffusers here: \(loop.sum), got \(result.sum)")
        }
    }

    @Test func inverseFullLoopSumsMatchDiffusers() throws {
        let file = try loadFixture("ddim_reference.json", as: File.self)
        let sample = batch(file.dummy_sample_deter, shape: file.shape)
        // diffusers' DDIMInverseScheduler tests: 671.6816 / 0.8746, 1394.2185 / 1.8154,
        // 539.9622 / 0.7031, 542.6722 / 0.7066.
        let published: [(Float, Float)] = [(671.6816, 0.8746), (1394.2185, 1.8154), (539.9622, 0.7031), (542.6722, 0.7066)]
        for (loop, expected) in zip(file.inverse, published) {
            var scheduler = try DDIMInverseScheduler(configuration: loop.config.configuration)
            let result = try Self.fullLoop(&scheduler, sample: sample)
            #expect(abs(result.sum - expected.0) < 1e-2, "published sum \(expected.0), got \(result.sum)")
            #expect(abs(result.mean - expected.1) < 1e-3)
            #expect(abs(result.sum - loop.sum) / loop.sum < 1e-5, "diffusers here: \(loop.sum), got \(result.sum)")
        }
    }

    @Test func varianceValues() throws {
        let scheduler = try DDIMScheduler()
        #expect(scheduler.variance(timestep: 0, previousTimestep: 0) == 0)
        #expect(abs(scheduler.variance(timestep: 420, previousTimestep: 400) - 0.14771) < 1e-5)
        #expect(abs(scheduler.variance(timestep: 980, previousTimestep: 960) - 0.32460) < 1e-5)
        #expect(abs(scheduler.variance(timestep: 487, previousTimestep: 486) - 0.00979) < 1e-5)
        #expect(abs(scheduler.variance(timestep: 999, previousTimestep: 998) - 0.02) < 1e-5)
        let file = try loadFixture("ddim_reference.json", as: File.self)
        for row in file.variances {
            #expect(scheduler.variance(timestep: Int(row[0]), previousTimestep: Int(row[1])) == row[2])
        }
    }

    @Test func stepsOffsetTimesteps() throws {
        var config = DDIMConfiguration()
        config.stepsOffset = 1
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(5)
        #expect(scheduler.timesteps == [801, 601, 401, 201, 1])
        let file = try loadFixture("ddim_reference.json", as: File.self)
        #expect(scheduler.timesteps == file.steps_offset_timesteps)
    }
}
