import CBLAS

/// Single-precision matrix products through the system BLAS (OpenBLAS), the one place the
/// package calls it. Matrices are row-major, as PyTorch stores a `Linear` weight [out, in].
///
/// ```swift
/// // C[2x2] = A[2x3] * B[3x2]
/// var c = [Float](repeating: 0, count: 4)
/// MatrixProduct.multiply(a, rows: 2, inner: 3, b, columns: 2, into: &c)
/// ```
public enum MatrixProduct {
    /// Whether an operand is read as stored or transposed.
    public enum Layout: Sendable {
        case asStored
        case transposed

        var blas: CBLAS_TRANSPOSE { self == .asStored ? CblasNoTrans : CblasTrans }
    }

    /// `c = alpha * op(a) * op(b) + beta * c`, where op(a) is rows x inner and op(b) is
    /// inner x columns; `a`, `b` and `c` hold at least that many values, row-major.
    ///
    /// ```swift
    /// MatrixProduct.multiply(x, rows: batch, inner: width, weight, .transposed, columns: hidden, into: &y)
    /// ```
    public static func multiply(_ a: UnsafePointer<Float>, _ layoutA: Layout = .asStored, rows: Int, inner: Int,
                                _ b: UnsafePointer<Float>, _ layoutB: Layout = .asStored, columns: Int,
                                into c: UnsafeMutablePointer<Float>, alpha: Float = 1, beta: Float = 0) {
        let lda = layoutA == .asStored ? inner : rows
        let ldb = layoutB == .asStored ? columns : inner
        cblas_sgemm(CblasRowMajor, layoutA.blas, layoutB.blas, Int32(rows), Int32(columns), Int32(inner),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(columns))
    }

    /// The number of threads OpenBLAS may use for one product (process-wide).
    ///
    /// ```swift
    /// MatrixProduct.threads = 1   // one thread per product; parallelize across products instead
    /// ```
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }
}
