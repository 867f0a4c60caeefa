import Foundation

/// Everything one `bench` run measured, printable as a markdown table or as JSON.
///
/// ```swift
/// let report = BenchReport(settings: settings, rows: rows, diffusers: nil)
/// print(report.markdown())
/// ```
struct BenchReport: Codable, Sendable {
    struct Settings: Codable, Sendable {
        var threads: Int
        var samples: Int
        var quick: Bool
        var optimized: Bool
        /// The 1, 5 and 15 minute load averages when the run started (Linux), since other work
        /// on the machine slows every row.
        var loadAverage: String?
    }

    var settings: Settings
    var rows: [BenchRow]
    /// Lines printed after the table (results that are not timings, such as the learned model's quality).
    var notes: [String] = []
    /// torch and diffusers versions and threads of the diffusers column, when given.
    var diffusersSource: String?

    /// The JSON form: sorted keys, indented.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A markdown table with one line per row, and a short header of settings.
    func markdown() -> String {
        var lines: [String] = []
        let build = settings.optimized ? "release build" : "DEBUG BUILD (timings meaningless; use -c release)"
        lines.append("ddim-explorer bench: \(build), \(settings.threads) threads, median of \(settings.samples) samples"
            + (settings.quick ? ", --quick" : "") + (settings.loadAverage.map { ", load average \($0)" } ?? ""))
        if let diffusersSource { lines.append("diffusers column: \(diffusersSource)") }
        lines.append("")
        lines.append(Self.header)
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for row in rows {
            let cells = [
                row.name,
                Self.count(row.size),
                row.eta.map { Self.trimmed($0) } ?? "",
                Self.milliseconds(row.medianMilliseconds),
                Self.milliseconds(row.minimumMilliseconds),
                Self.milliseconds(row.cpuMilliseconds),
                Self.rate(row.itemsPerSecond) + Self.unit(of: row.group),
                row.ratioToBound.map { String(format: "%.2f", $0) } ?? "",
                row.diffusersMilliseconds.map(Self.milliseconds) ?? "",
                row.speedUp.map { String(format: "%.1f×", $0) } ?? "",
                row.target ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if !notes.isEmpty { lines += [""] + notes }
        return lines.joined(separator: "\n")
    }

    /// The table's header line.
    static let header = "| Benchmark | N | eta | median ms | best ms | CPU ms | throughput | × bound | diffusers ms | speed-up | target |"

    /// The throughput unit of a group's rows.
    static func unit(of group: String) -> String {
        if group == "noise" { return " values/s" }
        return group.hasPrefix("learned-training") ? " steps/s" : " points/s"
    }

    /// Three significant digits, never exponent notation.
    static func milliseconds(_ value: Double) -> String {
        switch value {
        case 100...: return String(format: "%.0f", value)
        case 10..<100: return String(format: "%.1f", value)
        case 1..<10: return String(format: "%.2f", value)
        case 0.1..<1: return String(format: "%.3f", value)
        default: return String(format: "%.4f", value)
        }
    }

    /// 1000 -> "1,000"; 1_000_000 -> "1,000,000".
    static func count(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func rate(_ perSecond: Double) -> String {
        switch perSecond {
        case 1e9...: return String(format: "%.2f G", perSecond / 1e9)
        case 1e6...: return String(format: "%.0f M", perSecond / 1e6)
        case 1e3...: return String(format: "%.0f k", perSecond / 1e3)
        default: return String(format: "%.0f", perSecond)
        }
    }

    static func trimmed(_ value: Float) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
