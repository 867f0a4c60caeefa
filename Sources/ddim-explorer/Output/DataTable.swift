import DDIM
import Foundation

/// One value of a ``DataTable`` cell.
enum DataValue: Equatable, Sendable {
    case integer(Int)
    case number(Double)
    case text(String)
    case missing

    /// A 32-bit float, printed with its shortest round-trip form (so `Float(text)` gives it back exactly).
    static func float(_ value: Float) -> DataValue { .number(Double(value)) }
}

/// Rows of values under named columns, written as CSV (header line first) or JSON in the layout
/// `{"columns": [...], "data": [[...], ...]}` (pandas' `orient="split"`).
///
/// Formatting is deterministic: floats print in Swift's shortest round-trip form, never with the
/// locale, so equal tables always give byte-identical text.
///
/// ```swift
/// let table = DataTable(columns: ["x", "y"], rows: [[.float(0.5), .float(-1)]])
/// table.csv()   // "x,y\n0.5,-1.0\n"
/// ```
struct DataTable: Sendable {
    var columns: [String]
    var rows: [[DataValue]]

    /// The CSV text: a header line, then one line per row.
    func csv() -> String {
        var text = columns.map(Self.csvField).joined(separator: ",") + "\n"
        for row in rows {
            text += row.map(Self.csvText).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// The JSON text (one document, newline at the end); non-finite numbers become `null`.
    func json(extra: [(key: String, value: String)] = []) -> String {
        var text = "{\n"
        for (key, value) in extra {
            text += "  \(JSONText.string(key)): \(value),\n"
        }
        text += "  \"columns\": [" + columns.map(JSONText.string).joined(separator: ", ") + "],\n"
        text += "  \"data\": ["
        for (index, row) in rows.enumerated() {
            text += index == 0 ? "\n    [" : ",\n    ["
            text += row.map(Self.jsonText).joined(separator: ", ")
            text += "]"
        }
        text += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return text
    }

    /// The text of `format`.
    func text(_ format: OutputFormat) -> String {
        switch format {
        case .csv: return csv()
        case .json: return json()
        }
    }

    private static func csvText(_ value: DataValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .number(let number): return NumberText.shortest(number)
        case .text(let string): return csvField(string)
        case .missing: return ""
        }
    }

    private static func jsonText(_ value: DataValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? NumberText.shortest(number) : "null"
        case .text(let string): return JSONText.string(string)
        case .missing: return "null"
        }
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Deterministic number text.
enum NumberText {
    /// The shortest text that reads back as the same value: a `Double` that holds a `Float` exactly
    /// prints as that Float (`0.1` rather than `0.10000000149011612`).
    static func shortest(_ value: Double) -> String {
        let single = Float(value)
        if Double(single) == value || !value.isFinite {
            return single.description
        }
        return value.description
    }

    /// `value` with a fixed number of decimals, for human-readable tables.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        return String(format: "%.\(decimals)f", value)
    }

    /// `value` with `digits` significant digits in scientific notation (`1.23e-04`).
    static func scientific(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        return String(format: "%.\(max(0, digits - 1))e", value)
    }
}

/// JSON text fragments.
enum JSONText {
    /// A JSON string literal with the required escapes.
    static func string(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }

    /// A JSON array of strings.
    static func strings(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }
}
