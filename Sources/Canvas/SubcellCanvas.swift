/// A small sub-cell drawing surface for lines and dots (trails, arrows, plot curves), written
/// into a frame afterwards. Each cell keeps its lit sub-cells and the colour of the last dot.
struct SubcellCanvas: Sendable {
    private(set) var mode: GlyphMode = .braille
    private(set) var width = 0
    private(set) var height = 0
    private var masks: [UInt8] = []
    private var colors: [TerminalColor] = []

    var subcellWidth: Int { width * mode.subcellColumns }
    var subcellHeight: Int { height * mode.subcellRows }

    /// Empties the canvas, keeping the storage when the size is unchanged.
    mutating func reset(mode: GlyphMode, width: Int, height: Int) {
        self.mode = mode
        let count = max(0, width) * max(0, height)
        if count != masks.count {
            masks = [UInt8](repeating: 0, count: count)
            colors = [TerminalColor](repeating: .default, count: count)
        } else {
            for i in masks.indices { masks[i] = 0 }
        }
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Lights sub-cell (`x`, `y`); outside the canvas nothing happens.
    mutating func plot(x: Int, y: Int, color: TerminalColor) {
        guard x >= 0, y >= 0, x < subcellWidth, y < subcellHeight else { return }
        let columns = mode.subcellColumns, rows = mode.subcellRows
        let cell = (y / rows) * width + x / columns
        masks[cell] |= UInt8(1 << ((y % rows) * columns + x % columns))
        colors[cell] = color
    }

    /// A straight line between two points in sub-cell coordinates (fractions allowed), clipped to
    /// the canvas first (so far-away ends cost nothing), then stepped with Bresenham.
    mutating func line(from start: SIMD2<Float>, to end: SIMD2<Float>, color: TerminalColor) {
        guard let (a, b) = clip(start, end) else { return }
        var x0 = Int(a.x), y0 = Int(a.y)
        let x1 = Int(b.x), y1 = Int(b.y)
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            plot(x: x0, y: y0, color: color)
            if x0 == x1 && y0 == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x0 += stepX }
            if doubled <= dx { error += dx; y0 += stepY }
        }
    }

    /// Liang-Barsky clipping of a segment to [0, width) x [0, height) in sub-cell units.
    private func clip(_ start: SIMD2<Float>, _ end: SIMD2<Float>) -> (SIMD2<Float>, SIMD2<Float>)? {
        guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return nil }
        let limitX = Float(subcellWidth) - 0.001, limitY = Float(subcellHeight) - 0.001
        guard limitX > 0, limitY > 0 else { return nil }
        let delta = end - start
        var enter: Float = 0, leave: Float = 1
        let checks: [(Float, Float)] = [(-delta.x, start.x), (delta.x, limitX - start.x), (-delta.y, start.y), (delta.y, limitY - start.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { enter = max(enter, r) } else { leave = min(leave, r) }
            }
        }
        guard enter <= leave else { return nil }
        return (start + enter * delta, start + leave * delta)
    }

    /// Writes every cell with a lit sub-cell into `frame` at `origin`, clipped to `clip`.
    /// `asciiGlyph` stands for any pattern in ASCII mode.
    func write(into frame: inout Frame, originX: Int, originY: Int, clip: Rect, depth: ColorDepth, attributes: CellAttributes, asciiGlyph: Character = "o") {
        let visible = clip.intersection(frame.bounds)
        for cell in 0..<masks.count where masks[cell] != 0 {
            let x = originX + cell % width, y = originY + cell / width
            guard visible.contains(x: x, y: y) else { continue }
            var target = frame[x, y]
            target.text = mode == .ascii ? String(asciiGlyph) : String(mode.glyph(forMask: Int(masks[cell])))
            target.foreground = depth.convert(colors[cell])
            target.attributes = attributes
            frame[x, y] = target
        }
    }
}
