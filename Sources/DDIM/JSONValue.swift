import Foundation

/// A parsed JSON value that keeps every number as the text it was written as, so a value read
/// from a file is written back exactly (`1000` stays `1000`, `0.00085` stays `0.00085`, a Python
/// double in `trained_betas` keeps all 17 digits, `-Infinity` stays `-Infinity`).
///
/// ```swift
/// let value = try JSONReader.parse(Data(#"{"lambda_min_clipped": -Infinity}"#.utf8))
/// value.pythonText()   // "{\n  \"lambda_min_clipped\": -Infinity\n}"
/// ```
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written: JSON's grammar, or `NaN`, `Infinity`, `-Infinity` as Python's `json` writes them.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The number's value as a double (nil for anything but a number).
    var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }

    /// What kind of value this is, for error messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .number(let text): return "the number \(text)"
        case .string(let value): return "the string \(JSONStringLiteral.quoted(value))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue: Codable {
    /// Decodes through another decoder (numbers pass through `Double`, so only their value is kept).
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(JSONValue.numberText(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number: try container.encode(doubleValue ?? .nan)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A double as Python's `repr` writes it (shortest round-trip digits; `NaN`, `Infinity`, `-Infinity`).
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        return "\(value)"
    }
}
