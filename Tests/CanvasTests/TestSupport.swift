import Canvas
import Points

/// World points at the centres of the given sub-cells of `rect` (so tests can say "light this sub-cell").
func worldPoints(atSubcells subcells: [(Int, Int)], rect: Rect, viewport: Viewport, mode: GlyphMode) -> SampleBatch {
    let mapping = viewport.mapping(into: rect, mode: mode)
    var values: [Float] = []
    for (x, y) in subcells {
        let p = mapping.world(subcellX: x, subcellY: y)
        values += [p.x, p.y]
    }
    return SampleBatch(count: subcells.count, dimension: 2, values: values)
}

let unitViewport = Viewport(minX: 0, maxX: 1, minY: 0, maxY: 1)

/// Renders points placed at sub-cells into a fresh frame of `width` x `height` and returns it.
func renderSubcells(_ subcells: [(Int, Int)], mode: GlyphMode, width: Int = 4, height: Int = 2, depth: ColorDepth = .monochrome) -> Frame {
    var frame = Frame(width: width, height: height)
    let rect = frame.bounds
    let points = worldPoints(atSubcells: subcells, rect: rect, viewport: unitViewport, mode: mode)
    var renderer = PointCloudRenderer()
    renderer.draw(points, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(mode: mode, depth: depth))
    return frame
}

let escape = "\u{1B}["
