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
        var style = SGRStyle.plain
        for run in runs {
            out += "\u{1B}[\(run.y + 1);\(run.x + 1)H"
            for x in run.x..<(run.x + run.count) {
                let cell = frame[x, run.y]
                guard let text = CellGlyph.text(for: cell, after: x > 0 ? frame[x - 1, run.y] : nil, unicode: unicode) else { continue }
                let next = SGRStyle(cell: cell, depth: mapper.textDepth)
                if next != style {
                    out += next.sequence(from: style)
                    style = next
                }
                out += text
            }
        }
        if style != .plain { out += "\u{1B}[0m" }
        return out
    }
}
