import Foundation
import Testing
@testable import ToyWorld

/// The byte-level reader behind PointsFile: chunk boundaries, delimiters, decimal commas, exact values.
struct PointsReaderTests {
    /// Feeds `text` in pieces of `size` bytes, as a pipe would.
    func parseInChunks(_ text: String, size: Int) throws(PointsFileError) -> SampleBatch {
        var reader = PointsReader(name: "f")
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let piece = Array(bytes[start..<min(bytes.count, start + size)])
            try piece.withUnsafeBufferPointer { (buffer) throws(PointsFileError) in try reader.consume(buffer) }
            start += size
        }
        return try reader.finish()
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesDoNotChangeTheResult(size: Int) throws {
        let text = "\u{FEFF}step;x;y\r\n0;0,5;1\r\n# note\r1;-3,25e1;4\n\n2;1e-3;.5"
        let whole = try PointsFile.parse(text, name: "f")
        #expect(whole.values == [0.5, 1, -32.5, 4, 0.001, 0.5])
        #expect(try parseInChunks(text, size: size).values == whole.values)
    }

    @Test(arguments: [1, 5])
    func errorsKeepTheirLineNumbersAcrossChunks(size: Int) {
        #expect(throws: PointsFileError.notNumeric(file: "f", line: 4, column: 1, text: "oops")) {
            try parseInChunks("1,2\r\n3,4\r\n\r\noops,5\n", size: size)
        }
    }

    @Test func oneDelimiterPerFile() throws {
        #expect(try PointsFile.parse("x;y\n0,1;0,2\n0,3;0,4\n", name: "f").values == [0.1, 0.2, 0.3, 0.4])
        #expect(try PointsFile.parse("0,1\t2\n3\t4,5\n", name: "f").values == [0.1, 2, 3, 4.5])
        #expect(throws: PointsFileError.notNumeric(file: "f", line: 2, column: 2, text: "1;0")) {
            try PointsFile.parse("x,y\n0,1;0,2\n", name: "f")
        }
        #expect(throws: PointsFileError.wrongColumnCount(file: "f", line: 1, found: 4, expected: 2)) {
            try PointsFile.parse("0,1,0,2\n0,3,0,4\n", name: "f")
        }
    }

    @Test func valuesAreExactlyThoseOfDoubleThenFloat() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1.", ".5", "+2.5", "1e22", "1e-22", "9007199254740993", "123456789012345678901",
                     "4.9e-324", "1.7976931348623157e308", "0.1e1", "0x1p3", "1e", "e1", "--1", "1.2.3", "١", ""]
        for _ in 0..<2000 {
            let mantissa = Double.random(in: -1e6...1e6, using: &generator)
            let exponent = Int.random(in: -30...30, using: &generator)
            texts.append("\(mantissa)e\(exponent)")
            texts.append(String(format: "%.9f", Double.random(in: -100...100, using: &generator)))
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { DecimalField.parse($0, decimalComma: false) }
            #expect(fast?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func readsFromAPipe() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        let writer = Thread {
            let text = Array("x,y\n1,2\n3,4\n".utf8)
            _ = text.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        let points = try PointsFile.load(path: "/dev/fd/\(readEnd)")
        #expect(points.values == [1, 2, 3, 4])
    }

    @Test func unreadableFilesSayWhy() {
        #expect(throws: PointsFileError.unreadable(file: "/nonexistent/p.csv", reason: "no such file")) {
            try PointsFile.load(path: "/nonexistent/p.csv")
        }
        #expect(throws: PointsFileError.unreadable(file: "/tmp", reason: "it is a directory")) {
            try PointsFile.load(path: "/tmp")
        }
    }
}
