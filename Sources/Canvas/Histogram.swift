import Points

/// Counts of values in equal bins, drawn as bars: columns for the x marginal of a cloud
/// (``drawColumns(into:rect:color:ascii:)``), rows for the y marginal (``drawRows(into:rect:color:ascii:)``).
///
/// ```swift
/// let xMarginal = Histogram(column: 0, of: samples, range: view.minX...view.maxX, binCount: 40)
/// xMarginal.drawColumns(into: &frame, rect: Rect(x: 0, y: 20, width: 40, height: 3))
/// ```
public struct Histogram: Sendable, Hashable {
    public private(set) var counts: [Int]
    public private(set) var range: ClosedRange<Float>

    /// Bins `values` into `binCount` equal bins over `range`; values outside it, or not finite, are left out.
    public init<Values: Sequence<Float>>(values: Values, range: ClosedRange<Float>, binCount: Int) {
        let bins = max(1, binCount)
        var counts = [Int](repeating: 0, count: bins)
        let span = range.upperBound - range.lowerBound
        if span > 0 {
            for value in values where value >= range.lowerBound && value <= range.upperBound {
                counts[min(bins - 1, Int((value - range.lowerBound) / span * Float(bins)))] += 1
            }
        }
        self.counts = counts
        self.range = range
    }

    /// Bins column `column` of `batch` (no column gives empty bins).
    public init(column: Int, of batch: SampleBatch, range: ClosedRange<Float>, binCount: Int) {
        let values = column >= 0 && column < batch.dimension
            ? stride(from: column, to: batch.values.count, by: batch.dimension).map { batch.values[$0] } : []
        self.init(values: values, range: range, binCount: binCount)
    }

    /// Bars growing upward, one column per bin from the left (bins beyond the width are cut off).
    public func drawColumns(into frame: inout Frame, rect: Rect, color: TerminalColor = .default, ascii: Bool = false) {
        let top = max(1, counts.max() ?? 1)
        for (bin, count) in counts.prefix(rect.width).enumerated() where count > 0 {
            let eighths = max(1, Int((Float(count) / Float(top) * Float(rect.height * 8)).rounded()))
            for level in 0..<rect.height {
                let here = min(8, eighths - level * 8)
                guard here > 0 else { break }
                let glyph = ascii ? (here >= 4 ? "#" : ".") : String(Sparkline.eighths[here])
                frame.put(glyph, x: rect.x + bin, y: rect.maxY - 1 - level, foreground: color, clip: rect)
            }
        }
    }

    /// Bars growing rightward, one row per bin, the first bin at the bottom (as y points up).
    public func drawRows(into frame: inout Frame, rect: Rect, color: TerminalColor = .default, ascii: Bool = false) {
        let top = max(1, counts.max() ?? 1)
        let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
        for (bin, count) in counts.prefix(rect.height).enumerated() where count > 0 {
            let eighths = max(1, Int((Float(count) / Float(top) * Float(rect.width * 8)).rounded()))
            var bar = String(repeating: ascii ? "=" : "█", count: eighths / 8)
            if eighths % 8 > 0 { bar.append(ascii ? (eighths % 8 >= 4 ? "=" : "-") : partial[eighths % 8]) }
            frame.put(bar, x: rect.x, y: rect.maxY - 1 - bin, foreground: color, clip: rect)
        }
    }
}
