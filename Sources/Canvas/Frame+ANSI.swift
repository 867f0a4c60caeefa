extension Frame {
    /// The frame as text with SGR escape sequences, for printing to a terminal.
    ///
    /// Colours are fitted to `depth` (monochrome keeps only attributes). A sequence is written
    /// only where the style changes: a change that only adds attributes or switches to another
    /// non-default colour sets just that; anything that must switch something off resets (`0`)
    /// first. Each line that ends styled ends with a reset; trailing unstyled blanks are dropped.
    ///
    /// ```swift
    /// var frame = Frame(width: 3, height: 1)
    /// frame.put("ab", x: 0, y: 0, foreground: .palette(1))
    /// frame.ansiText(depth: .palette16)   // "\u{1B}[31mab\u{1B}[0m"
    /// ```
    public func ansiText(depth: ColorDepth) -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            var current = SGRStyle.plain
            let row = cells[(y * width)..<((y + 1) * width)]
            let end = (row.lastIndex { !SGRStyle(cell: $0, depth: depth).isInvisibleBlank(text: $0.text) } ?? (y * width - 1)) + 1
            for cell in row[(y * width)..<end] where !cell.text.isEmpty {
                let wanted = SGRStyle(cell: cell, depth: depth)
                if wanted != current && !(cell.text == " " && wanted.looksBlankLike(current)) {
                    line += wanted.sequence(from: current)
                    current = wanted
                }
                line += cell.text
            }
            if current != .plain { line += "\u{1B}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
