import ArgumentParser
import Foundation
import Learned
import ToyWorld

/// `--model exact|learned|NAME|FILE`: which model runs in the DDIM loop.
///
/// ```
/// ddim-explorer sample --dataset two-moons --model learned
/// ddim-explorer sample --model my-moons.safetensors --steps 20
/// ```
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The model in the loop: exact (the dataset's exact denoiser), learned (the shipped model of the dataset), the NAME of a shipped model (`ddim-explorer models`), or a .safetensors FILE. A model brings its noise schedule: its scheduler_config is the starting configuration, --scheduler-config replaces it, and explicit scheduler flags override both. Without --dataset/--data the model's own dataset is used. Default: exact.",
        valueName: "model"))
    var model: String?

    init() {}

    /// Loads the model `--model` names (nil for `exact`); `dataset` is the run's dataset, for `learned`.
    func load(dataset: String) throws -> (name: String, file: ModelFile)? {
        guard let model, model != "exact" else { return nil }
        let url: URL
        if model == "learned" {
            guard let shipped = ModelLibrary.url(named: dataset) else {
                throw CommandError.invalid("--model", model, allowed: "a dataset with a shipped model ("
                                           + Self.shippedList + "); '\(dataset)' has none")
            }
            url = shipped
        } else if let shipped = ModelLibrary.url(named: model) {
            url = shipped
        } else if model.hasSuffix(".safetensors") || model.contains("/") || FileManager.default.fileExists(atPath: model) {
            url = URL(fileURLWithPath: model)
        } else {
            throw CommandError.invalid("--model", model, allowed: "exact, learned, a shipped model (" + Self.shippedList
                                       + ") or a .safetensors file")
        }
        do {
            return (model == "learned" ? "learned:\(dataset)" : model, try ModelFile(contentsOf: url))
        } catch {
            throw CommandError("--model \(model): \(error)")
        }
    }

    private static var shippedList: String {
        let names = ModelLibrary.names
        return names.isEmpty ? "none found; set \(ModelLibrary.environmentVariable)" : names.joined(separator: ", ")
    }

    /// Sets the model, its dataset and the scheduler configuration of `settings`: the model's own
    /// configuration (or the default) with `scheduler`'s file and flags applied over it.
    /// `datasetGiven` says whether --dataset or --data was on the command line.
    func apply(to settings: inout RunSettings, scheduler: SchedulerOptions, datasetGiven: Bool) throws {
        guard let loaded = try load(dataset: settings.datasetName) else {
            settings.configuration = try scheduler.configuration()
            return
        }
        if !datasetGiven, let kind = DatasetKind(rawValue: loaded.file.dataset) { settings.dataset = kind }
        settings.configuration = try scheduler.configuration(startingFrom: loaded.file.configuration)
        settings.model = RunModel(name: loaded.name, denoiser: loaded.file.denoiser)
    }
}
