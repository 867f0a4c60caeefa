import Testing
import ToyWorld

struct PointsFileTests {
    @Test func readsCommaTabSemicolonAndSpaceSeparatedRows() throws {
        let expected: [Float] = [1, 2, -3.5, 4e-1]
        #expect(try PointsFile.parse("1,2\n-3.5,0.4\n", name: "f").values == expected)
        #expect(try PointsFile.parse("1\t2\r\n-3.5\t0.4\r\n", name: "f").values == expected)
        #expect(try PointsFile.parse("1; 2\n-3.5 ;0.4", name: "f").values == expected)
        #expect(try PointsFile.parse("  1   2\n-3.5 0.4\n", name: "f").values == expected)
        #expect(try PointsFile.parse("\u{FEFF}1,2\n-3.5,0.4", name: "f").values == expected)   // byte-order mark
    }

    @Test func skipsHeaderCommentsAndBlankLines() throws {
        let text = "# my points\nx,y\n\n1,2   # first\n# middle\n3,4\n"
        let batch = try PointsFile.parse(text, name: "f")
        #expect(batch.count == 2 && batch.values == [1, 2, 3, 4])
    }

    @Test func picksXAndYColumnsByHeaderName() throws {
        let batch = try PointsFile.parse("step,x,y\n0,1,2\n0,3,4\n", name: "f")
        #expect(batch.values == [1, 2, 3, 4])
        let swapped = try PointsFile.parse("Y,X\n1,2\n3,4\n", name: "f")
        #expect(swapped.values == [2, 1, 4, 3])
    }

    @Test func errorsNameTheLineAndColumn() {
        #expect(throws: PointsFileError.notNumeric(file: "f.csv", line: 3, column: 2, text: "abc")) {
            try PointsFile.parse("x,y\n1,2\n3,abc\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.missingValue(file: "f.csv", line: 2, column: 1)) {
            try PointsFile.parse("1,2\n,4\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.missingValue(file: "f.csv", line: 2, column: 2)) {
            try PointsFile.parse("1,2\n3\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.notFinite(file: "f.csv", line: 1, column: 1, text: "nan")) {
            try PointsFile.parse("nan,2\n3,4\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.notFinite(file: "f.csv", line: 2, column: 2, text: "inf")) {
            try PointsFile.parse("1,2\n3,inf\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.notFinite(file: "f.csv", line: 2, column: 1, text: "1e40")) {
            try PointsFile.parse("1,2\n1e40,4\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.wrongColumnCount(file: "f.csv", line: 2, found: 3, expected: 2)) {
            try PointsFile.parse("1,2\n3,4,5\n", name: "f.csv")
        }
        #expect(throws: PointsFileError.headerWithoutXY(file: "f.csv", line: 1, columns: 3)) {
            try PointsFile.parse("a,b,c\n1,2,3\n", name: "f.csv")
        }
    }

    @Test func rejectsEmptyFilesAndSinglePoints() {
        #expect(throws: PointsFileError.empty(file: "e")) { try PointsFile.parse("", name: "e") }
        #expect(throws: PointsFileError.empty(file: "e")) { try PointsFile.parse("x,y\n# nothing\n\n", name: "e") }
        #expect(throws: PointsFileError.singleRow(file: "e")) { try PointsFile.parse("x,y\n1,2\n", name: "e") }
    }

    @Test func errorMessagesAreReadable() {
        let message = PointsFileError.notNumeric(file: "f.csv", line: 3, column: 2, text: "abc").description
        #expect(message == "f.csv:3: column 2: 'abc' is not a number (expected x,y values)")
    }

    @Test func standardizedHasZeroMeanAndUnitVariance() throws {
        let batch = try PointsFile.parse("1,10\n2,10\n3,10\n6,10\n", name: "f").standardized()
        let xs = (0..<4).map { batch[$0, 0] }, ys = (0..<4).map { batch[$0, 1] }
        let mean = xs.reduce(0, +) / 4
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        #expect(abs(mean) < 1e-6 && abs(variance - 1) < 1e-5)
        #expect(ys == [0, 0, 0, 0])   // constant column: only centred
    }
}
