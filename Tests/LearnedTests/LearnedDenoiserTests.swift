import DDIM
import Testing
import ToyWorld
@testable import Learned

@Suite struct LearnedDenoiserTests {
    static let xt = SampleBatch(count: 3, dimension: 2, values: [0.5, -1, 2, 0.25, -0.75, 1.5])

    /// Builds consistent (eps, x0, v) from x0 and eps and checks every conversion.
    @Test(arguments: [0.02, 0.3, 0.5, 0.97] as [Float])
    func everyConversionIsConsistent(alphaProduct: Float) {
        let s = alphaProduct.squareRoot(), sigma = (1 - alphaProduct).squareRoot()
        let x0 = SampleBatch(count: 3, dimension: 2, values: [0.1, 0.2, -1, 1.5, 0.7, -0.3])
        let eps = SampleBatch(count: 3, dimension: 2, values: [1, -0.5, 0.3, 0.8, -1.2, 0.05])
        let xt = SampleBatch(count: 3, dimension: 2, values: (0..<6).map { s * x0.values[$0] + sigma * eps.values[$0] })
        let v = SampleBatch(count: 3, dimension: 2, values: (0..<6).map { s * eps.values[$0] - sigma * x0.values[$0] })
        let all: [PredictionType: SampleBatch] = [.epsilon: eps, .sample: x0, .vPrediction: v]
        for (from, output) in all {
            for (to, expected) in all {
                let got = LearnedDenoiser.convert(output, of: from, to: to, sample: xt, alphaProduct: alphaProduct)
                let worst = zip(got.values, expected.values).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 2e-5 / min(s, sigma), "\(from) -> \(to) at alpha-bar \(alphaProduct): \(worst)")
            }
        }
    }

    @Test func edgeCasesAreFinite() {
        let output = SampleBatch(count: 3, dimension: 2, values: [1, 2, 3, 4, 5, 6])
        // alpha-bar = 0: an epsilon network says nothing about x0.
        #expect(LearnedDenoiser.convert(output, of: .epsilon, to: .sample, sample: Self.xt, alphaProduct: 0).values.allSatisfy { $0 == 0 })
        #expect(LearnedDenoiser.convert(output, of: .epsilon, to: .vPrediction, sample: Self.xt, alphaProduct: 0).values.allSatisfy { $0 == 0 })
        // alpha-bar = 1: a sample network says nothing about the noise.
        #expect(LearnedDenoiser.convert(output, of: .sample, to: .epsilon, sample: Self.xt, alphaProduct: 1).values.allSatisfy { $0 == 0 })
        #expect(LearnedDenoiser.convert(output, of: .sample, to: .vPrediction, sample: Self.xt, alphaProduct: 1).values.allSatisfy { $0 == 0 })
        // v converts everywhere: at alpha-bar 0, eps = x_t and x0 = -v.
        #expect(LearnedDenoiser.convert(output, of: .vPrediction, to: .epsilon, sample: Self.xt, alphaProduct: 0) == Self.xt)
        #expect(LearnedDenoiser.convert(output, of: .vPrediction, to: .sample, sample: Self.xt, alphaProduct: 0).values == output.values.map { -$0 })
        // NaN alpha-bar counts as 0; out-of-range values are clamped.
        #expect(LearnedDenoiser.convert(output, of: .epsilon, to: .sample, sample: Self.xt, alphaProduct: .nan).values.allSatisfy { $0 == 0 })
        #expect(LearnedDenoiser.convert(output, of: .sample, to: .epsilon, sample: Self.xt, alphaProduct: 1.5).values.allSatisfy { $0 == 0 })
    }

    @Test func denoiserRunsTheNetworkAndConverts() throws {
        let net = try ToyMLP(architecture: MLPArchitecture(hidden: 16, layers: 2), seed: 1)
        let denoiser = LearnedDenoiser(network: net, predictionType: .vPrediction)
        let raw = net.output(for: Self.xt, timestep: 400)
        #expect(denoiser.modelOutput(for: Self.xt, timestep: 400, alphaProduct: 0.4, predictionType: .vPrediction) == raw)
        let eps = denoiser.modelOutput(for: Self.xt, timestep: 400, alphaProduct: 0.4, predictionType: .epsilon)
        #expect(eps == LearnedDenoiser.convert(raw, of: .vPrediction, to: .epsilon, sample: Self.xt, alphaProduct: 0.4))
    }

    @Test func aChainSamplesWithTheLearnedModel() throws {
        let net = try ToyMLP(architecture: MLPArchitecture(hidden: 16, layers: 2), seed: 1)
        var settings = RunSettings(dataset: .twoMoons, count: 200, seed: 3)
        settings.steps = 10
        var chain = try SamplingChain(settings: settings, denoiser: LearnedDenoiser(network: net, predictionType: .epsilon))
        try chain.runToEnd()
        #expect(chain.states.count == 11 && chain.current.isFinite && !chain.hasNonFiniteValues)
    }
}
