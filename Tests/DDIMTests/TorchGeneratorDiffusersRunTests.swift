import Foundation
import Testing
import DDIM

/// One stochastic diffusers DDIM run recorded by Tests/Scripts/generate_torch_fixtures.py.
struct DiffusersRunFixture: Decodable, Sendable, CustomStringConvertible {
    let seed: UInt64
    let count: Int
    let steps: Int
    let eta: Float
    let timesteps: [Int]
    let states: [[Float]]
    var description: String { "seed \(seed), \(count) points, \(steps) steps, eta \(eta)" }

    static func load() throws -> [DiffusersRunFixture] {
        struct Document: Decodable { let runs: [DiffusersRunFixture] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch_diffusers_runs.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).runs
    }
}

/// A Swift run with `TorchGenerator(seed:)` reproduces a diffusers run with
/// `generator=torch.manual_seed(seed)`: the same latents, the same noise at every step.
@Suite struct TorchGeneratorDiffusersRunTests {
    @Test(arguments: try DiffusersRunFixture.load())
    func stochasticRunMatchesDiffusersStepByStep(_ run: DiffusersRunFixture) throws {
        var scheduler = try DDIMScheduler(configuration: DDIMConfiguration())
        try scheduler.setTimesteps(run.steps)
        #expect(scheduler.timesteps == run.timesteps)
        var generator = TorchGenerator(seed: run.seed)
        var x = SampleBatch.randomNormal(count: run.count, dimension: 2, using: &generator)
        #expect(maximumDifference(x.values, run.states[0]) <= 5e-7)
        for (index, timestep) in scheduler.timesteps.enumerated() {
            let eps = SampleBatch(count: run.count, dimension: 2, values: x.values.map { 0.3 * $0 + 0.1 })
            x = try scheduler.step(modelOutput: eps, timestep: timestep, sample: x, eta: run.eta,
                                   noise: scheduler.noise(eta: run.eta, drawnFrom: &generator, like: x)).prevSample
            // Noise agrees to a few ulps (torch's vectorized sin/cos/log), the step to float rounding:
            // measured at most 7.2e-7 over all four runs.
            let error = maximumDifference(x.values, run.states[index + 1])
            #expect(error <= 5e-6, "after step \(index + 1) (t = \(timestep)): max difference \(error)")
        }
    }

    private func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}
