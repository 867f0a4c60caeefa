/// A 3x5 pixel font for frame labels: digits, capital letters and the punctuation step labels use.
///
/// Each glyph is five rows of three bits, the leftmost pixel in the highest bit.
///
/// ```swift
/// PixelFont.glyph(for: "7")   // [0b111, 0b001, 0b010, 0b010, 0b010]
/// PixelFont.width(of: "T=981", scale: 2)   // 5 glyphs of 4 pixels, doubled: 40
/// ```
public enum PixelFont {
    /// Pixels per glyph, across.
    public static let glyphWidth = 3
    /// Pixels per glyph, down.
    public static let glyphHeight = 5
    /// Pixels from one glyph's left edge to the next one's (one blank column between glyphs).
    public static let advance = 4

    /// The rows of `character` (lower-case letters as capitals); a blank glyph when the font lacks it.
    public static func glyph(for character: Character) -> [UInt8] {
        let key = Character(character.uppercased())
        return glyphs[key] ?? [0, 0, 0, 0, 0]
    }

    /// Whether the font draws `character` (space counts).
    public static func draws(_ character: Character) -> Bool {
        glyphs[Character(character.uppercased())] != nil
    }

    /// The width in pixels of `text` drawn at `scale`.
    public static func width(of text: String, scale: Int) -> Int {
        text.count * advance * max(1, scale)
    }

    static let glyphs: [Character: [UInt8]] = [
        " ": [0b000, 0b000, 0b000, 0b000, 0b000],
        "0": [0b111, 0b101, 0b101, 0b101, 0b111], "1": [0b010, 0b110, 0b010, 0b010, 0b111],
        "2": [0b111, 0b001, 0b111, 0b100, 0b111], "3": [0b111, 0b001, 0b011, 0b001, 0b111],
        "4": [0b101, 0b101, 0b111, 0b001, 0b001], "5": [0b111, 0b100, 0b111, 0b001, 0b111],
        "6": [0b111, 0b100, 0b111, 0b101, 0b111], "7": [0b111, 0b001, 0b010, 0b010, 0b010],
        "8": [0b111, 0b101, 0b111, 0b101, 0b111], "9": [0b111, 0b101, 0b111, 0b001, 0b111],
        "A": [0b010, 0b101, 0b111, 0b101, 0b101], "B": [0b110, 0b101, 0b110, 0b101, 0b110],
        "C": [0b011, 0b100, 0b100, 0b100, 0b011], "D": [0b110, 0b101, 0b101, 0b101, 0b110],
        "E": [0b111, 0b100, 0b110, 0b100, 0b111], "F": [0b111, 0b100, 0b110, 0b100, 0b100],
        "G": [0b011, 0b100, 0b101, 0b101, 0b011], "H": [0b101, 0b101, 0b111, 0b101, 0b101],
        "I": [0b111, 0b010, 0b010, 0b010, 0b111], "J": [0b001, 0b001, 0b001, 0b101, 0b010],
        "K": [0b101, 0b101, 0b110, 0b101, 0b101], "L": [0b100, 0b100, 0b100, 0b100, 0b111],
        "M": [0b101, 0b111, 0b111, 0b101, 0b101], "N": [0b110, 0b101, 0b101, 0b101, 0b101],
        "O": [0b010, 0b101, 0b101, 0b101, 0b010], "P": [0b110, 0b101, 0b110, 0b100, 0b100],
        "Q": [0b010, 0b101, 0b101, 0b110, 0b011], "R": [0b110, 0b101, 0b110, 0b101, 0b101],
        "S": [0b011, 0b100, 0b010, 0b001, 0b110], "T": [0b111, 0b010, 0b010, 0b010, 0b010],
        "U": [0b101, 0b101, 0b101, 0b101, 0b111], "V": [0b101, 0b101, 0b101, 0b101, 0b010],
        "W": [0b101, 0b101, 0b111, 0b111, 0b101], "X": [0b101, 0b101, 0b010, 0b101, 0b101],
        "Y": [0b101, 0b101, 0b010, 0b010, 0b010], "Z": [0b111, 0b001, 0b010, 0b100, 0b111],
        ".": [0b000, 0b000, 0b000, 0b000, 0b010], ",": [0b000, 0b000, 0b000, 0b010, 0b100],
        ":": [0b000, 0b010, 0b000, 0b010, 0b000], "-": [0b000, 0b000, 0b111, 0b000, 0b000],
        "+": [0b000, 0b010, 0b111, 0b010, 0b000], "=": [0b000, 0b111, 0b000, 0b111, 0b000],
        "/": [0b001, 0b001, 0b010, 0b100, 0b100], "(": [0b010, 0b100, 0b100, 0b100, 0b010],
        ")": [0b010, 0b001, 0b001, 0b001, 0b010], "%": [0b101, 0b001, 0b010, 0b100, 0b101],
        "_": [0b000, 0b000, 0b000, 0b000, 0b111], "'": [0b010, 0b010, 0b000, 0b000, 0b000],
    ]
}
