extension IndexedImage {
    /// Sets every pixel within `radius` of (`x`, `y`) (a 1-pixel dot for radius 0).
    ///
    /// ```swift
    /// image.fillDisc(x: 40, y: 30, radius: 1, index: 2)
    /// ```
    public mutating func fillDisc(x: Int, y: Int, radius: Int, index: UInt8) {
        let r = max(0, radius)
        for dy in -r...r {
            for dx in -r...r where dx * dx + dy * dy <= r * r + r {
                self[x + dx, y + dy] = index
            }
        }
    }

    /// A straight line from (`x0`, `y0`) to (`x1`, `y1`), both ends included (Bresenham).
    ///
    /// ```swift
    /// image.drawLine(from: (0, 0), to: (63, 47), index: 5)
    /// ```
    public mutating func drawLine(from start: (Int, Int), to end: (Int, Int), index: UInt8) {
        var (x, y) = start
        let dx = abs(end.0 - x), dy = -abs(end.1 - y)
        let sx = x < end.0 ? 1 : -1, sy = y < end.1 ? 1 : -1
        var error = dx + dy
        // A line never needs more steps than its longer side; the bound keeps far-off ends cheap.
        for _ in 0...(max(dx, -dy)) {
            self[x, y] = index
            if x == end.0 && y == end.1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// `text` in ``PixelFont`` glyphs with its top-left corner at (`x`, `y`), each font pixel
    /// drawn as a `scale` x `scale` square. Letters are drawn in capitals; characters the font
    /// lacks are left blank.
    ///
    /// ```swift
    /// image.drawText("STEP 12/50", x: 6, y: 6, scale: 2, index: 7)
    /// ```
    public mutating func drawText(_ text: String, x: Int, y: Int, scale: Int, index: UInt8) {
        let s = max(1, scale)
        var left = x
        for character in text {
            let rows = PixelFont.glyph(for: character)
            for (row, bits) in rows.enumerated() {
                for column in 0..<PixelFont.glyphWidth where bits & (1 << (PixelFont.glyphWidth - 1 - column)) != 0 {
                    for py in 0..<s { for px in 0..<s { self[left + column * s + px, y + row * s + py] = index } }
                }
            }
            left += PixelFont.advance * s
        }
    }
}
