import DDIM
import Testing
@testable import Learned

/// Analytic gradients (the training step's backward pass, in float) against central finite
/// differences of the scalar reference loss in double precision.
@Suite struct GradientCheckTests {
    struct Problem {
        let net: ToyMLP
        let points: SampleBatch
        let timesteps: [Int]
        let targets: [Float]
        let reference: ReferenceNetwork
        let inputs: [[Double]]

        init(architecture: MLPArchitecture, rows: Int = 24, seed: UInt64 = 4) throws {
            net = try ToyMLP(architecture: architecture, seed: seed)
            points = SampleBatch(count: rows, dimension: 2, values: testValues(2 * rows, seed: seed + 1, scale: 2))
            timesteps = (0..<rows).map { ($0 * 389 + 17) % 1000 }
            targets = testValues(2 * rows, seed: seed + 2, scale: 1.5)
            reference = ReferenceNetwork(net)
            let (points, timesteps, reference) = (points, timesteps, reference)
            inputs = (0..<rows).map { reference.inputRow(x: points[$0, 0], y: points[$0, 1], timestep: timesteps[$0]) }
        }

        func referenceLoss(changing index: Int, by step: Double) -> Double {
            var shifted = reference
            shifted.parameters[index] += step
            return shifted.loss(inputs: inputs, targets: targets)
        }
    }

    static let architecture = MLPArchitecture(hidden: 16, layers: 3, timeEmbedding: 8, fourierFeatures: 2)

    @Test func lossMatchesTheReference() throws {
        let problem = try Problem(architecture: Self.architecture)
        let (loss, _) = LossGradient.evaluate(problem.net, points: problem.points, timesteps: problem.timesteps, targets: problem.targets)
        let expected = problem.reference.loss(inputs: problem.inputs, targets: problem.targets)
        #expect(abs(Double(loss) - expected) < 1e-5 * expected)
    }

    /// Every weight and bias of every Linear layer (the first sees the embeddings, the middle ones
    /// GELU on both sides, the last none).
    @Test(arguments: 0..<4)
    func everyParameterOfLayerMatchesFiniteDifferences(layer: Int) throws {
        let problem = try Problem(architecture: Self.architecture)
        let (_, gradient) = LossGradient.evaluate(problem.net, points: problem.points, timesteps: problem.timesteps, targets: problem.targets)
        let layout = ParameterLayout(shapes: Self.architecture.layerShapes)
        let shape = layout.shapes[layer]
        let range = layout.weightOffsets[layer]..<(layout.biasOffsets[layer] + shape.outputs)
        let scale = gradient[range].map { abs(Double($0)) }.max() ?? 1
        var worst = 0.0
        for index in range {
            let h = 1e-6
            let difference = (problem.referenceLoss(changing: index, by: h) - problem.referenceLoss(changing: index, by: -h)) / (2 * h)
            worst = max(worst, abs(Double(gradient[index]) - difference) / scale)
        }
        #expect(worst < 1e-4, "layer \(layer): worst error \(worst) of the largest gradient \(scale)")
    }

    /// The whole loss along a random direction of all parameters at once.
    @Test func directionalDerivativeOfTheWholeLoss() throws {
        let problem = try Problem(architecture: .default, rows: 12, seed: 9)
        let (_, gradient) = LossGradient.evaluate(problem.net, points: problem.points, timesteps: problem.timesteps, targets: problem.targets)
        let direction = testValues(gradient.count, seed: 21, scale: 1).map(Double.init)
        let h = 1e-6
        func loss(_ sign: Double) -> Double {
            var shifted = problem.reference
            for i in direction.indices { shifted.parameters[i] += sign * h * direction[i] }
            return shifted.loss(inputs: problem.inputs, targets: problem.targets)
        }
        let difference = (loss(1) - loss(-1)) / (2 * h)
        let analytic = zip(gradient, direction).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        #expect(abs(analytic - difference) < 1e-4 * abs(difference), "analytic \(analytic), finite difference \(difference)")
    }
}
