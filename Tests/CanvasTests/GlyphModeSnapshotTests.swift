import Testing
import Canvas

/// A few points at known sub-cells of a 4x2-cell frame give known characters in every mode.
@Suite struct GlyphModeSnapshotTests {
    @Test func braille() {
        let frame = renderSubcells([(0, 0), (1, 0), (4, 2), (4, 3), (3, 7)], mode: .braille)
        #expect(frame.plainText == "⠉ ⡄\n ⢀")
    }

    @Test func octants() {
        let frame = renderSubcells([(0, 0), (1, 0), (4, 2), (4, 3), (3, 7)], mode: .octants)
        #expect(frame.plainText == "\u{1FB82} ▖\n \u{1CEA0}")
    }

    @Test func sextants() {
        let frame = renderSubcells([(0, 0), (1, 0), (4, 1), (4, 2), (3, 5), (6, 0), (6, 1), (6, 2)], mode: .sextants)
        // 12 -> SEXTANT-12, 35 -> SEXTANT-35, left column -> left half block, 6 -> SEXTANT-6
        #expect(frame.plainText == "\u{1FB02} \u{1FB13}▌\n \u{1FB1E}")
    }

    @Test func quadrants() {
        let frame = renderSubcells([(0, 0), (1, 0), (4, 1), (3, 3)], mode: .quadrants)
        #expect(frame.plainText == "▀ ▖\n ▗")
    }

    @Test func halfBlocks() {
        let frame = renderSubcells([(0, 0), (0, 1), (2, 1), (1, 2)], mode: .halfBlocks)
        #expect(frame.plainText == "█ ▄\n ▀")
    }

    @Test func halfBlocksShowTwoColoursInOneCell() {
        // Top half one point, bottom half nine: different ramp colours, so ▀ with fg top and bg bottom.
        let subcells = [(0, 0)] + Array(repeating: (0, 1), count: 9)
        let frame = renderSubcells(subcells, mode: .halfBlocks, width: 1, height: 1, depth: .trueColor)
        let cell = frame[0, 0]
        #expect(cell.text == "▀")
        #expect(cell.foreground != cell.background)
        #expect(cell.background == ColorRamp.ember.color(at: 1).terminalColor)
    }

    @Test func asciiDensity() {
        let subcells = [(0, 0)] + Array(repeating: (2, 0), count: 9) + Array(repeating: (1, 1), count: 3)
        let frame = renderSubcells(subcells, mode: .ascii)
        #expect(frame.plainText == "- @\n *")
    }

    @Test func densityColoursRiseWithCount() {
        let subcells = [(0, 0)] + Array(repeating: (4, 0), count: 20)
        let frame = renderSubcells(subcells, mode: .braille, depth: .trueColor)
        #expect(frame[2, 0].foreground == ColorRamp.ember.color(at: 1).terminalColor)
        #expect(frame[0, 0].foreground != frame[2, 0].foreground)
        #expect(frame[1, 0] == .blank)
    }
}
