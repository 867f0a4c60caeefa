/// Mask-to-character tables for every glyph mode, built once from the Unicode code charts.
enum GlyphTables {
    static func table(for mode: GlyphMode) -> [Character] {
        switch mode {
        case .braille: return braille
        case .octants: return octants
        case .sextants: return sextants
        case .quadrants: return quadrants
        case .halfBlocks: return halfBlocks
        case .ascii: return [" ", "*"]
        }
    }

    static func character(_ value: UInt32) -> Character {
        Character(Unicode.Scalar(value) ?? " ")
    }

    /// Braille: dots 1-2-3-7 run down the left column and 4-5-6-8 down the right; dot n is bit n-1
    /// of the offset from U+2800.
    static let braille: [Character] = (0..<256).map { mask in
        let dotBit: [UInt32] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]   // sub-cell bit -> dot bit
        var offset: UInt32 = 0
        for bit in 0..<8 where mask & (1 << bit) != 0 { offset |= dotBit[bit] }
        return character(0x2800 + offset)
    }

    /// Octant patterns that Unicode 16 did not encode in U+1CD00...U+1CDE5 because an older
    /// character already shows them (mask bit n-1 = octant n, numbered row by row).
    static let octantsElsewhere: [Int: UInt32] = [
        0b0000_0000: 0x0020, 0b1111_1111: 0x2588,                       // space, full block
        0b0000_0001: 0x1CEA8, 0b0000_0010: 0x1CEAB, 0b0100_0000: 0x1CEA3, 0b1000_0000: 0x1CEA0,   // one octant
        0b0000_0011: 0x1FB82, 0b1100_0000: 0x2582,                      // upper / lower quarter
        0b0011_1111: 0x1FB85, 0b1111_1100: 0x2586,                      // upper / lower three quarters
        0b0001_0100: 0x1FBE6, 0b0010_1000: 0x1FBE7,                     // middle left / right quarter
        0b0000_1111: 0x2580, 0b1111_0000: 0x2584, 0b0101_0101: 0x258C, 0b1010_1010: 0x2590,   // halves
        0b0000_0101: 0x2598, 0b0000_1010: 0x259D, 0b0101_0000: 0x2596, 0b1010_0000: 0x2597,   // quadrants
        0b0101_1010: 0x259E, 0b1010_0101: 0x259A,
        0b0101_1111: 0x259B, 0b1010_1111: 0x259C, 0b1111_0101: 0x2599, 0b1111_1010: 0x259F,
    ]

    /// Octants: every other pattern in increasing mask order from U+1CD00.
    static let octants: [Character] = {
        var next: UInt32 = 0x1CD00
        return (0..<256).map { mask in
            if let elsewhere = octantsElsewhere[mask] { return character(elsewhere) }
            defer { next += 1 }
            return character(next)
        }
    }()

    /// Sextants: U+1FB00... in increasing mask order, skipping empty, left half, right half and full,
    /// which are space, U+258C, U+2590 and U+2588.
    static let sextants: [Character] = {
        let elsewhere: [Int: UInt32] = [0: 0x20, 0b01_0101: 0x258C, 0b10_1010: 0x2590, 0b11_1111: 0x2588]
        var next: UInt32 = 0x1FB00
        return (0..<64).map { mask in
            if let other = elsewhere[mask] { return character(other) }
            defer { next += 1 }
            return character(next)
        }
    }()

    /// Quadrants: bit 0 upper left, 1 upper right, 2 lower left, 3 lower right.
    static let quadrants: [Character] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

    /// Half blocks: bit 0 upper, bit 1 lower.
    static let halfBlocks: [Character] = [" ", "▀", "▄", "█"]
}
