import Canvas
import Testing
@testable import SlideExport

@Suite struct PixelDrawingTests {
    @Test func linesIncludeBothEndsAndStayConnected() {
        var image = IndexedImage(width: 20, height: 10)
        image.drawLine(from: (1, 2), to: (17, 8), index: 5)
        #expect(image[1, 2] == 5 && image[17, 8] == 5)
        // One pixel per column along the longer side: a connected line with no gaps.
        for x in 1...17 { #expect((0..<10).contains { image[x, $0] == 5 }, "column \(x)") }
        #expect(image.count(of: 5) == 17)
    }

    @Test func drawingOffThePictureIsClippedNotACrash() {
        var image = IndexedImage(width: 8, height: 8)
        image.drawLine(from: (-1_000_000, -5), to: (1_000_000, 5), index: 1)
        image.fillDisc(x: -3, y: 100, radius: 4, index: 2)
        #expect(image.count(of: 1) > 0)
        #expect(image.count(of: 2) == 0)
    }

    @Test func textDrawsTheFontsPixelsAtScale() {
        var image = IndexedImage(width: 40, height: 12)
        image.drawText("17", x: 0, y: 0, scale: 2, index: 3)
        let lit = PixelFont.glyph(for: "1").map { $0.nonzeroBitCount }.reduce(0, +) + PixelFont.glyph(for: "7").map { $0.nonzeroBitCount }.reduce(0, +)
        #expect(image.count(of: 3) == lit * 4)
        #expect(image[0, 0] == 0 && image[2, 0] == 3)   // "1" starts with .X.
        #expect(PixelFont.width(of: "T=981", scale: 2) == 40)
        #expect(PixelFont.draws("q") && !PixelFont.draws("ᾱ"))
    }

    @Test func theMappingKeepsTheAspectRatioAndCentres() {
        let mapping = PixelMapping(viewport: Viewport(minX: -2, maxX: 2, minY: -1, maxY: 1), width: 400, height: 400)
        #expect(mapping.scale == 100)
        #expect(mapping.position(0, 0) == SIMD2(200, 200))
        #expect(mapping.position(2, 1) == SIMD2(400, 100))
        #expect(mapping.pixel(.nan, 0) == nil)
        #expect(mapping.pixel(1e30, 0) == nil)
    }
}
