import Testing
import Canvas

@Suite struct MarkerLayerTests {
    /// World coordinates of sub-cell centres of a 6x1-cell braille rectangle.
    func world(_ x: Int, _ y: Int, rect: Rect) -> SIMD2<Float> {
        let p = unitViewport.mapping(into: rect, mode: .braille).world(subcellX: x, subcellY: y)
        return SIMD2(p.x, p.y)
    }

    @Test func trailsArrowsAndPointsInBraille() {
        var frame = Frame(width: 6, height: 2)
        let rect = frame.bounds
        var layer = MarkerLayer()
        layer.trails.append(.init(points: [world(0, 0, rect: rect), world(11, 0, rect: rect)], color: RGBColor(0, 200, 255)))
        layer.arrows.append(.init(from: world(0, 7, rect: rect), to: world(11, 7, rect: rect), color: RGBColor(255, 80, 80)))
        layer.points.append(.init(position: world(5, 1, rect: rect), color: RGBColor(255, 255, 255)))
        var renderer = PointCloudRenderer()
        renderer.drawMarkers(layer, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(depth: .palette256))
        #expect(frame.plainText == "⠉⠉●⠉⠉⠉\n⣀⣀⣀⣀⣀→")
        #expect(frame[0, 0].foreground == .palette(45))
        #expect(frame[0, 0].attributes == .bold)
    }

    @Test func diagonalTrailsStepThroughSubcells() {
        var frame = Frame(width: 2, height: 2)
        let rect = frame.bounds
        let layer = MarkerLayer(trails: [.init(points: [world(0, 0, rect: rect), world(3, 7, rect: rect)], color: RGBColor(9, 9, 9))])
        var renderer = PointCloudRenderer()
        renderer.drawMarkers(layer, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        // Bresenham from (0,0) to (3,7): (0,0) (0,1) (1,2) (1,3) | (2,4) (2,5) (3,6) (3,7)
        #expect(frame.plainText == "⢣\n ⢣")
    }

    @Test func linesLeavingTheRectangleAreClippedAndNothingOutsideIsTouched() {
        var frame = Frame(width: 8, height: 3, fill: Cell("~"))
        let rect = Rect(x: 2, y: 1, width: 4, height: 1)
        let layer = MarkerLayer(
            trails: [.init(points: [SIMD2(-100, 0.5), SIMD2(100, 0.5)], color: RGBColor(1, 2, 3))],
            arrows: [.init(from: SIMD2(0.5, 0.5), to: SIMD2(50, 50), color: RGBColor(1, 2, 3))])
        var renderer = PointCloudRenderer()
        renderer.drawMarkers(layer, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        #expect(frame.plainText == "~~~~~~~~\n~~⠤⠤⠴⠥~~\n~~~~~~~~")
    }

    @Test func asciiMarkers() {
        var frame = Frame(width: 6, height: 1)
        let rect = frame.bounds
        let mapping = unitViewport.mapping(into: rect, mode: .ascii)
        func at(_ x: Int) -> SIMD2<Float> { let p = mapping.world(subcellX: x, subcellY: 0); return SIMD2(p.x, p.y) }
        let layer = MarkerLayer(points: [.init(position: at(0), color: RGBColor(1, 1, 1))],
                                arrows: [.init(from: at(1), to: at(5), color: RGBColor(1, 1, 1))])
        var renderer = PointCloudRenderer()
        renderer.drawMarkers(layer, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(mode: .ascii, depth: .monochrome))
        #expect(frame.plainText == "Ooooo>")
    }
}
