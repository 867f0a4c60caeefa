/// A one-row bar for how far the chain has come, with an optional label on its right.
///
/// ```swift
/// ProgressBar(fraction: 0.5, label: "25/50").draw(into: &frame, rect: Rect(x: 0, y: 0, width: 16, height: 1))
/// // "█████░░░░░ 25/50"
/// ```
public struct ProgressBar: Sendable, Hashable {
    /// Done part, clamped to 0...1 (NaN counts as 0).
    public var fraction: Double
    public var label: String?
    public var color: TerminalColor
    public var ascii: Bool

    public init(fraction: Double, label: String? = nil, color: TerminalColor = .default, ascii: Bool = false) {
        self.fraction = fraction
        self.label = label
        self.color = color
        self.ascii = ascii
    }

    public func draw(into frame: inout Frame, rect: Rect) {
        guard !rect.isEmpty else { return }
        let text = label.map { " " + $0 } ?? ""
        let labelWidth = text.terminalWidth <= rect.width / 2 ? text.terminalWidth : 0
        let barWidth = rect.width - labelWidth - (ascii ? 2 : 0)
        guard barWidth > 0 else { return }
        let done = fraction.isNaN ? 0 : min(1, max(0, fraction))
        var bar: String
        if ascii {
            let filled = Int((done * Double(barWidth)).rounded())
            bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
        } else {
            let eighths = Int((done * Double(barWidth * 8)).rounded())
            bar = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { bar.append(["▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8 - 1]) }
        }
        let end = frame.put(bar, x: rect.x, y: rect.y, foreground: color, clip: rect)
        if !ascii && end < rect.x + barWidth {
            frame.put(String(repeating: "░", count: rect.x + barWidth - end), x: end, y: rect.y, foreground: color, attributes: .dim, clip: rect)
        }
        if labelWidth > 0 { frame.put(text, x: rect.maxX - labelWidth, y: rect.y, clip: rect) }
    }
}
