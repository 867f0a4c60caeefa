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

    /// `value` with `digits` decimals, or in scientific notation with two significant digits when
    /// those decimals would hide it (|value| < 10^-(digits-1)): ᾱ = 5.9e-5 reads "5.9e-5", not
    /// "0.0001"; an exact zero reads "0".
    ///
    /// ```swift
    /// Text.small(5.9e-5, 4)   // "5.9e-5"
    /// Text.small(0.25, 4)     // "0.2500"
    /// ```
    static func small(_ value: Float, _ digits: Int = 4) -> String {
        guard value.isFinite, abs(value) < pow(10, Float(1 - max(1, digits))) else { return number(value, digits) }
        if value == 0 { return "0" }
        return scientific(value)
    }

    /// `value` in scientific notation with two significant digits and a short exponent ("5.9e-5").
    static func scientific(_ value: Float) -> String {
        let text = String(format: "%.1e", Double(value))
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e], exponent = text[text.index(after: e)...]
        let sign = exponent.first == "-" ? "-" : ""
        let magnitude = exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" }
        return "\(mantissa)e\(sign)\(magnitude.isEmpty ? "0" : String(magnitude))"
    }

    /// At most `rows` lines of `lines` starting at `offset`; when more follow, the last row shown
    /// ends with a visible mark instead, so a reader knows the text goes on.
    ///
    /// ```swift
    /// Text.page(["a", "b", "c"], width: 20, rows: 2, offset: 0)   // ["a", "b  ▼ more"]
    /// ```
    static func page(_ lines: [String], width: Int, rows: Int, offset: Int = 0, ascii: Bool = false) -> [String] {
        guard rows > 0, width > 0 else { return [] }
        let start = min(max(0, offset), max(0, lines.count - 1))
        var shown = Array(lines.dropFirst(start).prefix(rows))
        guard start + shown.count < lines.count, let last = shown.last else { return shown }
        let mark = ascii ? " v more" : " ▼ more"
        let room = max(0, width - mark.terminalWidth)
        shown[shown.count - 1] = (last.terminalWidth <= room ? last : fit(last, room)) + mark
        return shown
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

