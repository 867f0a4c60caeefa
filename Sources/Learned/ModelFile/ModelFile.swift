import DDIM
import Foundation
import ToyWorld

/// A trained ``ToyMLP`` with everything needed to sample it: what it predicts, the noise schedule it
/// was trained with, its dataset and a record of its training, stored as a safetensors file in the
/// layout shared with PyTorch.
///
/// Tensors (float32, row-major, the names of a PyTorch `nn.Sequential` called `net`):
/// `net.{2i}.weight` [outputs, inputs] and `net.{2i}.bias` [outputs] for the L + 1 Linear layers
/// i = 0 ... L. String metadata: `format` = `ddim-explorer-mlp`, `version` = `1`, `hidden`, `layers`,
/// `time_embedding`, `fourier_features`, `activation` = `gelu`, `prediction_type`,
/// `scheduler_config` (diffusers' scheduler config JSON), `dataset` and `training` (JSON: `steps`,
/// `batch`, `learning_rate`, `seed`, `final_loss`, `seconds`). Reading needs all but `dataset`,
/// `training` and `scheduler_config` (a file saved from PyTorch may leave them out; without a
/// scheduler config the model gets ``RunSettings/defaultConfiguration``) and ignores keys it does not know.
///
/// ```swift
/// let model = ModelFile(network: trainer.network, predictionType: .epsilon, configuration: scheduler.configuration,
///                       dataset: "two-moons", training: trainer.record(seconds: 40))
/// try model.write(to: URL(fileURLWithPath: "moons.safetensors"))
/// let loaded = try ModelFile(contentsOf: URL(fileURLWithPath: "moons.safetensors"))
/// var chain = try SamplingChain(settings: settings, denoiser: loaded.denoiser)
/// ```
public struct ModelFile: Sendable, Equatable {
    /// The value of the `format` metadata key.
    public static let format = "ddim-explorer-mlp"
    /// The layout version this program writes and reads.
    public static let version = "1"
    /// The only activation of the layout.
    public static let activation = "gelu"

    /// The network.
    public var network: ToyMLP
    /// What the network outputs.
    public var predictionType: PredictionType
    /// The scheduler configuration the network was trained with.
    public var configuration: DDIMConfiguration
    /// The dataset it was trained on ("" when the file does not say).
    public var dataset: String
    /// How it was trained (nil when the file does not say).
    public var training: TrainingRecord?

    public init(network: ToyMLP, predictionType: PredictionType, configuration: DDIMConfiguration, dataset: String,
                training: TrainingRecord?) {
        self.network = network
        self.predictionType = predictionType
        self.configuration = configuration
        self.dataset = dataset
        self.training = training
    }

    /// The model in the DDIM loop.
    public var denoiser: LearnedDenoiser {
        LearnedDenoiser(network: network, predictionType: predictionType)
    }

    /// The tensor names of layer `index` (0 ... L): `net.{2 index}.weight` and `.bias`.
    public static func tensorNames(layer index: Int) -> (weight: String, bias: String) {
        ("net.\(2 * index).weight", "net.\(2 * index).bias")
    }

    /// Reads and checks the model file at `url`.
    public init(contentsOf url: URL) throws(ModelFileError) {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile(contentsOf: url)
        } catch {
            throw ModelFileError(file: error.file, problem: .container(error.problem))
        }
        try self.init(file)
    }

    /// Checks `bytes` as a model file called `name` (used in errors).
    public init(bytes: Data, name: String) throws(ModelFileError) {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile(bytes: bytes, name: name)
        } catch {
            throw ModelFileError(file: error.file, problem: .container(error.problem))
        }
        try self.init(file)
    }

    /// The model in a checked safetensors file.
    public init(_ file: SafeTensorsFile) throws(ModelFileError) {
        do {
            self = try ModelFileMetadata.decode(file)
        } catch {
            throw ModelFileError(file: file.name, problem: error)
        }
    }

    /// The bytes of the file (the same model always gives the same bytes). Throws when the scheduler
    /// configuration has no diffusers form (`quad` spacing).
    public func encoded() throws(DDIMError) -> Data {
        var tensors: [String: F32Tensor] = [:]
        for (index, layer) in network.layers.enumerated() {
            let names = Self.tensorNames(layer: index)
            tensors[names.weight] = F32Tensor(shape: [layer.outputs, layer.inputs], values: layer.weight)
            tensors[names.bias] = F32Tensor(shape: [layer.outputs], values: layer.bias)
        }
        return SafeTensorsWriter.encode(tensors, metadata: try ModelFileMetadata.encode(self))
    }

    /// Writes the file atomically: a crash never leaves a half-written model, and a symlink at `url`
    /// has its target replaced.
    ///
    /// ```swift
    /// try model.write(to: URL(fileURLWithPath: "moons.safetensors"))
    /// ```
    public func write(to url: URL) throws(ModelFileError) {
        let bytes: Data
        do {
            bytes = try encoded()
        } catch {
            throw ModelFileError(file: url.path, problem: .unwritable(error.description))
        }
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw ModelFileError(file: url.path, problem: .unwritable(error.reason.words))
        }
    }
}
