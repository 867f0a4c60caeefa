/// The kernel-density sums of one query row in expanded form, for rows where every reference
/// matters (mid and high noise, or points near the references).
///
/// In the units of ``KernelDensityDenoiser``, the weight of reference j is 2^(-|P - U_j|²), with
/// P the scaled query point and U_j the scaled reference. Both are taken relative to the centre
/// of the box around all U_j (radius R, the box's half diagonal), and the row's common factor
/// 2^(|P|²), which cancels in the weighted mean, is left out:
///
///     -|P - U_j|² + |P|² = P_x A_j + P_y B_j + C_j,   A_j = 2 U_jx, B_j = 2 U_jy, C_j = -|U_j|²
///
/// A, B and C are computed once per evaluation, so a (row, reference) pair costs two multiplies
/// and two adds before the exponential, which is then taken without clamp or shift.
///
/// Range: with r = |P|, every exponent lies in [-(2rR + R²), 2rR]. The caller uses this form only
/// when the squared distances from P to the reference box span at most 44, that is
/// (r + R)² - max(0, r - R)² <= 44; then 2rR + R² <= 44 (for r >= R, 4rR <= 44 and R² <= rR;
/// otherwise (r + R)² <= 44). So every weight lies in [2^-44, 2^44]: no overflow, no subnormal.
///
/// Accuracy: every exponent carries a rounding error of a few ulps of |P_x A_j| + |P_y B_j| +
/// |C_j| <= 2rR + R² <= 44 (the large common term |P|² is never formed), so with the
/// polynomial's 2.8e-6 each weight is within about 1e-5 relative in the worst case and a few
/// 1e-6 for typical rows. (The direct form's error, a few ulps of |P - U_j|², is smaller for the
/// nearest references and larger for far ones.) Posterior means agree with a Double brute force
/// to a few 1e-6.
///
/// ```swift
/// let expanded = ExpandedKernelSums(x: blockX, y: blockY, count: n, scale: ka, centre: centre)
/// let (total, sumX, sumY) = expanded.table.withUnsafeBufferPointer {
///     ExpandedKernelSums.sums(px, py, table: $0.baseAddress!, quads: expanded.quads)
/// }   // the weighted mean is (sumX, sumY) / total
/// ```
struct ExpandedKernelSums: Sendable {
    /// Five vectors per group of four references: A, B, C, y_x, y_y; then one padding group.
    /// Padding lanes have A = B = 0, C = -120 and zero coordinates: their weight 2^-120 is
    /// lost in rounding next to any real weight (>= 2^-44), and they add nothing to the
    /// coordinate sums.
    let table: [SIMD4<Float>]
    /// The number of groups of four before the padding group.
    let quads: Int

    /// The log2-weight of a padding lane.
    static let paddingExponent: Float = -120

    /// The table for the first `count` lanes of `x`, `y` (reference coordinates in blocks of
    /// eight), scaled by `scale` and centred on `centre` (in scaled units).
    init(x: [SIMD8<Float>], y: [SIMD8<Float>], count: Int, scale: Float, centre: SIMD2<Float>) {
        quads = (count + 3) / 4
        let padding: [SIMD4<Float>] = [.zero, .zero, SIMD4(repeating: Self.paddingExponent), .zero, .zero]
        var table = [SIMD4<Float>]()
        table.reserveCapacity(5 * (quads + 1))
        for _ in 0...quads { table += padding }
        for index in 0..<count {
            let quad = index / 4, lane = index % 4
            let yx = x[index / 8][index % 8], yy = y[index / 8][index % 8]
            let ux = yx * scale - centre.x, uy = yy * scale - centre.y
            table[5 * quad][lane] = 2 * ux
            table[5 * quad + 1][lane] = 2 * uy
            table[5 * quad + 2][lane] = -(ux * ux + uy * uy)
            table[5 * quad + 3][lane] = yx
            table[5 * quad + 4][lane] = yy
        }
        self.table = table
    }

    /// (sum_j w_j, sum_j w_j y_jx, sum_j w_j y_jy) with w_j = 2^(px A_j + py B_j + C_j), for the
    /// centred, scaled point (px, py), always summed in the same order.
    ///
    /// The loop is software-pipelined: while it finishes the exponentials of one group it forms
    /// the exponents and range reduction of the next (reading the padding group at the end), so
    /// the out-of-order core has independent work in flight instead of one long dependency chain.
    /// Not inlined: inside the caller, the optimizer packs the row's two coordinates into one
    /// vector and then splits every product back into scalar pieces and shuffles.
    @inline(never)
    static func sums(_ px: Float, _ py: Float, table: UnsafePointer<SIMD4<Float>>, quads: Int) -> (Float, Float, Float) {
        let x = SIMD4<Float>(repeating: px), y = SIMD4<Float>(repeating: py)
        @inline(__always) func reducedExponent(_ group: UnsafePointer<SIMD4<Float>>) -> (fraction: SIMD4<Float>, exponent: SIMD4<Float>) {
            FastExp.reduced((group[2] + x * group[0]) + y * group[1])
        }
        var total = SIMD4<Float>.zero, sumX = SIMD4<Float>.zero, sumY = SIMD4<Float>.zero
        var next = reducedExponent(table)
        for quad in 0..<quads {
            let group = table + 5 * quad
            let current = next
            next = reducedExponent(group + 5)
            let w = FastExp.exp2(reduced: current)
            total += w
            sumX += w * group[3]
            sumY += w * group[4]
        }
        return (total.sum(), sumX.sum(), sumY.sum())
    }
}
