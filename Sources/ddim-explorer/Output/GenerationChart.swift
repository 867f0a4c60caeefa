import Canvas
import Foundation
import ToyWorld

/// `table --plot`: Table 1 as a chart, MMD × 100 against the step count, one symbol per noise
/// setting (readable without colour) and the noise floor as a dotted line.
enum GenerationChart {
    /// The symbol of each row: the first digit of eta after the point (0, 2, 5), 1 for eta = 1, s for σ̂.
    static func symbol(_ setting: NoiseSetting) -> Character {
        switch setting {
        case .sigmaHat: return "s"
        case .eta(let eta):
            if eta >= 1 { return "1" }
            return String(format: "%.1f", Double(eta)).last ?? "?"
        }
    }

    static let colors = [RGBColor(hex: 0x5BC8FF), RGBColor(hex: 0x7EE787), RGBColor(hex: 0xFFD866), RGBColor(hex: 0xFF9E64),
                         RGBColor(hex: 0xF7768E), RGBColor(hex: 0xD2A8FF)]

    static func chart(_ table: GenerationTable) -> DotChart {
        let series = table.rows.enumerated().map { index, row in
            DotChart.Series(name: row.setting.description.replacingOccurrences(of: "eta = ", with: "eta "),
                            symbol: symbol(row.setting), color: colors[index % colors.count],
                            values: row.cells.map { Float($0.distance * 100) })
        }
        return DotChart(columns: table.stepCounts.map(String.init), series: series,
                        reference: ("noise floor", Float(table.noiseFloor * 100)), xCaption: "\(table.metricName) × 100 vs steps S")
    }

    /// The chart as text: a heading line, then the plot.
    static func text(_ table: GenerationTable, width: Int = 72, height: Int = 18) -> String {
        let frame = chart(table).render(width: width, height: height, depth: .monochrome)
        return "### Table 1 as curves\n```\n" + frame.plainText + "\n```\n"
    }
}
