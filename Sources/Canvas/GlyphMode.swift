/// How a point cloud is drawn: which characters, and how many sub-cell "pixels" each cell holds.
///
/// | mode | sub-cells | characters |
/// |---|---|---|
/// | braille | 2x4 | U+2800 braille patterns |
/// | octants | 2x4 | Unicode 16 block octants (U+1CD00) and block elements |
/// | sextants | 2x3 | Unicode 13 block sextants (U+1FB00) |
/// | quadrants | 2x2 | quadrant block elements |
/// | half | 1x2 | upper/lower half blocks, two colours per cell |
/// | ascii | 1x1 | ` .:-=+*#%@` by density |
///
/// A sub-cell mask numbers sub-cells row by row from the top left: bit `row * columns + column`.
///
/// ```swift
/// GlyphMode.braille.glyph(forMask: 0b0000_0001)   // "⠁"
/// GlyphMode.quadrants.glyph(forMask: 0b1111)      // "█"
/// ```
public enum GlyphMode: String, CaseIterable, Sendable {
    case braille, octants, sextants, quadrants
    case halfBlocks = "half"
    case ascii

    /// Sub-cells across one cell.
    public var subcellColumns: Int {
        switch self {
        case .braille, .octants, .sextants, .quadrants: return 2
        case .halfBlocks, .ascii: return 1
        }
    }

    /// Sub-cells down one cell.
    public var subcellRows: Int {
        switch self {
        case .braille, .octants: return 4
        case .sextants: return 3
        case .quadrants, .halfBlocks: return 2
        case .ascii: return 1
        }
    }

    /// Whether the mode's characters lie outside ASCII.
    public var needsUnicode: Bool { self != .ascii }

    /// The character showing exactly the sub-cells set in `mask` (bits beyond the mode's
    /// sub-cells are ignored). ASCII mode shows `*` for a lit cell; its density glyphs come
    /// from ``asciiDensityGlyph(level:)``.
    public func glyph(forMask mask: Int) -> Character {
        GlyphTables.table(for: self)[mask & (1 << (subcellColumns * subcellRows) - 1)]
    }

    /// The ASCII density ramp, from empty to densest.
    public static let asciiDensityRamp: [Character] = Array(" .:-=+*#%@")

    /// The ASCII glyph for a density `level` in 0...1: 0 is a space, anything above 0 at least `.`.
    public static func asciiDensityGlyph(level: Float) -> Character {
        guard level > 0 else { return " " }
        let last = asciiDensityRamp.count - 1
        return asciiDensityRamp[min(last, 1 + Int(level * Float(last - 1) + 0.5))]
    }
}
