import Foundation
import Learned
import ToyWorld

/// One quality measurement of a model: sample it with DDIM (eta 0) and compare the points with an
/// independent data sample by MMD; the exact denoiser and the noise floor under the same settings
/// are measured beside it. This is what a shipped model's record (`NAME.json`) holds.
///
/// ```swift
/// let quality = try ModelQuality.measure(model: model, settings: settings, count: 2000, steps: 50)
/// ```
struct ModelQuality: Codable, Equatable {
    /// Points sampled.
    var count: Int
    /// Sampling steps.
    var steps: Int
    /// eta of the sampler (always 0 here).
    var eta: Float
    /// The seed of the sampler's noise; the data sample uses seed + 1000.
    var seed: UInt64
    /// MMD of the model's samples.
    var mmd: Float
    /// MMD of the exact denoiser's samples.
    var mmdExact: Float
    /// MMD between two data samples (what a perfect sampler would score).
    var noiseFloor: Float

    enum CodingKeys: String, CodingKey {
        case count, steps, eta, seed, mmd
        case mmdExact = "mmd_exact"
        case noiseFloor = "noise_floor"
    }

    /// Offset of the data sample's seed from the sampler's.
    static let referenceSeedOffset: UInt64 = 1_000

    /// Measures `model` on the dataset and scheduler configuration of `settings`.
    static func measure(model: RunModel, settings base: RunSettings, count: Int, steps: Int, seed: UInt64 = 0) throws -> ModelQuality {
        var settings = base
        settings.count = count
        settings.steps = steps
        settings.eta = 0
        settings.seed = seed
        settings.noise = .philox
        let reference = SampleQuality.Reference(dataset: settings.makeDataset(), count: count, seed: seed &+ referenceSeedOffset)
        settings.model = model
        var learned = try SamplingChain(settings: settings)
        try learned.runToEnd()
        settings.model = nil
        var exact = try SamplingChain(settings: settings)
        try exact.runToEnd()
        return ModelQuality(count: count, steps: steps, eta: 0, seed: seed, mmd: reference.evaluate(learned.current).mmd,
                            mmdExact: reference.evaluate(exact.current).mmd, noiseFloor: reference.noiseFloor)
    }
}

/// The record kept beside a shipped model (`NAME.json`): the wall-clock training time and its measured
/// quality, at the full setting (`quality`, shown by `ddim-explorer models`) and at a small one
/// (`check`, which `ddim-explorer models --check` and the tests recompute).
struct ModelRecord: Codable, Equatable {
    /// Seconds of training (the model file itself records 0 when trained with --no-timing).
    var trainingSeconds: Double
    /// 2000 points, 50 steps, eta 0.
    var quality: ModelQuality
    /// 500 points, 20 steps, eta 0.
    var check: ModelQuality

    enum CodingKeys: String, CodingKey {
        case trainingSeconds = "training_seconds"
        case quality, check
    }

    /// The full and the small setting.
    static let qualitySetting = (count: 2_000, steps: 50)
    static let checkSetting = (count: 500, steps: 20)

    /// Measures both settings.
    static func measure(model: RunModel, settings: RunSettings, trainingSeconds: Double) throws -> ModelRecord {
        ModelRecord(trainingSeconds: trainingSeconds,
                    quality: try ModelQuality.measure(model: model, settings: settings, count: qualitySetting.count,
                                                      steps: qualitySetting.steps),
                    check: try ModelQuality.measure(model: model, settings: settings, count: checkSetting.count,
                                                    steps: checkSetting.steps))
    }

    /// The record at `url`, nil when there is none or it does not parse.
    static func read(_ url: URL) -> ModelRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ModelRecord.self, from: data)
    }

    /// Pretty JSON with sorted keys and a final newline.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
