extension JSONValue {
    /// The value as diffusers' `save_config` writes it (`json.dumps(indent=2, sort_keys=True)`):
    /// keys sorted, two spaces per level, one array item per line, non-ASCII characters escaped,
    /// numbers exactly as they were read.
    ///
    /// ```swift
    /// JSONValue.object(["b": .array([.number("1")]), "a": .null]).pythonText()
    /// // "{\n  \"a\": null,\n  \"b\": [\n    1\n  ]\n}"
    /// ```
    func pythonText(level: Int = 0) -> String {
        let inner = String(repeating: "  ", count: level + 1)
        let outer = String(repeating: "  ", count: level)
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return JSONStringLiteral.quoted(text, asciiOnly: true)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { inner + $0.pythonText(level: level + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + outer + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.keys.sorted(by: Self.pythonOrder).map { key in
                inner + JSONStringLiteral.quoted(key, asciiOnly: true) + ": " + (members[key] ?? .null).pythonText(level: level + 1)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + outer + "}"
        }
    }

    /// Python's `sort_keys` order: by code point.
    static func pythonOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
