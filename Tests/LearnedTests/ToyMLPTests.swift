import DDIM
import Testing
@testable import Learned

@Suite struct ToyMLPTests {
    static let small = MLPArchitecture(hidden: 24, layers: 2, timeEmbedding: 6, fourierFeatures: 3)

    @Test func initializationFollowsTheLayoutAndPyTorchsBounds() throws {
        let net = try ToyMLP(architecture: .default, seed: 3)
        #expect(net.layers.map(\.inputs) == [66, 128, 128, 128])
        #expect(net.layers.map(\.outputs) == [128, 128, 128, 2])
        for layer in net.layers {
            let bound = 1 / Float(layer.inputs).squareRoot()
            #expect(layer.weight.allSatisfy { abs($0) <= bound } && layer.bias.allSatisfy { abs($0) <= bound })
            #expect(layer.weight.count == layer.inputs * layer.outputs && layer.bias.count == layer.outputs)
        }
        #expect(try ToyMLP(architecture: .default, seed: 3) == net)
        #expect(try ToyMLP(architecture: .default, seed: 4) != net)
        #expect(MLPArchitecture.default.parameterCount == 66 * 128 + 128 + 2 * (128 * 128 + 128) + 128 * 2 + 2)
    }

    @Test func shapesAreChecked() throws {
        let net = try ToyMLP(architecture: Self.small, seed: 1)
        #expect(throws: ToyMLPError.layerCount(expected: 3, got: 2)) {
            try ToyMLP(architecture: Self.small, layers: Array(net.layers.prefix(2)))
        }
        var layers = net.layers
        layers[1].outputs = 23
        #expect(throws: ToyMLPError.layerShape(index: 1, expectedInputs: 24, expectedOutputs: 24, inputs: 24, outputs: 23)) {
            try ToyMLP(architecture: Self.small, layers: layers)
        }
        layers = net.layers
        layers[2].bias.removeLast()
        #expect(throws: ToyMLPError.valueCount(index: 2, tensor: "bias", expected: 2, got: 1)) {
            try ToyMLP(architecture: Self.small, layers: layers)
        }
        #expect(throws: ToyMLPError.invalidArchitecture(field: "time_embedding", value: 5, allowed: "an even number in 0...1024")) {
            try ToyMLP(architecture: MLPArchitecture(timeEmbedding: 5), seed: 0)
        }
        #expect(throws: ToyMLPError.invalidArchitecture(field: "hidden", value: 0, allowed: "1...1024")) {
            try ToyMLP(architecture: MLPArchitecture(hidden: 0), seed: 0)
        }
    }

    @Test(arguments: [MLPArchitecture.default, small, MLPArchitecture(hidden: 8, layers: 1, timeEmbedding: 0, fourierFeatures: 0)])
    func inferenceMatchesTheScalarReference(architecture: MLPArchitecture) throws {
        let net = try ToyMLP(architecture: architecture, seed: 11)
        let reference = ReferenceNetwork(net)
        let rows = 1_100           // three blocks, the last one partial
        let points = SampleBatch(count: rows, dimension: 2, values: testValues(2 * rows, seed: 5, scale: 3))
        for timestep in [0, 37, 999] {
            let output = net.output(for: points, timestep: timestep)
            var worst: Double = 0
            for row in stride(from: 0, to: rows, by: 7) {
                let expected = reference.output(reference.inputRow(x: points[row, 0], y: points[row, 1], timestep: timestep))
                worst = max(worst, abs(Double(output[row, 0]) - expected[0]), abs(Double(output[row, 1]) - expected[1]))
            }
            #expect(worst < 2e-5, "timestep \(timestep): worst difference \(worst)")
        }
    }

    @Test func perRowTimestepsAgreeWithOneTimestepAndAreChecked() throws {
        let net = try ToyMLP(architecture: .default, seed: 2)
        let points = SampleBatch(count: 600, dimension: 2, values: testValues(1_200, seed: 9, scale: 2))
        let timesteps = (0..<600).map { ($0 * 37) % 1000 }
        let perRow = try net.output(for: points, timesteps: timesteps)
        for row in stride(from: 0, to: 600, by: 41) {
            let single = net.output(for: SampleBatch(count: 1, dimension: 2, values: Array(points.row(row))), timestep: timesteps[row])
            #expect(abs(single[0, 0] - perRow[row, 0]) < 1e-5 && abs(single[0, 1] - perRow[row, 1]) < 1e-5)
        }
        #expect(throws: ToyMLPError.timestepCount(count: 2, rows: 600)) { try net.output(for: points, timesteps: [1, 2]) }
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let net = try ToyMLP(architecture: .default, seed: 8)
        let points = SampleBatch(count: 3_000, dimension: 2, values: testValues(6_000, seed: 1, scale: 2))
        let one = net.output(for: points, timestep: 250, threads: 1)
        #expect(net.output(for: points, timestep: 250, threads: 2) == one)
        #expect(net.output(for: points, timestep: 250, threads: 5) == one)
    }

    @Test func emptyAndWrongDimensionBatches() throws {
        let net = try ToyMLP(architecture: Self.small, seed: 1)
        #expect(net.output(for: SampleBatch(zerosCount: 0, dimension: 2), timestep: 3).count == 0)
        let threeD = net.output(for: SampleBatch(zerosCount: 4, dimension: 3), timestep: 3)
        #expect(threeD.count == 4 && threeD.dimension == 3 && threeD.values.allSatisfy(\.isNaN))
    }
}
