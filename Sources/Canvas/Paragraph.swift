/// Text wrapped at word boundaries to a width in terminal columns, aligned left, centre or right.
///
/// Explicit newlines start new lines; words wider than the width are broken between
/// characters; wide (CJK) and combining characters are measured by their terminal width.
///
/// ```swift
/// let text = Paragraph("DDIM takes big deterministic steps when eta is 0.", alignment: .left)
/// text.lines(width: 20)   // ["DDIM takes big", "deterministic steps", "when eta is 0."]
/// ```
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var alignment: TextAlignment

    public init(_ text: String, alignment: TextAlignment = .left) {
        self.text = text
        self.alignment = alignment
    }

    /// The wrapped lines, without alignment padding.
    public func lines(width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = word.terminalWidth
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { result.append(line) }
                while wordWidth > width {
                    let (head, rest) = Self.split(word, atWidth: width)
                    result.append(head)
                    word = rest
                    wordWidth = word.terminalWidth
                }
                line = word
                lineWidth = wordWidth
            }
            result.append(line)
        }
        return result
    }

    /// Draws the wrapped, aligned lines from the top of `rect` (clipped to it) and returns how
    /// many rows the whole text needs (which may exceed `rect.height`).
    @discardableResult
    public func draw(into frame: inout Frame, rect: Rect, foreground: TerminalColor? = nil, attributes: CellAttributes? = nil) -> Int {
        let wrapped = lines(width: rect.width)
        for (row, line) in wrapped.enumerated() where row < rect.height {
            let spare = rect.width - line.terminalWidth
            let offset = alignment == .left ? 0 : alignment == .right ? spare : spare / 2
            frame.put(line, x: rect.x + offset, y: rect.y + row, foreground: foreground, attributes: attributes, clip: rect)
        }
        return wrapped.count
    }

    /// The longest prefix of `word` that fits `width` columns (at least one character), and the rest.
    private static func split(_ word: String, atWidth width: Int) -> (String, String) {
        var head = "", used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let w = word[index].terminalWidth
            if used + w > width && !head.isEmpty { break }
            head.append(word[index])
            used += w
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
