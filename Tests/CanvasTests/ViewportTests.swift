import Testing
import Canvas
import Points

@Suite struct ViewportTests {
    @Test(arguments: GlyphMode.allCases)
    func theMappingKeepsTheAspectRatio(mode: GlyphMode) {
        let mapping = Viewport(halfExtent: 2).mapping(into: Rect(x: 0, y: 0, width: 60, height: 20), mode: mode)
        // One world unit across and down covers the same physical length (a cell is 1 wide, 2 tall).
        let across = mapping.scaleX / Float(mode.subcellColumns)
        let down = -mapping.scaleY / Float(mode.subcellRows) * 2
        #expect(abs(across - down) < 1e-5)
        // The square fits the 40-unit-tall area and is centred across it.
        #expect(abs(across * 4 - 40) < 1e-4)
        let centre = mapping.subcell(x: 0, y: 0)
        #expect(centre?.x == 30 * mode.subcellColumns)
    }

    @Test func fittingCoversThePointsWithAMargin() {
        let points = SampleBatch(count: 3, dimension: 2, values: [0, 0, 2, 1, .nan, 50])
        let view = Viewport.fitting(points, margin: 0.1)
        #expect(abs(view.minX - -0.2) < 1e-6 && abs(view.maxX - 2.2) < 1e-6)
        #expect(abs(view.minY - -0.1) < 1e-6 && abs(view.maxY - 1.1) < 1e-6)
        #expect(Viewport.fitting(SampleBatch(zerosCount: 0, dimension: 2)) == Viewport(halfExtent: 1))
    }

    @Test func degenerateRangesAreWidened() {
        let view = Viewport(minX: 1, maxX: 1, minY: 3, maxY: 2)
        #expect(view.width == 1 && view.height == 1)
        #expect(view.minY == 2)
    }

    @Test func worldAndSubcellCoordinatesRoundTrip() {
        let mapping = Viewport(halfExtent: 3).mapping(into: Rect(x: 5, y: 2, width: 30, height: 10), mode: .braille)
        let world = mapping.world(subcellX: 17, subcellY: 9)
        #expect(mapping.subcell(x: world.x, y: world.y)! == (17, 9))
    }
}
