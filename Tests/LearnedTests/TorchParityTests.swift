import DDIM
import Foundation
import Testing
import ToyWorld
@testable import Learned

/// Parity with PyTorch and diffusers on model files written by `safetensors.torch.save_file`
/// (fixtures from Tests/Scripts/generate_learned_fixtures.py), read through ``ModelFile``: the
/// forward pass within 1e-5 of the torch module, and whole DDIM runs with torch noise within 1e-3
/// of diffusers'.
@Suite struct TorchParityTests {
    static let forward = (try? loadLearnedFixture("torch_mlp_forward.json", as: TorchForwardFixture.self).models) ?? []
    static let runs = (try? loadLearnedFixture("torch_ddim_run.json", as: TorchRunFixture.self).runs) ?? []

    @Test func fixturesArePresent() {
        #expect(Self.forward.count == 2)
        #expect(Self.runs.count == 3)
    }

    @Test(arguments: forward)
    func forwardPassMatchesTorch(_ fixture: TorchForwardFixture.Model) throws {
        let model = try ModelFile(contentsOf: learnedFixtureURL(fixture.file))
        #expect(model.network.architecture == fixture.architecture)
        #expect(model.predictionType.rawValue == fixture.predictionType)
        let points = SampleBatch(count: fixture.count, dimension: 2, values: fixture.points)
        for testCase in fixture.cases {
            let output = model.network.output(for: points, timestep: testCase.timestep)
            let difference = maxAbsoluteDifference(output.values, testCase.output)
            #expect(difference <= 1e-5, "\(fixture.file) t = \(testCase.timestep): max |swift - torch| = \(difference)")
        }
    }

    /// One timestep per row (the training path) gives the same outputs as torch too.
    @Test(arguments: forward)
    func perRowTimestepsMatchTorch(_ fixture: TorchForwardFixture.Model) throws {
        let model = try ModelFile(contentsOf: learnedFixtureURL(fixture.file))
        let rows = SampleBatch(count: fixture.count * fixture.cases.count, dimension: 2,
                               values: Array(repeating: fixture.points, count: fixture.cases.count).flatMap { $0 })
        let timesteps = fixture.cases.flatMap { Array(repeating: $0.timestep, count: fixture.count) }
        let output = try model.network.output(for: rows, timesteps: timesteps)
        let difference = maxAbsoluteDifference(output.values, fixture.cases.flatMap(\.output))
        #expect(difference <= 1e-5, "\(fixture.file): max |swift - torch| = \(difference)")
    }

    @Test(arguments: runs)
    func wholeDDIMRunMatchesDiffusers(_ run: TorchFixtureRun) throws {
        let model = try ModelFile(contentsOf: learnedFixtureURL(run.file))
        #expect(model.configuration == (try TorchModel(fixture: run.file)).configuration, "the file's scheduler_config")
        let settings = RunSettings(count: run.count, seed: run.seed, configuration: model.configuration,
                                   steps: run.steps, eta: run.eta, noise: .torch)
        var chain = try SamplingChain(settings: settings, denoiser: model.denoiser)
        #expect(chain.timesteps == run.timesteps)
        try chain.runToEnd()
        #expect(chain.states.count == run.states.count)
        // TorchGenerator's 16-wide path agrees with torch's vectorized log/sin/cos to a few ulps.
        #expect(maxAbsoluteDifference(chain.states[0].values, run.states[0]) <= 1e-6, "x_T is torch.randn")
        var worst: Float = 0
        for (state, expected) in zip(chain.states, run.states) {
            worst = max(worst, maxAbsoluteDifference(state.values, expected))
        }
        #expect(worst <= 1e-3, "\(run.testDescription): max |swift - diffusers| over all states = \(worst)")
    }
}

typealias TorchFixtureRun = TorchRunFixture.Run
