import Testing
@testable import Learned

@Suite struct MatrixProductTests {
    /// Plain triple loop, the reference every layout is checked against.
    static func reference(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
        var c = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows { for j in 0..<columns { for k in 0..<inner { c[i * columns + j] += a[i * inner + k] * b[k * columns + j] } } }
        return c
    }

    static func transpose(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for i in 0..<rows { for j in 0..<columns { t[j * rows + i] = m[i * columns + j] } }
        return t
    }

    @Test(arguments: [(MatrixProduct.Layout.asStored, MatrixProduct.Layout.asStored), (.transposed, .asStored),
                      (.asStored, .transposed), (.transposed, .transposed)])
    func everyLayoutMatchesTheTripleLoop(layoutA: MatrixProduct.Layout, layoutB: MatrixProduct.Layout) {
        let (rows, inner, columns) = (5, 7, 3)
        let a = (0..<(rows * inner)).map { Float($0 % 11) - 5 }
        let b = (0..<(inner * columns)).map { Float($0 % 7) * 0.5 - 1 }
        let expected = Self.reference(a, b, rows: rows, inner: inner, columns: columns)
        let storedA = layoutA == .asStored ? a : Self.transpose(a, rows: rows, columns: inner)
        let storedB = layoutB == .asStored ? b : Self.transpose(b, rows: inner, columns: columns)
        var c = [Float](repeating: 99, count: rows * columns)
        MatrixProduct.multiply(storedA, layoutA, rows: rows, inner: inner, storedB, layoutB, columns: columns, into: &c)
        #expect(c == expected)
    }

    @Test func betaAccumulatesIntoTheOutput() {
        let a: [Float] = [1, 2, 3, 4]          // 2x2
        let b: [Float] = [1, 0, 0, 1]          // identity
        var c: [Float] = [10, 10, 10, 10]
        MatrixProduct.multiply(a, rows: 2, inner: 2, b, columns: 2, into: &c, alpha: 2, beta: 1)
        #expect(c == [12, 14, 16, 18])
    }
}
