import Testing
import Canvas
import Points

@Suite struct SVGExportTests {
    @Test func cloudWithTrailsArrowsAndTitle() {
        let points = SampleBatch(count: 3, dimension: 2, values: [0, 0, 1, 1, 9, 9])
        let layer = MarkerLayer(points: [.init(position: SIMD2(0, 0), color: RGBColor(255, 255, 255))],
                                trails: [.init(points: [SIMD2(-1, -1), SIMD2(0, 0)], color: RGBColor(0, 128, 255))],
                                arrows: [.init(from: SIMD2(0, 0), to: SIMD2(1, 1), color: RGBColor(255, 0, 0))])
        let svg = SVGExport.cloud(points, viewport: Viewport(halfExtent: 2), markers: layer, title: "a < b",
                                  style: .init(width: 200, height: 100))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""))
        #expect(svg.hasSuffix("</svg>\n"))
        // The square viewport fits the 100-pixel height: 25 pixels per unit, centred at (100, 50).
        #expect(svg.contains("<circle cx=\"100\" cy=\"50\" r=\"1.6\"/>"))
        #expect(svg.contains("<circle cx=\"125\" cy=\"25\" r=\"1.6\"/>"))
        #expect(!svg.contains("cx=\"325\""))   // (9, 9) lies outside the viewport
        #expect(svg.contains("<polyline points=\"75,75 100,50\""))
        #expect(svg.contains("marker-end=\"url(#headff0000)\""))
        #expect(svg.contains("<marker id=\"headff0000\""))
        #expect(svg.contains("<title>a &lt; b</title>"))
    }

    @Test func numbersAreShort() {
        let svg = SVGExport.cloud(SampleBatch(count: 1, dimension: 2, values: [0.3333, 0]), viewport: Viewport(halfExtent: 1),
                                  style: .init(width: 100, height: 100, canvasColor: nil))
        #expect(svg.contains("cx=\"66.66\"") || svg.contains("cx=\"66.67\""))
        #expect(!svg.contains("<rect"))
    }
}
