import Foundation

/// Reads user points from CSV or TSV text.
///
/// - One point per line, `x,y`; fields are separated by tabs, semicolons, commas or spaces: the first
///   line that is not blank or a comment decides which, for the whole file.
/// - With tabs or semicolons between fields, a decimal comma is read as a decimal point
///   (`x;y` / `0,1;0,2` is the point (0.1, 0.2)); with commas between fields it cannot be, so such a
///   line is an error, never other numbers.
/// - An optional header line (any non-numeric first line). If the header names columns `x` and
///   `y`, those columns are used (so `step,x,y` output of `sample --every` reads back); otherwise
///   every data line must have exactly two fields.
/// - Blank lines and everything after `#` are ignored.
/// - At least two points are required.
///
/// Files are read in chunks (pipes, FIFOs and `/dev/stdin` too); memory beyond the points stays bounded.
///
/// ```swift
/// let points = try PointsFile.parse("x,y\n0.5,1\n# a comment\n-1,2\n", name: "mine.csv")
/// let unit = points.standardized()     // zero mean, unit variance per axis
/// let mine = try PointsFile.load(path: "mine.csv")
/// ```
public enum PointsFile {
    /// The points in `text`; errors name `name`, the line and the column.
    public static func parse(_ text: String, name: String) throws(PointsFileError) -> SampleBatch {
        var reader = PointsReader(name: name)
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(PointsFileError) in try reader.consume(bytes) }
        return try reader.finish()
    }

    /// Reads and parses the file at `path` in chunks (a regular file, a pipe, a FIFO or `/dev/stdin`).
    public static func load(path: String) throws(PointsFileError) -> SampleBatch {
        var reader = PointsReader(name: path)
        do {
            try InputFile.forEachChunk(path) { chunk in try reader.consume(chunk) }
        } catch let error as PointsFileError {
            throw error
        } catch let error as FileReadError {
            throw .unreadable(file: path, reason: error.reason)
        } catch {
            throw .unreadable(file: path, reason: "\(error)")
        }
        return try reader.finish()
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
