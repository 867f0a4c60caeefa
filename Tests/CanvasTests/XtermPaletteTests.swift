import Canvas
import Testing

@Suite struct XtermPaletteTests {
    @Test func paletteIndicesHaveTheXtermColours() {
        #expect(XtermPalette.rgb(ofIndex: 1) == (205, 0, 0))
        #expect(XtermPalette.rgb(ofIndex: 16) == (0, 0, 0))
        #expect(XtermPalette.rgb(ofIndex: 21) == (0, 0, 255))
        #expect(XtermPalette.rgb(ofIndex: 196) == (255, 0, 0))
        #expect(XtermPalette.rgb(ofIndex: 231) == (255, 255, 255))
        #expect(XtermPalette.rgb(ofIndex: 232) == (8, 8, 8))
        #expect(XtermPalette.rgb(ofIndex: 255) == (238, 238, 238))
    }

    @Test func everyCubeAndGreyIndexIsItsOwnNearest() {
        for index in 16...255 {
            let (r, g, b) = XtermPalette.rgb(ofIndex: UInt8(index))
            let nearest = XtermPalette.nearest256(r, g, b)
            #expect(XtermPalette.rgb(ofIndex: nearest) == (r, g, b), "index \(index) mapped to \(nearest)")
        }
    }

    @Test func nearest256PicksGreysForGreyishColours() {
        #expect(XtermPalette.nearest256(128, 128, 128) == 244)
        #expect(XtermPalette.nearest256(250, 10, 5) == 196)
        #expect(XtermPalette.nearest256(100, 180, 240) == 75)
    }

    @Test func nearestSystemColours() {
        #expect(XtermPalette.nearestSystem(250, 0, 0, count: 16, avoidBlack: false) == 9)
        #expect(XtermPalette.nearestSystem(200, 0, 0, count: 8, avoidBlack: false) == 1)
        #expect(XtermPalette.nearestSystem(0, 0, 0, count: 8, avoidBlack: false) == 0)
        #expect(XtermPalette.nearestSystem(0, 0, 0, count: 8, avoidBlack: true) != 0)
    }

    @Test func darkForegroundColoursAvoidBlackSoTheyStayVisible() {
        #expect(XtermPalette.nearestSystem(30, 30, 90, count: 8, avoidBlack: false) == 0)
        #expect(XtermPalette.nearestSystem(30, 30, 90, count: 8, avoidBlack: true) == 4)
    }
}
