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

/// The style part of a cell after fitting to a colour depth, and the SGR parameters for it.
struct SGRStyle: Equatable {
    var foreground: TerminalColor
    var background: TerminalColor
    var attributes: CellAttributes

    static let plain = SGRStyle(foreground: .default, background: .default, attributes: [])

    init(foreground: TerminalColor, background: TerminalColor, attributes: CellAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    init(cell: Cell, depth: ColorDepth) {
        self.init(foreground: depth.convert(cell.foreground), background: depth.convert(cell.background), attributes: cell.attributes)
    }

    /// A blank that looks the same with no style at all (so it can be trimmed at the end of a line).
    func isInvisibleBlank(text: String) -> Bool {
        (text == " " || text.isEmpty) && background == .default && attributes.isDisjoint(with: [.reverse, .underline])
    }

    /// Whether a space in this style looks the same as a space in `other` (same background, and
    /// neither underlines nor reverses), so that no sequence is needed for it.
    func looksBlankLike(_ other: SGRStyle) -> Bool {
        background == other.background && isInvisibleBlank(text: " ") && other.isInvisibleBlank(text: " ")
    }

    /// The escape sequence that turns `previous` into this style.
    func sequence(from previous: SGRStyle) -> String {
        let mustReset = !previous.attributes.isSubset(of: attributes)
            || (foreground == .default && previous.foreground != .default)
            || (background == .default && previous.background != .default)
        var parameters: [String] = mustReset ? ["0"] : []
        let base = mustReset ? SGRStyle.plain : previous
        for (flag, code) in Self.attributeCodes where attributes.contains(flag) && !base.attributes.contains(flag) {
            parameters.append(code)
        }
        if foreground != base.foreground, let code = Self.colorCode(foreground, background: false) { parameters.append(code) }
        if background != base.background, let code = Self.colorCode(background, background: true) { parameters.append(code) }
        return "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }

    static let attributeCodes: [(CellAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]

    static func colorCode(_ color: TerminalColor, background: Bool) -> String? {
        switch color {
        case .default: return nil
        case .palette(let index) where index < 8: return (background ? "4" : "3") + String(index)
        case .palette(let index) where index < 16: return (background ? "10" : "9") + String(index - 8)
        case .palette(let index): return (background ? "48;5;" : "38;5;") + String(index)
        case .rgb(let r, let g, let b): return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
        }
    }
}
