import Foundation
import Canvas

/// Small text helpers the explorer's panels share.
enum Text {
    /// `value` with `digits` decimals, "nan"/"inf" spelled out.
    static func number(_ value: Float, _ digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if abs(value) >= 1e6 { return String(format: "%.2e", Double(value)) }
        return String(format: "%.\(max(0, digits))f", Double(value))
    }

    /// `text` cut to `width` columns, with an ellipsis when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if text.terminalWidth <= width { return text }
        var result = ""
        for character in text {
            if result.terminalWidth + character.terminalWidth > width - 1 { break }
            result.append(character)
        }
        return result + "…"
    }

    /// `text` wrapped at word boundaries to lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if candidate.terminalWidth <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = fit(String(word), width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

