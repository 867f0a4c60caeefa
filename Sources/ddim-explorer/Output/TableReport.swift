import Foundation
import ToyWorld

/// The computed paper tables with the settings that produced them, as markdown, CSV or JSON.
struct TableReport {
    var settings: RunSettings
    var datasetName: String
    var generation: GenerationTable?
    var reconstruction: ReconstructionTable?
    var totalSeconds: Double

    func text(_ format: TableFormat) -> String {
        switch format {
        case .markdown: return markdown()
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// One line naming what was run.
    var settingsLine: String {
        let c = settings.configuration
        var parts = ["dataset \(datasetName)", settings.model.map { "model \($0.name)" }
                     ?? "exact denoiser" + (settings.bandwidth.map { " (bandwidth \($0))" } ?? ""),
                     "\(c.betaSchedule.rawValue) betas", "T = \(c.numTrainTimesteps)", "\(c.timestepSpacing.rawValue) spacing",
                     "\(c.predictionType.rawValue) prediction", "clip " + (c.clipSample ? "on (\(c.clipSampleRange))" : "off"),
                     "seed \(settings.seed)"]
        if c.previousTimestepRule != .diffusers { parts.append("previous timestep: \(c.previousTimestepRule.rawValue)") }
        if c.thresholding { parts.append("thresholding") }
        if c.rescaleBetasZeroSnr { parts.append("zero terminal SNR") }
        return parts.joined(separator: ", ")
    }

    // MARK: Markdown

    func markdown() -> String {
        var lines: [String] = []
        if let table = generation {
            let exponent = Self.exponent(for: table)
            let scale = pow(10, Double(-exponent))
            let unit = exponent == 0 ? "" : " × 10^\(exponent)"
            let runs = table.repeats == 1 ? "1 run" : "mean ± standard error of \(table.repeats) runs"
            lines.append("### Table 1: sample quality, \(table.metricName)\(unit) (lower is better), "
                         + "\(table.sampleCount) samples per run, \(runs)")
            lines.append("")
            lines.append("| | " + table.stepCounts.map { "S = \($0)" }.joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---:|", count: table.stepCounts.count))
            for row in table.rows {
                let label = row.setting == .sigmaHat ? "σ̂" : "η = \(NumberText.shortest(Double(row.setting.eta)))"
                let cells = row.cells.map { Self.scaled($0.distance, $0.standardError, scale: scale, repeats: table.repeats) }
                lines.append("| \(label) | " + cells.joined(separator: " | ") + " |")
            }
            let times = table.stepCounts.indices.map { column in
                table.rows.map { $0.cells[column].secondsPerSample }.reduce(0, +) / Double(max(1, table.rows.count))
            }
            lines.append("| time / sample | " + times.map(Self.duration).joined(separator: " | ") + " |")
            lines.append("")
            lines.append("Noise floor: \(table.metricName) between two independent data samples of \(table.sampleCount) points "
                         + "= \(Self.scaled(table.noiseFloor, table.noiseFloorStandardError, scale: scale, repeats: table.repeats))"
                         + "\(unit); values near it mean the samples cannot be told apart from the data at this sample size. "
                         + "Time per sample is the wall time of one sampling run (mean over the rows) divided by the number of points.")
            lines.append("")
        }
        if let table = reconstruction {
            lines.append("### Table 2: DDIM inversion x0 -> x_T -> x0, mean squared error per coordinate, \(table.sampleCount) points")
            lines.append("")
            lines.append("| S | " + table.stepCounts.map(String.init).joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---:|", count: table.stepCounts.count))
            lines.append("| error | " + table.meanSquaredErrors.map { NumberText.scientific($0) }.joined(separator: " | ") + " |")
            lines.append("| time / sample | " + table.secondsPerSample.map(Self.duration).joined(separator: " | ") + " |")
            lines.append("")
        }
        lines.append("Settings: \(settingsLine). Total time \(NumberText.fixed(totalSeconds, decimals: 1)) s.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The power of ten that puts the noise floor between 1 and 10.
    static func exponent(for table: GenerationTable) -> Int {
        let reference = table.noiseFloor > 0 && table.noiseFloor.isFinite ? table.noiseFloor
            : table.rows.flatMap { $0.cells.map(\.distance) }.filter { $0 > 0 && $0.isFinite }.min() ?? 1
        return Int(log10(reference).rounded(.down))
    }

    /// `value` (and its standard error when there are repeats) times `scale`, with two decimals.
    static func scaled(_ value: Double, _ error: Double, scale: Double, repeats: Int) -> String {
        let main = NumberText.fixed(value * scale, decimals: 2)
        return repeats > 1 ? main + " ± " + NumberText.fixed(error * scale, decimals: 2) : main
    }

    static func duration(_ seconds: Double) -> String {
        if seconds >= 1e-3 { return NumberText.fixed(seconds * 1e3, decimals: 2) + " ms" }
        return NumberText.fixed(seconds * 1e6, decimals: 2) + " µs"
    }

    // MARK: CSV

    /// Long format: one line per cell, `table,row,steps,value,standard_error,seconds_per_sample`.
    func csv() -> String {
        var rows: [[DataValue]] = []
        if let table = generation {
            for row in table.rows {
                for cell in row.cells {
                    rows.append([.text("generation"), .text(row.setting.label), .integer(cell.steps),
                                 .number(cell.distance), .number(cell.standardError), .number(cell.secondsPerSample)])
                }
            }
            rows.append([.text("generation"), .text("noise-floor"), .missing, .number(table.noiseFloor),
                         .number(table.noiseFloorStandardError), .missing])
        }
        if let table = reconstruction {
            for (index, steps) in table.stepCounts.enumerated() {
                rows.append([.text("reconstruction"), .text("mse"), .integer(steps),
                             .number(table.meanSquaredErrors[index]), .missing, .number(table.secondsPerSample[index])])
            }
        }
        return DataTable(columns: ["table", "row", "steps", "value", "standard_error", "seconds_per_sample"], rows: rows).csv()
    }

    // MARK: JSON

    func json() -> String {
        var fields: [String] = []
        fields.append("\"settings\": \(JSONText.string(settingsLine))")
        if let table = generation {
            let rows = table.rows.map { row in
                "{\"row\": \(JSONText.string(row.setting.label)), \"values\": \(Self.numbers(row.cells.map(\.distance))), "
                    + "\"standard_errors\": \(Self.numbers(row.cells.map(\.standardError))), "
                    + "\"seconds_per_sample\": \(Self.numbers(row.cells.map(\.secondsPerSample)))}"
            }
            fields.append("""
            "generation": {"metric": \(JSONText.string(table.metricName)), "sample_count": \(table.sampleCount), \
            "repeats": \(table.repeats), "noise_floor": \(Self.number(table.noiseFloor)), \
            "noise_floor_standard_error": \(Self.number(table.noiseFloorStandardError)), "step_counts": \(table.stepCounts), \
            "rows": [\n    \(rows.joined(separator: ",\n    "))\n  ]}
            """)
        }
        if let table = reconstruction {
            fields.append("""
            "reconstruction": {"metric": "mean squared error per coordinate", "sample_count": \(table.sampleCount), \
            "step_counts": \(table.stepCounts), "values": \(Self.numbers(table.meanSquaredErrors)), \
            "seconds_per_sample": \(Self.numbers(table.secondsPerSample))}
            """)
        }
        fields.append("\"total_seconds\": \(Self.number(totalSeconds))")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
    static func numbers(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
}

extension NoiseSetting {
    /// Compact label for CSV and JSON: `eta=0.2` or `sigma-hat`.
    var label: String {
        switch self {
        case .eta(let eta): return "eta=\(NumberText.shortest(Double(eta)))"
        case .sigmaHat: return "sigma-hat"
        }
    }

    /// eta of an `.eta` row (1 for sigma-hat, which runs at eta = 1).
    var eta: Float {
        if case .eta(let value) = self { return value }
        return 1
    }
}
