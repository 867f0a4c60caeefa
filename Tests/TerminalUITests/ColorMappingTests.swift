import Canvas
import Testing
@testable import TerminalUI

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
        #expect(XtermPalette.nearestSystem(0, 0, 0, count: 8, avoidBlack: true) == 0)
    }

    @Test func darkForegroundColoursAvoidBlackSoTheyStayVisible() {
        #expect(XtermPalette.nearestSystem(30, 30, 90, count: 8, avoidBlack: false) == 0)
        #expect(XtermPalette.nearestSystem(30, 30, 90, count: 8, avoidBlack: true) == 4)
    }
}

@Suite struct ColorMapperTests {
    @Test func monochromeAndDefaultAlwaysUseTheTerminalDefault() {
        let mono = ColorMapper(depth: .monochrome, directColor: true)
        #expect(mono.resolve(.rgb(255, 0, 0), role: .foreground) == .terminalDefault)
        #expect(mono.resolve(.palette(3), role: .background) == .terminalDefault)
        let rich = ColorMapper(depth: .trueColor, directColor: true)
        #expect(rich.resolve(.default, role: .foreground) == .terminalDefault)
    }

    @Test func trueColorNeedsADirectColourTerminal() {
        let direct = ColorMapper(depth: .trueColor, directColor: true)
        #expect(direct.resolve(.rgb(1, 2, 3), role: .foreground) == .rgb(1, 2, 3))
        #expect(direct.resolve(.palette(196), role: .foreground) == .rgb(255, 0, 0))
        #expect(direct.resolve(.palette(4), role: .foreground) == .indexed(4))
        let indexed = ColorMapper(depth: .trueColor, directColor: false)
        #expect(indexed.resolve(.rgb(255, 0, 0), role: .foreground) == .indexed(196))
    }

    @Test func lowerDepthsQuantize() {
        let p256 = ColorMapper(depth: .palette256, directColor: false)
        #expect(p256.resolve(.palette(200), role: .foreground) == .indexed(200))
        #expect(p256.resolve(.rgb(0, 0, 255), role: .foreground) == .indexed(21))
        let p16 = ColorMapper(depth: .palette16, directColor: false)
        #expect(p16.resolve(.palette(12), role: .foreground) == .indexed(12))
        #expect(p16.resolve(.palette(196), role: .foreground) == .indexed(9))
        #expect(p16.resolve(.rgb(0, 255, 255), role: .foreground) == .indexed(14))
        let p8 = ColorMapper(depth: .palette8, directColor: false)
        #expect(p8.resolve(.palette(9), role: .foreground) == .indexed(1))
        #expect(p8.resolve(.palette(196), role: .foreground) == .indexed(1))
        #expect(p8.resolve(.rgb(20, 20, 20), role: .background) == .indexed(0))
    }

    @Test func cursesNumbers() {
        #expect(ColorMapper.cursesNumber(.terminalDefault) == -1)
        #expect(ColorMapper.cursesNumber(.indexed(200)) == 200)
        #expect(ColorMapper.cursesNumber(.rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorMapper.cursesNumber(.rgb(0, 0, 3)) == 8, "direct colours 0-7 would be ANSI colours")
    }
}

@Suite struct ColorPairTableTests {
    @Test func pairsAreCreatedOnceAndReused() {
        var table = ColorPairTable(capacity: 64)
        var created: [[Int32]] = []
        let create: (Int32, Int32, Int32) -> Bool = { created.append([$0, $1, $2]); return true }
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: 2, background: 0, create: create) == 2)
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: -1, background: -1, create: create) == 0)
        #expect(created == [[1, 1, -1], [2, 2, 0]])
        #expect(table.count == 2)
    }

    @Test func fullTableFallsBackToDefaultBackgroundThenPairZero() {
        var table = ColorPairTable(capacity: 3)
        let create: (Int32, Int32, Int32) -> Bool = { _, _, _ in true }
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: 2, background: -1, create: create) == 2)
        #expect(table.pair(foreground: 1, background: 4, create: create) == 1)
        #expect(table.pair(foreground: 5, background: 4, create: create) == 0)
    }

    @Test func failedCreationFallsBackInsteadOfDrawingBlackOnBlack() {
        var table = ColorPairTable(capacity: 256)
        let refuseBackgrounds: (Int32, Int32, Int32) -> Bool = { _, _, background in background == -1 }
        #expect(table.pair(foreground: 3, background: 7, create: refuseBackgrounds) == 1)
        #expect(table.pair(foreground: 3, background: -1, create: refuseBackgrounds) == 1)
    }
}
