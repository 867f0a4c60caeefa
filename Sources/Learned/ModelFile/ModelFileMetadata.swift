import DDIM
import Foundation
import ToyWorld

/// The metadata keys of a model file, and the checks that turn a safetensors file into a ``ModelFile``.
enum ModelFileMetadata {
    static let architectureKeys = ["hidden", "layers", "time_embedding", "fourier_features"]

    /// The string metadata of `model`.
    static func encode(_ model: ModelFile) throws(DDIMError) -> [String: String] {
        let architecture = model.network.architecture
        var metadata = [
            "format": ModelFile.format,
            "version": ModelFile.version,
            "hidden": "\(architecture.hidden)",
            "layers": "\(architecture.layers)",
            "time_embedding": "\(architecture.timeEmbedding)",
            "fourier_features": "\(architecture.fourierFeatures)",
            "activation": ModelFile.activation,
            "prediction_type": model.predictionType.rawValue,
            "scheduler_config": try model.configuration.jsonText(),
            "dataset": model.dataset,
        ]
        if let training = model.training { metadata["training"] = TrainingRecordJSON.encode(training) }
        return metadata
    }

    /// The model in `file`, or the first problem found.
    static func decode(_ file: SafeTensorsFile) throws(ModelFileError.Problem) -> ModelFile {
        let metadata = file.metadata
        func value(_ key: String) throws(ModelFileError.Problem) -> String {
            guard let value = metadata[key] else { throw .missingMetadata(key) }
            return value
        }
        let format = try value("format")
        guard format == ModelFile.format else { throw .unknownFormat(format) }
        let version = try value("version")
        guard version == ModelFile.version else { throw .unsupportedVersion(version) }
        let activation = try value("activation")
        guard activation == ModelFile.activation else {
            throw .invalidMetadata(key: "activation", value: activation, allowed: ModelFile.activation)
        }
        var sizes: [Int] = []
        for key in architectureKeys {
            let text = try value(key)
            guard let number = Int(text) else { throw .invalidMetadata(key: key, value: text, allowed: "a decimal integer") }
            sizes.append(number)
        }
        let architecture = MLPArchitecture(hidden: sizes[0], layers: sizes[1], timeEmbedding: sizes[2], fourierFeatures: sizes[3])
        do {
            try architecture.validate()
        } catch {
            guard case .invalidArchitecture(let field, let number, let allowed) = error else {
                throw .invalidMetadata(key: "architecture", value: "\(architecture)", allowed: error.description)
            }
            throw .invalidMetadata(key: field, value: "\(number)", allowed: allowed)
        }
        let predictionText = try value("prediction_type")
        guard let predictionType = PredictionType(rawValue: predictionText) else {
            throw .invalidMetadata(key: "prediction_type", value: predictionText,
                                   allowed: PredictionType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var configuration = RunSettings.defaultConfiguration
        if let schedulerText = metadata["scheduler_config"] {
            do {
                configuration = try DDIMConfiguration(jsonData: Data(schedulerText.utf8))
            } catch {
                throw .invalidMetadata(key: "scheduler_config", value: schedulerText, allowed: "a DDIM scheduler config (\(error))")
            }
        }
        var training: TrainingRecord?
        if let text = metadata["training"] {
            guard let record = TrainingRecordJSON.decode(text) else {
                throw .invalidMetadata(key: "training", value: text, allowed: TrainingRecordJSON.expected)
            }
            training = record
        }
        let network = try readNetwork(file, architecture: architecture)
        return ModelFile(network: network, predictionType: predictionType, configuration: configuration,
                         dataset: metadata["dataset"] ?? "", training: training)
    }

    /// The L + 1 layers of `architecture`, every tensor checked for presence, dtype, shape and finite values.
    static func readNetwork(_ file: SafeTensorsFile, architecture: MLPArchitecture) throws(ModelFileError.Problem) -> ToyMLP {
        var expected = Set<String>()
        var layers: [DenseLayer] = []
        for (index, shape) in architecture.layerShapes.enumerated() {
            let names = ModelFile.tensorNames(layer: index)
            expected.formUnion([names.weight, names.bias])
            let weight = try finiteFloats(file, names.weight, shape: [shape.outputs, shape.inputs])
            let bias = try finiteFloats(file, names.bias, shape: [shape.outputs])
            layers.append(DenseLayer(inputs: shape.inputs, outputs: shape.outputs, weight: weight, bias: bias))
        }
        if let extra = file.entries.keys.filter({ !expected.contains($0) }).sorted().first { throw .unexpectedTensor(extra) }
        do {
            return try ToyMLP(architecture: architecture, layers: layers)
        } catch {
            throw .invalidMetadata(key: "architecture", value: "\(architecture)", allowed: error.description)
        }
    }

    private static func finiteFloats(_ file: SafeTensorsFile, _ name: String, shape: [Int]) throws(ModelFileError.Problem) -> [Float] {
        let values: [Float]
        do {
            values = try file.floats(name, shape: shape)
        } catch {
            throw .container(error.problem)
        }
        if let index = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(tensor: name, index: index) }
        return values
    }
}
