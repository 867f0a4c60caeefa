import Canvas

/// Writes changed cells as ANSI text (cursor moves, SGR colours, glyphs), for recordings that
/// replay what the terminal showed.
///
/// ```swift
/// let encoder = AnsiDiffEncoder(mapper: ColorMapper(depth: .palette256, directColor: false), unicode: true)
/// let text = encoder.encode(frame, runs: FrameDiff.changedRuns(from: nil, to: frame), clearFirst: true)
/// ```
struct AnsiDiffEncoder: Sendable {
    let mapper: ColorMapper
    let unicode: Bool

    func encode(_ frame: Frame, runs: [CellRun], clearFirst: Bool) -> String {
        var out = clearFirst ? "\u{1B}[0m\u{1B}[H\u{1B}[2J" : ""
        var style: Style? = nil
        for run in runs {
            out += "\u{1B}[\(run.y + 1);\(run.x + 1)H"
            for x in run.x..<(run.x + run.count) {
                let cell = frame[x, run.y]
                guard let text = CellGlyph.text(for: cell, after: x > 0 ? frame[x - 1, run.y] : nil, unicode: unicode) else { continue }
                let next = Style(cell: cell, mapper: mapper)
                if next != style {
                    out += next.sgr
                    style = next
                }
                out += text
            }
        }
        if style != nil { out += "\u{1B}[0m" }
        return out
    }

    /// The resolved look of a cell: what an SGR sequence sets.
    struct Style: Equatable {
        var foreground: ResolvedColor
        var background: ResolvedColor
        var attributes: CellAttributes

        init(cell: Cell, mapper: ColorMapper) {
            foreground = mapper.resolve(cell.foreground, role: .foreground)
            background = mapper.resolve(cell.background, role: .background)
            attributes = cell.attributes
        }

        var sgr: String {
            var codes = ["0"]
            let table: [(CellAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
            for (attribute, code) in table where attributes.contains(attribute) { codes.append(code) }
            if let code = Self.code(foreground, base: 30) { codes.append(code) }
            if let code = Self.code(background, base: 40) { codes.append(code) }
            return "\u{1B}[" + codes.joined(separator: ";") + "m"
        }

        static func code(_ color: ResolvedColor, base: Int) -> String? {
            switch color {
            case .terminalDefault: return nil
            case .indexed(let i) where i < 8: return String(base + Int(i))
            case .indexed(let i) where i < 16: return String(base + 60 + Int(i) - 8)
            case .indexed(let i): return "\(base + 8);5;\(i)"
            case .rgb(let r, let g, let b): return "\(base + 8);2;\(r);\(g);\(b)"
            }
        }
    }
}
