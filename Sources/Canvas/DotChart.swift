import Foundation

/// A chart of a few series over named x positions (for example MMD against step counts, one series
/// per eta), each series drawn with its own symbol so it reads without colour, optional thin
/// lines between a series' points, and a horizontal reference line (a noise floor).
///
/// ```swift
/// let chart = DotChart(columns: ["2", "10", "50"],
///                      series: [.init(name: "eta 0", symbol: "0", values: [0.3, 0.08, 0.03])],
///                      reference: (name: "noise floor", value: 0.03))
/// let frame = chart.render(width: 60, height: 16, depth: .monochrome)
/// ```
public struct DotChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One character that marks this series' points (ASCII reads everywhere).
        public var symbol: Character
        public var color: RGBColor
        /// One value per column; nil or non-finite values are left out.
        public var values: [Float?]

        public init(name: String, symbol: Character, color: RGBColor = RGBColor(220, 220, 220), values: [Float?]) {
            self.name = name
            self.symbol = symbol
            self.color = color
            self.values = values
        }
    }

    /// The labels of the x positions, left to right, evenly spaced.
    public var columns: [String]
    public var series: [Series]
    /// A horizontal line across the chart (nil: none).
    public var reference: (name: String, value: Float)?
    /// Caption under the x labels (e.g. "steps S").
    public var xCaption: String
    /// Number format of the y labels.
    public var yLabel: @Sendable (Float) -> String

    public init(columns: [String], series: [Series], reference: (name: String, value: Float)? = nil, xCaption: String = "",
                yLabel: @escaping @Sendable (Float) -> String = { String(format: "%.3g", Double($0)) }) {
        self.columns = columns
        self.series = series
        self.reference = reference
        self.xCaption = xCaption
        self.yLabel = yLabel
    }

    /// The chart in a frame of `width` × `height` cells (at least 20 × 8): plot, x labels, and a
    /// legend naming each symbol (wrapped over as many lines as it needs; `*` marks coinciding points).
    public func render(width: Int, height: Int, depth: ColorDepth) -> Frame {
        let width = max(20, width), height = max(8, height)
        var frame = Frame(width: width, height: height)
        let values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite) + [reference?.value].compactMap { $0 }
        let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, low + 1e-6)
        var legend = series.map { "\($0.symbol) \($0.name)" } + ["* several"]
        if let reference { legend.append(".... \(reference.name) \(yLabel(reference.value))") }
        if !xCaption.isEmpty { legend.insert(xCaption + ":", at: 0) }
        let legendLines = Paragraph(legend.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") }.joined(separator: " · "))
            .lines(width: width).map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
        let plotRows = max(2, height - 2 - legendLines.count)
        let labelWidth = [high, (low + high) / 2, low].map { yLabel($0).count }.max() ?? 1
        let plotX = labelWidth + 2, plotWidth = width - plotX - 1
        func row(_ value: Float) -> Int { Int(((high - value) / (high - low) * Float(plotRows - 1)).rounded()) }
        func column(_ index: Int) -> Int {
            columns.count <= 1 ? plotX + plotWidth / 2 : plotX + index * (plotWidth - 1) / (columns.count - 1)
        }
        let axis = depth.convertForeground(RGBColor(150, 150, 150))
        for y in 0..<plotRows { frame.put("|", x: plotX - 1, y: y, foreground: axis) }
        for value in [high, (low + high) / 2, low] {
            let label = yLabel(value)
            frame.put(String(repeating: " ", count: labelWidth - label.count) + label, x: 0, y: row(value), foreground: axis)
        }
        frame.put("+" + String(repeating: "-", count: plotWidth), x: plotX - 1, y: plotRows, foreground: axis)
        if let reference {
            let y = row(reference.value)
            for x in plotX..<(plotX + plotWidth) { frame.put(".", x: x, y: y, foreground: axis) }
        }
        let symbols = Set(series.map(\.symbol) + ["*"])
        for line in series {
            let color = depth.convertForeground(line.color)
            let points = line.values.enumerated().compactMap { index, value in
                value.flatMap { $0.isFinite ? (column(index), row($0)) : nil }
            }
            for (a, b) in zip(points, points.dropFirst()) where b.0 - a.0 > 2 {
                for x in (a.0 + 1)..<b.0 {
                    let y = a.1 + Int((Float(b.1 - a.1) * Float(x - a.0) / Float(b.0 - a.0)).rounded())
                    if frame[x, y].text == " " || frame[x, y].text == "." { frame.put("·", x: x, y: y, foreground: color, attributes: .dim) }
                }
            }
            for (x, y) in points {
                let taken = symbols.contains(Character(frame[x, y].text.isEmpty ? " " : frame[x, y].text))
                frame.put(taken ? "*" : String(line.symbol), x: x, y: y, foreground: color, attributes: .bold)
            }
        }
        var end = 0
        for (index, label) in columns.enumerated() {
            let x = min(max(column(index) - label.count / 2, end), width - label.count)
            if x >= end { end = frame.put(label, x: x, y: plotRows + 1, foreground: axis) + 1 }
        }
        for (row, line) in legendLines.enumerated() { frame.put(line, x: 0, y: plotRows + 2 + row) }
        return frame
    }
}
