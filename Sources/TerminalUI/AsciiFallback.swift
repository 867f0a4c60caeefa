/// A one-column ASCII stand-in for a non-ASCII character, for terminals whose locale is not
/// UTF-8 (the app chooses ASCII glyphs there; this catches anything that slips through).
///
/// ```swift
/// AsciiFallback.character(for: "─")   // "-"
/// AsciiFallback.character(for: "⣿")   // "#"
/// ```
public enum AsciiFallback {
    public static func character(for character: Character) -> Character {
        if character.isASCII { return character }
        guard let scalar = character.unicodeScalars.first else { return "?" }
        // A letter with combining marks (x̂, ε̂) falls back to its base letter.
        if scalar.isASCII { return Character(scalar) }
        if let mapped = table[Character(scalar)] { return mapped }
        let v = scalar.value
        switch v {
        case 0x2800...0x28FF:
            let dots = (v - 0x2800).nonzeroBitCount
            return dots == 0 ? " " : dots <= 2 ? "." : dots <= 5 ? ":" : "#"
        case 0x2500...0x257F:
            return boxDrawing(v)
        case 0x2591: return "."
        case 0x2592: return ":"
        case 0x2580...0x259F, 0x1FB00...0x1FB3B, 0x1CD00...0x1CDE5: return "#"
        case 0x25A0...0x25FF: return "o"
        default: break
        }
        return "?"
    }

    static func boxDrawing(_ v: UInt32) -> Character {
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    static let table: [Character: Character] = [
        "•": "*", "·": ".", "…": ".", "°": "o", "×": "x", "÷": "/", "±": "+", "−": "-", "–": "-", "—": "-",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "↔": "-", "▶": ">", "◀": "<", "▲": "^", "▼": "v", "⏸": "=", "●": "o", "○": "o", "◆": "*",
        "α": "a", "ᾱ": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "η": "n", "θ": "t", "λ": "l", "μ": "u", "σ": "s", "τ": "t", "ω": "w",
        "≈": "~", "≤": "<", "≥": ">", "≠": "!", "√": "V", "∞": "8", "✓": "v", "✗": "x",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "⁰": "0", "¹": "1", "²": "2", "³": "3", "ᵢ": "i", "ₜ": "t",
    ]
}
