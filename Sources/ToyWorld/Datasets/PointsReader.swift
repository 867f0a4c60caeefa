/// The streaming parser behind ``PointsFile``: bytes in, chunk by chunk, points out.
///
/// It works on bytes, not `Character`s, and reads plain decimal numbers without building strings,
/// which is what makes loading millions of rows fast; every other spelling falls back to `Double(_:)`,
/// so the values are exactly those `Double(text)` rounded to `Float` gives.
struct PointsReader {
    let name: String
    private var values: [Float] = []
    private var pending: [UInt8] = []
    private var lineNumber = 0
    private var delimiter: Delimiter?
    private var columns: (x: Int, y: Int, count: Int?) = (0, 1, 2)
    private var sawData = false
    private var atStart = true
    private var fields: [Range<Int>] = []

    /// How the fields of a line are separated (decided once per file).
    enum Delimiter {
        case byte(UInt8)
        case spaces

        /// With tabs or semicolons between fields, a comma inside a number is a decimal comma.
        var allowsDecimalComma: Bool {
            if case .byte(let byte) = self { return byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ";") }
            return false
        }
    }

    init(name: String) {
        self.name = name
    }

    /// Parses every complete line in `pending + chunk`, keeping a trailing partial line for later.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) throws(PointsFileError) {
        pending.append(contentsOf: chunk)
        try parsePending(final: false)
    }

    /// Parses the last line and returns the points.
    mutating func finish() throws(PointsFileError) -> SampleBatch {
        try parsePending(final: true)
        let rows = values.count / 2
        if rows == 0 { throw .empty(file: name) }
        if rows == 1 { throw .singleRow(file: name) }
        return SampleBatch(count: rows, dimension: 2, values: values)
    }

    private mutating func parsePending(final: Bool) throws(PointsFileError) {
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        defer { swap(&buffer, &pending) }
        if atStart {
            guard buffer.count >= 3 || final else { return }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }   // byte-order mark
            atStart = false
        }
        var consumed = 0
        try buffer.withUnsafeBufferPointer { (bytes) throws(PointsFileError) in
            var start = 0
            var index = 0
            let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
            while index < bytes.count {
                let byte = bytes[index]
                if byte == newline || byte == carriageReturn {
                    if byte == carriageReturn && index + 1 == bytes.count && !final { break }   // \r\n split across chunks
                    try parseLine(bytes, start..<index)
                    if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline { index += 1 }
                    index += 1
                    start = index
                } else {
                    index += 1
                }
            }
            if final && start < bytes.count {
                try parseLine(bytes, start..<bytes.count)
                start = bytes.count
            }
            consumed = start
        }
        buffer.removeFirst(consumed)
    }

    private mutating func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(PointsFileError) {
        lineNumber += 1
        var end = line.lowerBound
        while end < line.upperBound && bytes[end] != UInt8(ascii: "#") { end += 1 }
        let content = line.lowerBound..<end
        let delimiter = self.delimiter ?? Self.delimiter(of: bytes, content)
        splitFields(bytes, content, delimiter)
        if fields.isEmpty || (fields.count == 1 && fields[0].isEmpty) { return }
        self.delimiter = delimiter
        if !sawData && values.isEmpty, let names = header(bytes) {
            if let x = names.firstIndex(of: "x"), let y = names.firstIndex(of: "y") {
                columns = (x, y, nil)
            } else if fields.count != 2 {
                throw .headerWithoutXY(file: name, line: lineNumber, columns: fields.count)
            }
            sawData = true   // only one header
            return
        }
        sawData = true
        if let expected = columns.count, fields.count != expected {
            if fields.count < expected {
                throw .missingValue(file: name, line: lineNumber, column: fields.count + 1)
            }
            throw .wrongColumnCount(file: name, line: lineNumber, found: fields.count, expected: expected)
        }
        try appendValue(bytes, column: columns.x, delimiter: delimiter)
        try appendValue(bytes, column: columns.y, delimiter: delimiter)
    }

    /// Appends the number in field `column` of the current line.
    private mutating func appendValue(
        _ bytes: UnsafeBufferPointer<UInt8>, column: Int, delimiter: Delimiter
    ) throws(PointsFileError) {
        guard column < fields.count, !fields[column].isEmpty else {
            throw .missingValue(file: name, line: lineNumber, column: column + 1)
        }
        let field = UnsafeBufferPointer(rebasing: bytes[fields[column]])
        guard let value = DecimalField.parse(field, decimalComma: delimiter.allowsDecimalComma) else {
            throw .notNumeric(file: name, line: lineNumber, column: column + 1, text: String(decoding: field, as: UTF8.self))
        }
        let single = Float(value)
        guard value.isFinite, single.isFinite else {
            throw .notFinite(file: name, line: lineNumber, column: column + 1, text: String(decoding: field, as: UTF8.self))
        }
        values.append(single)
    }

    /// Tabs, else semicolons, else commas, else runs of spaces.
    private static func delimiter(of bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Delimiter {
        for candidate in [UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: ",")]
        where bytes[line].contains(candidate) {
            return .byte(candidate)
        }
        return .spaces
    }

    /// Fills `fields` with the ranges of the line's fields, trimmed of spaces and tabs.
    private mutating func splitFields(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ delimiter: Delimiter) {
        fields.removeAll(keepingCapacity: true)
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        switch delimiter {
        case .byte(let separator):
            var start = line.lowerBound
            var index = line.lowerBound
            while true {
                if index == line.upperBound || bytes[index] == separator {
                    var low = start, high = index
                    while low < high && (bytes[low] == space || bytes[low] == tab) { low += 1 }
                    while high > low && (bytes[high - 1] == space || bytes[high - 1] == tab) { high -= 1 }
                    fields.append(low..<high)
                    if index == line.upperBound { return }
                    start = index + 1
                }
                index += 1
            }
        case .spaces:
            var index = line.lowerBound
            while index < line.upperBound {
                while index < line.upperBound && bytes[index] == space { index += 1 }
                let start = index
                while index < line.upperBound && bytes[index] != space { index += 1 }
                if start < index { fields.append(start..<index) }
            }
        }
    }

    /// The lowercased field names when the line is a header (no field is a number or a NaN/infinity name).
    private func header(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        let decimalComma = delimiter?.allowsDecimalComma ?? false
        var names: [String] = []
        for range in fields {
            let field = UnsafeBufferPointer(rebasing: bytes[range])
            let text = String(decoding: field, as: UTF8.self)
            if !range.isEmpty {
                if DecimalField.parse(field, decimalComma: decimalComma) != nil { return nil }
                if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(text.lowercased()) { return nil }
            }
            names.append(text.lowercased())
        }
        return names
    }
}
