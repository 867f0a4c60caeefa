import Canvas
import ToyWorld

/// The quality panel: distance to the data, precision and recall against step as sparklines,
/// with the value on screen and the final one; in invert mode, the reconstruction error.
enum QualityPanel {
    static func lines(_ model: ExplorerModel, width: Int) -> (title: String, lines: [String]) {
        switch model.mode {
        case .invert:
            guard let run = model.inversion else { return ("reconstruction", []) }
            var lines = ["RMS distance to data: \(Text.number(run.currentError, 4))"]
            if let error = run.reconstructionError, let meanSquare = run.reconstructionMeanSquaredError {
                lines.append("reconstruction MSE/coord: \(Text.small(Float(meanSquare), 5))")
                lines.append("(as table's Table 2; RMS distance \(Text.number(error, 5)))")
                lines.append("(\(run.stepsPerDirection) steps each way; more steps → smaller)")
            } else {
                lines.append("reconstruction error: after \(run.totalSteps) steps")
            }
            lines.append("n=\(run.states[0].count) (at most \(InversionRun.maximumCount))")
            return ("reconstruction", lines)
        case .interpolate:
            guard let run = model.interpolation else { return ("interpolation", []) }
            let decoded = run.decoded.compactMap { $0 }.count
            return ("interpolation", ["alpha \(Text.number(run.alpha, 2)) of 0…1",
                                      "decoded \(decoded)/\(InterpolationRun.frameCount) blends",
                                      "n=\(run.settings.count) (at most \(InterpolationRun.maximumCount))"])
        default:
            let run = model.focusedRun
            guard let now = run.quality.indices.contains(run.cursor) ? run.quality[run.cursor] : nil else {
                return ("quality vs step", ["measuring…"])
            }
            var lines = ["mmd  \(Text.number(now.distance, 3))", "prec \(Text.number(now.precision, 2))", "rec  \(Text.number(now.recall, 2))"]
            lines.append("noise floor \(Text.number(run.noiseFloor, 3))")
            if run.isAtEnd, let first = run.quality.first ?? nil {
                lines.append("final mmd \(Text.number(now.distance, 3)) (x_T: \(Text.number(first.distance, 3)))")
            } else {
                lines.append("final: after \(run.totalSteps) steps")
            }
            lines.append("(\(QualityProbe.summary(run.probeSize)))")
            return ("quality vs step \(run.cursor)", lines)
        }
    }

    /// The metric histories up to the step on screen: distance, precision, recall.
    static func histories(_ run: ChainRun) -> [[Float]] {
        let points = Array(run.quality.prefix(run.cursor + 1))
        return [points.map { $0?.distance ?? .nan }, points.map { $0?.precision ?? .nan }, points.map { $0?.recall ?? .nan }]
    }

    static func draw(_ model: ExplorerModel, in rect: Rect, depth: ColorDepth, ascii: Bool, into frame: inout Frame) {
        let content = lines(model, width: rect.width - 2)
        let inside = Panel(title: content.title, border: ascii ? .ascii : .rounded).draw(into: &frame, rect: rect)
        let valueWidth = 11
        let sparkWidth = inside.width - valueWidth - 1
        let showsSparks = model.mode != .invert && model.mode != .interpolate && sparkWidth >= 4
        let histories = showsSparks ? histories(model.focusedRun) : []
        let colors: [RGBColor] = [RGBColor(255, 140, 90), RGBColor(120, 220, 140), RGBColor(120, 180, 255)]
        for (row, line) in content.lines.prefix(inside.height).enumerated() {
            let y = inside.y + row
            if row < histories.count {
                frame.put(Text.fit(line, valueWidth), x: inside.x, y: y)
                let color: TerminalColor = depth.hasColor ? depth.convertForeground(colors[row]) : .default
                let range: ClosedRange<Float>? = row == 0 ? nil : 0...1
                Sparkline(histories[row], range: range, color: color, ascii: ascii)
                    .draw(into: &frame, rect: Rect(x: inside.x + valueWidth + 1, y: y, width: sparkWidth, height: 1))
            } else {
                frame.put(Text.fit(line, inside.width), x: inside.x, y: y)
            }
        }
    }
}
