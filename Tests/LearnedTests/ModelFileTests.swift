import DDIM
import Foundation
import Testing
import ToyWorld
@testable import Learned

@Suite struct ModelFileTests {
    static let small = MLPArchitecture(hidden: 16, layers: 2, timeEmbedding: 8, fourierFeatures: 2)

    static func model(seed: UInt64 = 3, architecture: MLPArchitecture = small) throws -> ModelFile {
        var configuration = DDIMConfiguration()
        configuration.timestepSpacing = .trailing
        configuration.clipSample = false
        return ModelFile(network: try ToyMLP(architecture: architecture, seed: seed), predictionType: .vPrediction,
                         configuration: configuration, dataset: "two-moons",
                         training: TrainingRecord(steps: 10, batch: 64, learningRate: Double(Float(2e-3)), seed: 7,
                                                  finalLoss: 0.25, seconds: 1.5))
    }

    static let probe = SampleBatch(count: 5, dimension: 2, values: [0, 0, 1, -1, 2.5, 0.3, -3, 4, 1e-3, -0.7])

    @Test func saveThenLoadGivesBitIdenticalOutputs() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.model()
        let url = directory.appendingPathComponent("m.safetensors")
        try original.write(to: url)
        let loaded = try ModelFile(contentsOf: url)
        #expect(loaded == original)
        for timestep in [0, 1, 500, 999] {
            let a = original.network.output(for: Self.probe, timestep: timestep)
            let b = loaded.network.output(for: Self.probe, timestep: timestep)
            #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
        }
        #expect(loaded.denoiser.predictionType == .vPrediction)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["m.safetensors"])
    }

    @Test func theSameModelGivesTheSameBytesAndTheLayoutsNames() throws {
        let bytes = try Self.model().encoded()
        #expect(bytes == (try Self.model().encoded()))
        #expect(bytes != (try Self.model(seed: 4).encoded()))
        let file = try SafeTensorsFile(bytes: bytes, name: "m")
        #expect(Set(file.entries.keys) == ["net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias", "net.4.weight", "net.4.bias"])
        #expect(file.entries["net.0.weight"]?.shape == [16, 2 + 8 + 8])
        #expect(file.entries["net.4.weight"]?.shape == [2, 16])
        #expect(file.metadata["format"] == "ddim-explorer-mlp")
        #expect(file.metadata["version"] == "1")
        #expect(file.metadata["hidden"] == "16")
        #expect(file.metadata["layers"] == "2")
        #expect(file.metadata["time_embedding"] == "8")
        #expect(file.metadata["fourier_features"] == "2")
        #expect(file.metadata["activation"] == "gelu")
        #expect(file.metadata["prediction_type"] == "v_prediction")
        #expect(file.metadata["dataset"] == "two-moons")
        #expect(file.metadata["training"]
                == #"{"steps":10,"batch":64,"learning_rate":0.002,"seed":7,"final_loss":0.25,"seconds":1.5}"#)
        let configuration = try DDIMConfiguration(jsonData: Data((file.metadata["scheduler_config"] ?? "").utf8))
        #expect(configuration.timestepSpacing == .trailing)
    }

    @Test func aNonFiniteLossIsWrittenAsNullAndReadAsNaN() throws {
        var model = try Self.model()
        model.training?.finalLoss = .nan
        let loaded = try ModelFile(bytes: model.encoded(), name: "m")
        #expect(loaded.training?.finalLoss.isNaN == true)
        #expect(loaded.training?.steps == 10)
    }

    @Test func writingFollowsASymlinkAndReplacesAnOldFileWhole() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("real.safetensors")
        let link = directory.appendingPathComponent("link.safetensors")
        try Data("old contents".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let model = try Self.model()
        try model.write(to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try Data(contentsOf: target) == model.encoded())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.safetensors", "real.safetensors"])
    }

    @Test func writingIntoAMissingDirectoryIsAnErrorNamingTheFile() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/m.safetensors")
        let error = #expect(throws: ModelFileError.self) { try Self.model().write(to: url) }
        #expect(error?.file == url.path)
        #expect(error?.description.contains("the directory does not exist") == true)
    }

    @Test func aFileWithoutDatasetAndTrainingStillLoads() throws {
        let model = try Self.model()
        var metadata = try ModelFileMetadata.encode(model)
        metadata["dataset"] = nil
        metadata["training"] = nil
        metadata["comment"] = "from a notebook"
        let loaded = try ModelFile(bytes: SafeTensorsWriter.encode(Self.tensors(of: model), metadata: metadata), name: "m")
        #expect(loaded.dataset == "")
        #expect(loaded.training == nil)
        #expect(loaded.network == model.network)
    }

    static func tensors(of model: ModelFile) -> [String: F32Tensor] {
        var tensors: [String: F32Tensor] = [:]
        for (index, layer) in model.network.layers.enumerated() {
            let names = ModelFile.tensorNames(layer: index)
            tensors[names.weight] = F32Tensor(shape: [layer.outputs, layer.inputs], values: layer.weight)
            tensors[names.bias] = F32Tensor(shape: [layer.outputs], values: layer.bias)
        }
        return tensors
    }

    /// The problem reading `model` with its metadata and tensors changed by `change`.
    static func problem(_ change: (inout [String: String], inout [String: F32Tensor]) -> Void) throws -> ModelFileError.Problem? {
        let model = try Self.model()
        var metadata = try ModelFileMetadata.encode(model)
        var tensors = Self.tensors(of: model)
        change(&metadata, &tensors)
        do {
            _ = try ModelFile(bytes: SafeTensorsWriter.encode(tensors, metadata: metadata), name: "bad.safetensors")
            return nil
        } catch {
            #expect(error.file == "bad.safetensors")
            return error.problem
        }
    }

    @Test(arguments: ["format", "version", "hidden", "layers", "time_embedding", "fourier_features", "activation",
                      "prediction_type"])
    func aMissingMetadataKeyIsNamed(key: String) throws {
        #expect(try Self.problem { metadata, _ in metadata[key] = nil } == .missingMetadata(key))
    }

    @Test func anUnknownFormatOrVersionIsRefused() throws {
        #expect(try Self.problem { metadata, _ in metadata["format"] = "pt" } == .unknownFormat("pt"))
        #expect(try Self.problem { metadata, _ in metadata["version"] = "2" } == .unsupportedVersion("2"))
    }

    @Test(arguments: [("hidden", "many"), ("hidden", "0"), ("layers", "-1"), ("time_embedding", "7"),
                      ("fourier_features", "99"), ("activation", "relu"), ("prediction_type", "noise"),
                      ("scheduler_config", "{"), ("scheduler_config", #"{"beta_schedule": "cubic"}"#),
                      ("training", "[]"), ("training", #"{"steps": 1.5}"#)])
    func anInvalidMetadataValueIsNamed(key: String, value: String) throws {
        let problem = try Self.problem { metadata, _ in metadata[key] = value }
        guard case .invalidMetadata(let named, _, _)? = problem else {
            Issue.record("\(key)=\(value) gave \(String(describing: problem))")
            return
        }
        #expect(named == key)
    }

    @Test func aMissingMisshapenOrExtraTensorIsNamed() throws {
        #expect(try Self.problem { _, tensors in tensors["net.2.bias"] = nil } == .container(.missingTensor("net.2.bias")))
        #expect(try Self.problem { _, tensors in tensors["net.2.bias"] = F32Tensor(shape: [1, 16], values: .init(repeating: 0, count: 16)) }
                == .container(.wrongShape(name: "net.2.bias", found: [1, 16], expected: [16])))
        #expect(try Self.problem { _, tensors in tensors["net.6.weight"] = F32Tensor(shape: [1], values: [0]) }
                == .unexpectedTensor("net.6.weight"))
        #expect(try Self.problem { metadata, _ in metadata["hidden"] = "8" }
                == .container(.wrongShape(name: "net.0.weight", found: [16, 18], expected: [8, 18])))
    }

    @Test func aNonFiniteWeightIsNamed() throws {
        let problem = try Self.problem { _, tensors in
            var values = tensors["net.4.bias"]?.values ?? []
            values[1] = .infinity
            tensors["net.4.bias"] = F32Tensor(shape: [2], values: values)
        }
        #expect(problem == .nonFiniteValue(tensor: "net.4.bias", index: 1))
    }

    @Test func aTensorOfAnotherDTypeIsNamed() throws {
        let header = #"{"__metadata__":{"format":"ddim-explorer-mlp"},"net.0.weight":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}"#
        var model = try Self.model()
        model.network = try ToyMLP(architecture: MLPArchitecture(hidden: 1, layers: 1, timeEmbedding: 0, fourierFeatures: 0), seed: 1)
        let metadata = try ModelFileMetadata.encode(model)
        let complete = header.replacingOccurrences(of: #"{"format":"ddim-explorer-mlp"}"#,
                                                   with: String(decoding: try JSONSerialization.data(withJSONObject: metadata), as: UTF8.self))
        do {
            _ = try ModelFile(bytes: safeTensorsBytes(header: complete, buffer: [UInt8](repeating: 0, count: 8)), name: "f64")
            Issue.record("an F64 weight loaded")
        } catch {
            #expect(error.problem == .container(.wrongDType(name: "net.0.weight", found: "F64", expected: "F32")))
        }
    }

    @Test(arguments: ["torch_two_moons.safetensors", "torch_small_v.safetensors"])
    func aModelFileSavedByPyTorchLoads(fixture: String) throws {
        let model = try ModelFile(contentsOf: learnedFixtureURL(fixture))
        let reference = try TorchModel(fixture: fixture)
        #expect(model.network == reference.network)
        #expect(model.predictionType == reference.predictionType)
        #expect(model.dataset == "two-moons")
        #expect(model.training?.steps == (fixture == "torch_two_moons.safetensors" ? 800 : 300))
        let again = try ModelFile(bytes: model.encoded(), name: fixture)
        #expect(again == model)
    }

    @Test func withoutASchedulerConfigAModelGetsTheToyDefaults() throws {
        let model = try Self.model()
        var metadata = try ModelFileMetadata.encode(model)
        metadata["scheduler_config"] = nil
        let loaded = try ModelFile(bytes: SafeTensorsWriter.encode(Self.tensors(of: model), metadata: metadata), name: "m")
        #expect(loaded.configuration == RunSettings.defaultConfiguration)
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let error = #expect(throws: ModelFileError.self) { try ModelFile(contentsOf: URL(fileURLWithPath: "/no/such/model.safetensors")) }
        #expect(error?.description == "/no/such/model.safetensors: cannot read the file: no such file")
    }
}
