import Testing
import Canvas
import DDIM

@Suite struct PointCloudRendererTests {
    func randomPoints(count: Int, seed: UInt64, spread: Float = 3) -> SampleBatch {
        var generator = PhiloxGenerator(seed: seed, stream: 5)
        return SampleBatch(count: count, dimension: 2, values: generator.normals(count: 2 * count).map { $0 * spread })
    }

    @Test func pointsOutsideTheViewOrNotFiniteAreDropped() {
        var frame = Frame(width: 4, height: 2)
        var renderer = PointCloudRenderer()
        let points = SampleBatch(count: 4, dimension: 2, values: [0.5, 0.5, 5, 0.5, .nan, 0.2, 0.3, -.infinity])
        let summary = renderer.draw(points, into: &frame, rect: frame.bounds, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        #expect(summary.drawnPoints == 1)
        #expect(summary.droppedPoints == 3)
        #expect(summary.litCells == 1)
    }

    @Test func aRectangleHangingOverTheFrameEdgeIsClipped() {
        var frame = Frame(width: 4, height: 2, fill: Cell("~"))
        var renderer = PointCloudRenderer()
        let rect = Rect(x: 2, y: 1, width: 4, height: 2)
        // Light every sub-cell of the rectangle, most of which lies outside the frame.
        let everything = (0..<8).flatMap { x in (0..<8).map { y in (x, y) } }
        let points = worldPoints(atSubcells: everything, rect: rect, viewport: unitViewport, mode: .braille)
        let summary = renderer.draw(points, into: &frame, rect: rect, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        #expect(frame.plainText == "~~~~\n~~⣿⣿")
        #expect(summary.litSubcells == 64)
    }

    @Test func noCellOutsideTheRectangleIsTouchedAndLitSubcellsNeverExceedPoints() {
        var generator = PhiloxGenerator(seed: 99, stream: 1)
        var renderer = PointCloudRenderer()
        for trial in 0..<60 {
            let mode = GlyphMode.allCases[trial % GlyphMode.allCases.count]
            let u = { (n: Int) in Int(generator.nextUniform() * Float(n)) }
            let rect = Rect(x: u(30) - 5, y: u(14) - 3, width: u(30), height: u(14))
            let count = u(400)
            let points = randomPoints(count: count, seed: UInt64(trial))
            var frame = Frame(width: 30, height: 12, fill: Cell("~"))
            let viewport = Viewport(halfExtent: 1 + Float(u(6)))
            let summary = renderer.draw(points, into: &frame, rect: rect, viewport: viewport, style: PointCloudStyle(mode: mode, depth: .palette256))
            for y in 0..<frame.height {
                for x in 0..<frame.width where !rect.contains(x: x, y: y) {
                    #expect(frame[x, y] == Cell("~"), "trial \(trial) touched (\(x), \(y)) outside \(rect)")
                }
            }
            #expect(summary.litSubcells <= summary.drawnPoints)
            #expect(summary.litCells <= summary.litSubcells)
            #expect(summary.drawnPoints + summary.droppedPoints == count)
        }
    }

    @Test func reusingTheRendererForgetsThePreviousFrame() {
        var renderer = PointCloudRenderer()
        var first = Frame(width: 4, height: 2)
        renderer.draw(worldPoints(atSubcells: [(0, 0)], rect: first.bounds, viewport: unitViewport, mode: .braille),
                      into: &first, rect: first.bounds, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        var second = Frame(width: 4, height: 2)
        renderer.draw(worldPoints(atSubcells: [(7, 7)], rect: second.bounds, viewport: unitViewport, mode: .braille),
                      into: &second, rect: second.bounds, viewport: unitViewport, style: PointCloudStyle(depth: .monochrome))
        #expect(second.plainText == "\n   ⢀")
    }

    @Test func aFaintLayerUnderneathIsCoveredWhereTheCloudLies() {
        var frame = Frame(width: 4, height: 1)
        var renderer = PointCloudRenderer()
        let data = worldPoints(atSubcells: [(0, 0), (6, 0)], rect: frame.bounds, viewport: unitViewport, mode: .braille)
        let samples = worldPoints(atSubcells: [(7, 3)], rect: frame.bounds, viewport: unitViewport, mode: .braille)
        renderer.draw(data, into: &frame, rect: frame.bounds, viewport: unitViewport, style: .faint(mode: .braille, depth: .palette256))
        renderer.draw(samples, into: &frame, rect: frame.bounds, viewport: unitViewport, style: PointCloudStyle(depth: .palette256))
        #expect(frame.plainText == "⠁  ⢀")
        #expect(frame[0, 0].attributes.contains(.dim))
        #expect(!frame[3, 0].attributes.contains(.dim))
    }
}
