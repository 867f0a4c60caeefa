import DDIM
import Foundation
import Testing
@testable import Learned

/// `torch_mlp_forward.json` (Tests/Scripts/generate_learned_fixtures.py): for each PyTorch model
/// file, float32 input rows and the module's outputs at several integer timesteps.
struct TorchForwardFixture: Decodable {
    struct Model: Decodable, CustomTestStringConvertible {
        struct Case: Decodable {
            var timestep: Int
            var output: [Float]
        }
        var file: String
        var predictionType: String
        var hidden: Int
        var layers: Int
        var timeEmbedding: Int
        var fourierFeatures: Int
        var count: Int
        var points: [Float]
        var cases: [Case]

        enum CodingKeys: String, CodingKey {
            case file, hidden, layers, count, points, cases
            case predictionType = "prediction_type", timeEmbedding = "time_embedding", fourierFeatures = "fourier_features"
        }

        var testDescription: String { file }

        var architecture: MLPArchitecture {
            MLPArchitecture(hidden: hidden, layers: layers, timeEmbedding: timeEmbedding, fourierFeatures: fourierFeatures)
        }
    }
    var models: [Model]
}

/// `torch_ddim_run.json`: whole diffusers DDIM runs on the model files with
/// generator = torch.manual_seed(seed), every state x_T ... x_0.
struct TorchRunFixture: Decodable {
    struct Run: Decodable, CustomTestStringConvertible {
        var file: String
        var seed: UInt64
        var count: Int
        var steps: Int
        var eta: Float
        var timesteps: [Int]
        var states: [[Float]]

        var testDescription: String { "\(file) seed \(seed), \(steps) steps, eta \(eta)" }
    }
    var runs: [Run]
}

/// Decodes `Tests/LearnedTests/Fixtures/<name>`.
func loadLearnedFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: learnedFixtureURL(name)))
}

/// The largest |a - b| over two equally long arrays (infinity when the lengths differ or a value is NaN).
func maxAbsoluteDifference(_ actual: [Float], _ expected: [Float]) -> Float {
    guard actual.count == expected.count else { return .infinity }
    var worst: Float = 0
    for (a, b) in zip(actual, expected) {
        let difference = abs(a - b)
        if difference.isNaN { return .infinity }
        worst = max(worst, difference)
    }
    return worst
}

/// A PyTorch-written model file of the fixtures, read tensor by tensor with the generic
/// ``SafeTensorsFile`` (independently of ``ModelFile``, which tests compare with it): the network,
/// what it predicts, and the scheduler configuration it was trained with.
struct TorchModel {
    var network: ToyMLP
    var predictionType: PredictionType
    var configuration: DDIMConfiguration

    /// Reads `Tests/LearnedTests/Fixtures/<name>` with the layout its metadata gives.
    init(fixture name: String) throws {
        let file = try SafeTensorsFile(contentsOf: learnedFixtureURL(name))
        func integer(_ key: String) throws -> Int {
            guard let value = file.metadata[key].flatMap(Int.init) else { throw FixtureProblem(file: name, key: key) }
            return value
        }
        let architecture = MLPArchitecture(hidden: try integer("hidden"), layers: try integer("layers"),
                                           timeEmbedding: try integer("time_embedding"),
                                           fourierFeatures: try integer("fourier_features"))
        let layers = try architecture.layerShapes.enumerated().map { index, shape in
            DenseLayer(inputs: shape.inputs, outputs: shape.outputs,
                       weight: try file.floats("net.\(2 * index).weight", shape: [shape.outputs, shape.inputs]),
                       bias: try file.floats("net.\(2 * index).bias", shape: [shape.outputs]))
        }
        network = try ToyMLP(architecture: architecture, layers: layers)
        guard let prediction = file.metadata["prediction_type"].flatMap(PredictionType.init(rawValue:)) else {
            throw FixtureProblem(file: name, key: "prediction_type")
        }
        predictionType = prediction
        guard let config = file.metadata["scheduler_config"] else { throw FixtureProblem(file: name, key: "scheduler_config") }
        configuration = try DDIMConfiguration(jsonData: Data(config.utf8))
    }
}

/// A fixture model file whose metadata lacks `key` or holds a value that does not parse.
struct FixtureProblem: Error, CustomStringConvertible {
    var file: String
    var key: String
    var description: String { "\(file): metadata \(key) is missing or malformed" }
}
