import Foundation

extension PointCloudRenderer {
    /// Draws `layer` over whatever `rect` already shows, with the same mapping as
    /// ``draw(_:into:rect:viewport:style:)``: trails and arrow shafts as sub-cell dots in the
    /// style's glyph mode, then arrowheads, then highlighted points on top. Everything is bold.
    ///
    /// ```swift
    /// renderer.draw(samples, into: &frame, rect: area, viewport: view, style: style)
    /// renderer.drawMarkers(layer, into: &frame, rect: area, viewport: view, style: style)
    /// ```
    public mutating func drawMarkers(_ layer: MarkerLayer, into frame: inout Frame, rect: Rect, viewport: Viewport, style: PointCloudStyle) {
        guard !rect.isEmpty, !layer.isEmpty else { return }
        let mapping = viewport.mapping(into: rect, mode: style.mode)
        func subcell(_ p: SIMD2<Float>) -> SIMD2<Float> {
            SIMD2(p.x * mapping.scaleX + mapping.offsetX, p.y * mapping.scaleY + mapping.offsetY)
        }
        markerCanvas.reset(mode: style.mode, width: rect.width, height: rect.height)
        for trail in layer.trails {
            let color = style.depth.convertForeground(trail.color)
            if trail.points.count == 1 {
                let p = subcell(trail.points[0])
                if p.x >= 0, p.y >= 0 { markerCanvas.plot(x: Int(p.x), y: Int(p.y), color: color) }
            }
            for (a, b) in zip(trail.points, trail.points.dropFirst()) {
                markerCanvas.line(from: subcell(a), to: subcell(b), color: color)
            }
        }
        for arrow in layer.arrows {
            markerCanvas.line(from: subcell(arrow.from), to: subcell(arrow.to), color: style.depth.convertForeground(arrow.color))
        }
        markerCanvas.write(into: &frame, originX: rect.x, originY: rect.y, clip: rect, depth: style.depth, attributes: .bold)

        let visible = rect.intersection(frame.bounds)
        func put(_ symbol: Character, at world: SIMD2<Float>, color: RGBColor) {
            guard let (sx, sy) = mapping.subcell(x: world.x, y: world.y) else { return }
            let x = rect.x + sx / style.mode.subcellColumns, y = rect.y + sy / style.mode.subcellRows
            guard visible.contains(x: x, y: y) else { return }
            frame[x, y] = Cell(String(symbol), foreground: style.depth.convertForeground(color), background: frame[x, y].background, attributes: .bold)
        }
        for arrow in layer.arrows {
            let from = subcell(arrow.from), to = subcell(arrow.to)
            // Screen direction in cell widths: sub-cells are 1/columns wide and 2/rows tall.
            let dx = (to.x - from.x) / Float(style.mode.subcellColumns)
            let dy = (to.y - from.y) * 2 / Float(style.mode.subcellRows)
            guard dx != 0 || dy != 0 else { continue }
            put(Self.arrowhead(dx: dx, dy: dy, ascii: style.mode == .ascii), at: arrow.to, color: arrow.color)
        }
        for point in layer.points {
            put(point.symbol ?? (style.mode == .ascii ? "O" : "●"), at: point.position, color: point.color)
        }
    }

    /// The arrow character closest to the screen direction (`dx` right, `dy` down).
    static func arrowhead(dx: Float, dy: Float, ascii: Bool) -> Character {
        let unicode: [Character] = ["→", "↘", "↓", "↙", "←", "↖", "↑", "↗"]
        let plain: [Character] = [">", "\\", "v", "/", "<", "\\", "^", "/"]
        let angle = atan2(Double(dy), Double(dx))   // 0 = right, pi/2 = down
        let octant = (Int((angle / (Double.pi / 4)).rounded()) + 8) % 8
        return (ascii ? plain : unicode)[octant]
    }
}
