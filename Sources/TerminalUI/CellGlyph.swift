import Canvas

/// The text to send for one cell, or nil to skip it (the right half of a wide character).
///
/// ```swift
/// CellGlyph.text(for: Cell("⣿"), after: nil, unicode: false)   // ":"
/// ```
enum CellGlyph {
    static func text(for cell: Cell, after previous: Cell?, unicode: Bool) -> String? {
        if cell.text.isEmpty {
            if let previous, previous.text.terminalWidth == 2 { return nil }
            return " "
        }
        guard let first = cell.text.first, first.terminalWidth > 0 else { return " " }
        if !unicode && !first.isASCII { return String(AsciiFallback.character(for: first)) }
        return cell.text
    }
}
