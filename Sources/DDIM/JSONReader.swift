import Foundation

/// Reads JSON as diffusers and Python's `json` write it: strict JSON plus the `NaN`, `Infinity`
/// and `-Infinity` that Python writes for non-finite floats (diffusers' DPMSolverMultistep configs
/// hold `"lambda_min_clipped": -Infinity`).
///
/// Errors give the line, the column, the key whose value was being read and the token found.
/// Non-UTF-8 input is refused with the offending byte's position, and arrays or objects nested
/// deeper than ``maximumDepth`` are refused before they are read (no real config nests beyond 2).
///
/// ```swift
/// try JSONReader.parse(Data(#"{"beta_end": 0.012,}"#.utf8))
/// // throws: line 1, column 20: expected a key in quotes, found '}' (after "beta_end")
/// ```
struct JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    /// The keys and indices leading to the value being read, for error messages.
    private var path: [PathComponent] = []

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses `data` as one JSON value (a UTF-8 byte-order mark is skipped).
    static func parse(_ data: Data) throws(DDIMError) -> JSONValue {
        let bytes = [UInt8](data)
        try checkUTF8(bytes)
        var reader = JSONReader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        guard reader.index < bytes.count else {
            throw reader.error("the data is empty; expected a JSON object such as {\"num_train_timesteps\": 1000}")
        }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else {
            throw reader.error("expected the end of the file after the top-level value, found \(reader.token())")
        }
        return value
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(DDIMError) -> JSONValue {
        guard let byte = peek() else { throw error("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .number("NaN"))
        case UInt8(ascii: "I"): return try literal("Infinity", .number("Infinity"))
        case UInt8(ascii: "-") where peek(at: index + 1) == UInt8(ascii: "I"):
            return try literal("-Infinity", .number("-Infinity"))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("expected a value, found \(token())")
        }
    }

    private mutating func object(depth: Int) throws(DDIMError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in quotes, found \(token())") }
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\", found \(token())") }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            members[key] = try value(depth: depth)
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error("expected ',' or '}' after the value of \"\(key)\", found \(token())")
            }
        }
    }

    private mutating func array(depth: Int) throws(DDIMError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            path.append(.index(items.count))
            items.append(try value(depth: depth))
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw error("expected ',' or ']' after item \(items.count - 1) of the array, found \(token())")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(DDIMError) {
        guard depth <= Self.maximumDepth else {
            throw error("arrays and objects nest deeper than \(Self.maximumDepth) levels; allowed: at most \(Self.maximumDepth)")
        }
    }

    private mutating func literal(_ word: String, _ result: JSONValue) throws(DDIMError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8,
              !isWordByte(peek(at: index + utf8.count)) else {
            throw error("expected a value, found \(token())")
        }
        index += utf8.count
        return result
    }

    /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(DDIMError) -> JSONValue {
        let start = index
        func digits() -> Int {
            let first = index
            while let byte = peek(), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid && peek() == UInt8(ascii: ".") {
            index += 1
            valid = digits() > 0
        }
        if valid, let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            valid = digits() > 0
        }
        guard valid, !isWordByte(peek()) else {
            index = start
            throw error("expected a number, found \(token())")
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func string() throws(DDIMError) -> String {
        index += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("the string is not closed: expected '\"', found the end of the file") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw error(String(format: "control character U+%04X inside a string; write it as an escape such as \\n or \\u%04x", byte, byte))
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(DDIMError) {
        guard let kind = peek(at: index + 1) else { throw error("the string is not closed: found the end of the file") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[kind] {
            utf8.append(replacement)
            index += 2
            return
        }
        guard kind == UInt8(ascii: "u") else { throw error("unknown escape \(token(length: 2)) in a string") }
        let first = try hexUnit(at: index + 2)
        var scalarValue = UInt32(first)
        var length = 6
        if (0xD800..<0xDC00).contains(first) {
            guard peek(at: index + 6) == UInt8(ascii: "\\"), peek(at: index + 7) == UInt8(ascii: "u") else {
                throw error("\(token(length: 6)) is half of a UTF-16 surrogate pair without its other half")
            }
            let second = try hexUnit(at: index + 8)
            guard (0xDC00..<0xE000).contains(second) else {
                throw error("\(token(length: 6)) is half of a UTF-16 surrogate pair without its other half")
            }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            length = 12
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw error("\(token(length: 6)) is half of a UTF-16 surrogate pair without its other half")
        }
        utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        index += length
    }

    private func hexUnit(at position: Int) throws(DDIMError) -> UInt16 {
        guard position + 4 <= bytes.count,
              let unit = UInt16(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("\\u must be followed by 4 hexadecimal digits, found \(token(length: 6))")
        }
        return unit
    }

    // MARK: - Positions and messages

    private func peek(at position: Int? = nil) -> UInt8? {
        let position = position ?? index
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func isWordByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
                 || [UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: "}"),
                     UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\"")].contains(byte))
    }

    /// The token at the current position, quoted (at most 24 characters), or "the end of the file".
    private func token(length: Int? = nil) -> String {
        guard index < bytes.count else { return "the end of the file" }
        var end = index + 1
        if let length {
            end = min(bytes.count, index + length)
        } else if isWordByte(bytes[index]) {
            while end < bytes.count && isWordByte(bytes[end]) && end - index < 24 { end += 1 }
        }
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }   // finish a multi-byte character
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    private func error(_ problem: String) -> DDIMError {
        let (line, column) = Self.position(of: index, in: bytes)
        return .invalidJSON(line: line, column: column, key: pathText, problem: problem)
    }

    /// The path of the value being read, as `lambda_min_clipped` or `trained_betas[3]` (nil at the top level).
    private var pathText: String? {
        guard !path.isEmpty else { return nil }
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let position): text += "[\(position)]"
            }
        }
        return text
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Throws ``DDIMError/notUTF8(line:column:byte:)`` at the first byte that is not valid UTF-8.
    static func checkUTF8(_ bytes: [UInt8]) throws(DDIMError) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return
            case .error:
                let (line, column) = position(of: offset, in: bytes)
                throw .notUTF8(line: line, column: column, byte: bytes[offset])
            }
        }
    }
}
