import ArgumentParser
import Foundation
import Learned
import ToyWorld

/// `ddim-explorer models`: the shipped models, their size, training time and measured quality.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the shipped models (Assets/models) with their dataset, size, training time and measured quality.",
        discussion: """
        One row per Assets/models/NAME.safetensors: the dataset, the parameter count and file size, what the \
        network predicts, its training (steps and seconds) and its quality as recorded in NAME.json: MMD x 100 \
        of 2000 points at 50 steps, eta 0, for the model and for the exact denoiser under the same settings \
        (lower is better; the ratio is the model's price). Use a model with --model NAME, or --model learned \
        for the model of the chosen dataset. The models are found in $\(ModelLibrary.environmentVariable), else in \
        Assets/models beside or above the executable, else above the current directory.

        --check samples every model again at the small setting its record names (500 points, 20 steps) and \
        fails unless each scores its recorded MMD (within 2%).

        Examples:
          ddim-explorer models
          ddim-explorer models --check
          ddim-explorer sample --dataset two-moons --model learned
        """
    )

    @Flag(help: "Re-measure every model at its record's small setting and fail if one scores worse than recorded.")
    var check = false

    func run() throws {
        try reportingErrors {
            guard let directory = ModelLibrary.directory else {
                throw CommandError("no models directory found: set \(ModelLibrary.environmentVariable) or run from a checkout with Assets/models")
            }
            var rows: [[String]] = []
            var failures: [String] = []
            for name in ModelLibrary.names {
                let url = directory.appendingPathComponent(name + ".safetensors")
                let model: ModelFile
                do { model = try ModelFile(contentsOf: url) } catch { throw CommandError("\(error)") }
                let record = ModelLibrary.recordURL(forModel: url)
                let measured = ModelRecord.read(record)
                if check {
                    failures += try Self.check(name: name, model: model, record: measured, recordPath: record.path)
                    continue
                }
                rows.append(Self.row(name: name, model: model, bytes: Self.fileSize(url), record: measured))
            }
            if check {
                guard failures.isEmpty else { throw CommandError(failures.joined(separator: "\n")) }
                return
            }
            let header = ["name", "dataset", "parameters", "bytes", "predicts", "steps", "trained", "MMDx100", "exact", "ratio"]
            try writeToStandardOutput(Self.aligned([header] + rows))
        }
    }

    static func row(name: String, model: ModelFile, bytes: Int, record: ModelRecord?) -> [String] {
        let seconds = record?.trainingSeconds ?? model.training?.seconds
        let quality = record?.quality
        return [name, model.dataset.isEmpty ? "-" : model.dataset, "\(model.network.architecture.parameterCount)", "\(bytes)",
                model.predictionType.rawValue, model.training.map { "\($0.steps)" } ?? "-",
                seconds.map { String(format: "%.1f s", $0) } ?? "-",
                quality.map { String(format: "%.2f", 100 * $0.mmd) } ?? "-",
                quality.map { String(format: "%.2f", 100 * $0.mmdExact) } ?? "-",
                quality.map { String(format: "%.2f", $0.mmd / $0.mmdExact) } ?? "-"]
    }

    /// Re-measures `model` at its record's check setting; returns the problems (empty when it holds).
    static func check(name: String, model: ModelFile, record: ModelRecord?, recordPath: String) throws -> [String] {
        guard let record else { return ["\(name): no readable record at \(recordPath)"] }
        guard let kind = DatasetKind(rawValue: model.dataset) else { return ["\(name): dataset '\(model.dataset)' is not built in"] }
        var settings = RunSettings(dataset: kind)
        settings.configuration = model.configuration
        let measured = try ModelQuality.mmd(model: RunModel(name: name, denoiser: model.denoiser), settings: settings,
                                            count: record.check.count, steps: record.check.steps, seed: record.check.seed)
        let holds = measured <= record.check.mmd * 1.02 + 1e-5
        printToStandardError(String(format: "%@: MMD x 100 %.3f (recorded %.3f) %@", name, 100 * measured,
                                    100 * record.check.mmd, holds ? "ok" : "WORSE"))
        return holds ? [] : [String(format: "%@: MMD %.5f is worse than the recorded %.5f", name, measured, record.check.mmd)]
    }

    static func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Rows as left-aligned columns separated by two spaces.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
