import Foundation

/// String literals for JSON written by hand (scheduler configs, tables, recordings), where the
/// layout matters and `JSONEncoder`'s does not fit.
///
/// ```swift
/// JSONStringLiteral.quoted("a \"b\"\n")              // "\"a \\\"b\\\"\\n\""
/// JSONStringLiteral.quoted("σ", asciiOnly: true)      // "\"\\u03c3\"", as Python's json.dumps writes it
/// ```
public enum JSONStringLiteral {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped; with
    /// `asciiOnly`, every non-ASCII character too, as UTF-16 `\u` escapes.
    public static func quoted(_ text: String, asciiOnly: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (asciiOnly && scalar.value > 0x7F) {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
