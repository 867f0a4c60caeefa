import Foundation

/// Reads user points from CSV or TSV text.
///
/// - One point per line, `x,y`; fields may be separated by commas, tabs, semicolons or spaces.
/// - An optional header line (any non-numeric first line). If the header names columns `x` and
///   `y`, those columns are used (so `step,x,y` output of `sample --every` reads back); otherwise
///   every data line must have exactly two fields.
/// - Blank lines and everything after `#` are ignored.
/// - At least two points are required.
///
/// ```swift
/// let points = try PointsFile.parse("x,y\n0.5,1\n# a comment\n-1,2\n", name: "mine.csv")
/// let unit = points.standardized()     // zero mean, unit variance per axis
/// ```
public enum PointsFile {
    /// The points in `text`; errors name `name`, the line and the column.
    public static func parse(_ text: String, name: String) throws(PointsFileError) -> SampleBatch {
        var values: [Float] = []
        var columns: (x: Int, y: Int, count: Int?) = (0, 1, 2)
        var sawData = false
        var lineNumber = 0
        let body = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)   // byte-order mark
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = rawLine.prefix { $0 != "#" }
            let fields = splitFields(content)
            if fields.isEmpty || (fields.count == 1 && fields[0].isEmpty) { continue }
            if !sawData && values.isEmpty && isHeader(fields) {
                let names = fields.map { $0.lowercased() }
                if let x = names.firstIndex(of: "x"), let y = names.firstIndex(of: "y") {
                    columns = (x, y, nil)
                } else if fields.count != 2 {
                    throw .headerWithoutXY(file: name, line: lineNumber, columns: fields.count)
                }
                sawData = true   // only one header
                continue
            }
            sawData = true
            if let expected = columns.count, fields.count != expected {
                if fields.count < expected {
                    throw .missingValue(file: name, line: lineNumber, column: fields.count + 1)
                }
                throw .wrongColumnCount(file: name, line: lineNumber, found: fields.count, expected: expected)
            }
            for column in [columns.x, columns.y] {
                guard column < fields.count else {
                    throw .missingValue(file: name, line: lineNumber, column: column + 1)
                }
                let field = fields[column]
                guard !field.isEmpty else { throw .missingValue(file: name, line: lineNumber, column: column + 1) }
                guard let value = Double(field) else {
                    throw .notNumeric(file: name, line: lineNumber, column: column + 1, text: field)
                }
                let single = Float(value)
                guard value.isFinite, single.isFinite else {
                    throw .notFinite(file: name, line: lineNumber, column: column + 1, text: field)
                }
                values.append(single)
            }
        }
        let rows = values.count / 2
        if rows == 0 { throw .empty(file: name) }
        if rows == 1 { throw .singleRow(file: name) }
        return SampleBatch(count: rows, dimension: 2, values: values)
    }

    /// Reads and parses the file at `url`.
    public static func load(_ url: URL) throws(PointsFileError) -> SampleBatch {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try parse(text, name: url.path)
    }

    /// Splits on commas, tabs or semicolons if any is present, otherwise on runs of spaces.
    static func splitFields(_ line: Substring) -> [String] {
        let separators: Set<Character> = [",", "\t", ";"]
        if line.contains(where: { separators.contains($0) }) {
            return line.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return line.split(whereSeparator: { $0 == " " || $0 == "\r" }).map(String.init)
    }

    /// A header is a line none of whose non-empty fields parses as a number.
    static func isHeader(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.isEmpty || (Double($0) == nil && !["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains($0.lowercased())) }
    }
}

extension SampleBatch {
    /// The batch shifted to zero mean and scaled to unit variance in each column (a column with
    /// zero variance is only shifted).
    ///
    /// ```swift
    /// let unit = try PointsFile.parse(text, name: "f.csv").standardized()
    /// ```
    public func standardized() -> SampleBatch {
        guard count > 0, dimension > 0 else { return self }
        var result = self
        for column in 0..<dimension {
            var mean = 0.0
            for row in 0..<count { mean += Double(self[row, column]) }
            mean /= Double(count)
            var variance = 0.0
            for row in 0..<count {
                let d = Double(self[row, column]) - mean
                variance += d * d
            }
            variance /= Double(count)
            let scale = variance > 0 ? 1 / variance.squareRoot() : 1
            for row in 0..<count {
                result[row, column] = Float((Double(self[row, column]) - mean) * scale)
            }
        }
        return result
    }
}

/// Why a points file could not be read. Lines and columns count from 1.
public enum PointsFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case singleRow(file: String)
    case notNumeric(file: String, line: Int, column: Int, text: String)
    case notFinite(file: String, line: Int, column: Int, text: String)
    case missingValue(file: String, line: Int, column: Int)
    case wrongColumnCount(file: String, line: Int, found: Int, expected: Int)
    case headerWithoutXY(file: String, line: Int, columns: Int)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason))"
        case .empty(let file):
            return "\(file): no points found (expected lines of x,y values)"
        case .singleRow(let file):
            return "\(file): only one point found; at least 2 are needed"
        case .notNumeric(let file, let line, let column, let text):
            return "\(file):\(line): column \(column): '\(text)' is not a number (expected x,y values)"
        case .notFinite(let file, let line, let column, let text):
            return "\(file):\(line): column \(column): '\(text)' is not a finite number (NaN and infinity are not allowed)"
        case .missingValue(let file, let line, let column):
            return "\(file):\(line): column \(column): value is missing (expected x,y values)"
        case .wrongColumnCount(let file, let line, let found, let expected):
            return "\(file):\(line): found \(found) columns, expected \(expected) (x,y)"
        case .headerWithoutXY(let file, let line, let columns):
            return "\(file):\(line): the header has \(columns) columns but none named x and y"
        }
    }

    public var errorDescription: String? { description }
}
