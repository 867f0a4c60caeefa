/// A small chart of a metric against step: one column per value, bar heights in eighths of a cell.
///
/// With more values than columns, the most recent ones are shown. Non-finite values leave a gap.
///
/// ```swift
/// Sparkline([3, 1, 4, 1, 5, 9, 2, 6]).draw(into: &frame, rect: Rect(x: 0, y: 0, width: 8, height: 1))
/// // "▃▁▄▁▄█▂▅"
/// ```
public struct Sparkline: Sendable, Hashable {
    public var values: [Float]
    /// The value range mapped to empty...full; nil fits the shown values (a minimum of 0 when all are positive).
    public var range: ClosedRange<Float>?
    public var color: TerminalColor
    public var ascii: Bool

    public init(_ values: [Float], range: ClosedRange<Float>? = nil, color: TerminalColor = .default, ascii: Bool = false) {
        self.values = values
        self.range = range
        self.color = color
        self.ascii = ascii
    }

    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public func draw(into frame: inout Frame, rect: Rect) {
        guard !rect.isEmpty else { return }
        let shown = values.suffix(rect.width)
        let finite = shown.filter(\.isFinite)
        guard let low = range?.lowerBound ?? finite.min().map({ min(0, $0) }), let high = range?.upperBound ?? finite.max() else { return }
        let span = high > low ? high - low : 1
        let steps = rect.height * 8
        for (offset, value) in shown.enumerated() where value.isFinite {
            let fraction = min(1, max(0, (value - low) / span))
            let filled = max(value > low ? 1 : 0, Int((fraction * Float(steps)).rounded()))
            let x = rect.x + offset
            for level in 0..<rect.height {
                let here = min(8, max(0, filled - level * 8))
                guard here > 0 else { break }
                let glyph: Character = ascii ? (here >= 4 ? "#" : ".") : Self.eighths[here]
                frame.put(String(glyph), x: x, y: rect.maxY - 1 - level, foreground: color, clip: rect)
            }
        }
    }
}
