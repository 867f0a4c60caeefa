import Testing
import Canvas

@Suite struct GlyphTableTests {
    /// The digits of a mask as Unicode names list them: bit n-1 is cell n.
    func cellDigits(_ mask: Int, cells: Int) -> String {
        (0..<cells).filter { mask & (1 << $0) != 0 }.map { String($0 + 1) }.joined()
    }

    @Test func octantCharactersNameExactlyTheirMask() {
        var seen = Set<Character>()
        for mask in 0..<256 {
            let glyph = GlyphMode.octants.glyph(forMask: mask)
            seen.insert(glyph)
            let scalar = glyph.unicodeScalars.first!
            if (0x1CD00...0x1CDE5).contains(scalar.value) {
                #expect(scalar.properties.name == "BLOCK OCTANT-" + cellDigits(mask, cells: 8), "mask \(mask)")
            }
        }
        #expect(seen.count == 256)
    }

    @Test func octantPatternsOutsideTheOctantBlockUseTheOlderCharacters() {
        #expect(GlyphMode.octants.glyph(forMask: 0) == " ")
        #expect(GlyphMode.octants.glyph(forMask: 0xFF) == "█")
        #expect(GlyphMode.octants.glyph(forMask: 0b0000_1111) == "▀")
        #expect(GlyphMode.octants.glyph(forMask: 0b0101_0101) == "▌")
        #expect(GlyphMode.octants.glyph(forMask: 0b0101_1010) == "▞")
        #expect(GlyphMode.octants.glyph(forMask: 0b1100_0000) == "▂")
        #expect(GlyphMode.octants.glyph(forMask: 0b0000_0001).unicodeScalars.first!.properties.name == "LEFT HALF UPPER ONE QUARTER BLOCK")
        #expect(GlyphMode.octants.glyph(forMask: 0b0010_1000).unicodeScalars.first!.properties.name == "MIDDLE RIGHT ONE QUARTER BLOCK")
        #expect(GlyphMode.octants.glyph(forMask: 0b0011_1111).unicodeScalars.first!.properties.name == "UPPER THREE QUARTERS BLOCK")
    }

    @Test func sextantCharactersNameExactlyTheirMask() {
        var seen = Set<Character>()
        for mask in 0..<64 {
            let glyph = GlyphMode.sextants.glyph(forMask: mask)
            seen.insert(glyph)
            let scalar = glyph.unicodeScalars.first!
            if (0x1FB00...0x1FB3B).contains(scalar.value) {
                #expect(scalar.properties.name == "BLOCK SEXTANT-" + cellDigits(mask, cells: 6), "mask \(mask)")
            }
        }
        #expect(seen.count == 64)
        #expect(GlyphMode.sextants.glyph(forMask: 0b01_0101) == "▌")
        #expect(GlyphMode.sextants.glyph(forMask: 0b11_1111) == "█")
    }

    @Test func brailleDotsRunDownTheColumns() {
        #expect(GlyphMode.braille.glyph(forMask: 0) == "\u{2800}")
        #expect(GlyphMode.braille.glyph(forMask: 0b0000_0001) == "⠁")   // top left = dot 1
        #expect(GlyphMode.braille.glyph(forMask: 0b0000_0010) == "⠈")   // top right = dot 4
        #expect(GlyphMode.braille.glyph(forMask: 0b0100_0000) == "⡀")   // bottom left = dot 7
        #expect(GlyphMode.braille.glyph(forMask: 0b1000_0000) == "⢀")   // bottom right = dot 8
        #expect(GlyphMode.braille.glyph(forMask: 0xFF) == "⣿")
    }

    @Test func quadrantAndHalfBlockMasks() {
        #expect(GlyphMode.quadrants.glyph(forMask: 0b0001) == "▘")
        #expect(GlyphMode.quadrants.glyph(forMask: 0b1001) == "▚")
        #expect(GlyphMode.quadrants.glyph(forMask: 0b1110) == "▟")
        #expect(GlyphMode.halfBlocks.glyph(forMask: 0b01) == "▀")
        #expect(GlyphMode.halfBlocks.glyph(forMask: 0b10) == "▄")
    }

    @Test func asciiDensityRampRisesWithLevel() {
        #expect(GlyphMode.asciiDensityGlyph(level: 0) == " ")
        #expect(GlyphMode.asciiDensityGlyph(level: 0.001) == ".")
        #expect(GlyphMode.asciiDensityGlyph(level: 1) == "@")
        let glyphs = stride(from: Float(0.01), through: 1, by: 0.01).map { GlyphMode.asciiDensityGlyph(level: $0) }
        let ranks = glyphs.map { GlyphMode.asciiDensityRamp.firstIndex(of: $0)! }
        #expect(ranks == ranks.sorted())
    }
}
