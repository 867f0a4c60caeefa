/// Vectorized 2^x and e^x on `SIMD8<Float>` in plain IEEE arithmetic.
///
/// The exact denoisers evaluate millions of Gaussian weights per call; the C library's scalar
/// `exp` would dominate. These use the "round with a magic constant" reduction (no float-to-int
/// conversion instruction needed) and a degree-5 polynomial for 2^f on [-1/2, 1/2] (relative
/// error below 3e-6, far below anything a posterior mean can show). The callers only ever
/// exponentiate log-weights that have had their maximum subtracted, so inputs are <= 0; they
/// clamp them at ``lowestArgument`` first, so no result is ever a slow subnormal. NaN stays NaN.
///
/// ```swift
/// let w = FastExp.exp2NonPositive(SIMD8<Float>(repeating: -1))   // all 0.5
/// ```
@usableFromInline
enum FastExp {
    /// 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to the nearest integer.
    @usableFromInline static let roundingMagic: Float = 12_582_912

    /// The smallest argument callers pass: 2^-100 is negligible next to the largest weight, 1.
    @usableFromInline static let lowestArgument: Float = -100

    /// `x` raised to at least ``lowestArgument`` (a single max instruction; NaN stays NaN).
    @inlinable @inline(__always)
    static func clampedArgument(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let lowest = SIMD8<Float>(repeating: lowestArgument)
        return x.replacing(with: lowest, where: x .< lowest)
    }

    /// 2^x for ``lowestArgument`` <= x <= 0 (other inputs are not supported).
    @inlinable @inline(__always)
    static func exp2NonPositive(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let shifted = x + roundingMagic
        let n = shifted - roundingMagic                 // nearest integer, as a float
        let f = x - n                                    // in [-0.5, 0.5]
        // Taylor polynomial of e^(f ln 2), degree 5: relative error below 3e-6 on [-1/2, 1/2].
        var p = SIMD8<Float>(repeating: 1.333_355_8e-3)
        p = p * f + 9.618_129_1e-3
        p = p * f + 5.550_410_9e-2
        p = p * f + 0.240_226_51
        p = p * f + 0.693_147_18
        p = p * f + 1
        // 2^n from the integer hidden in the low mantissa bits of `shifted`.
        let nBits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(SIMD8<Float>(repeating: roundingMagic), to: SIMD8<Int32>.self)
        let scale = unsafeBitCast((nBits &+ 127) &<< 23, to: SIMD8<Float>.self)
        return p * scale
    }

    /// 2^x for -126 <= x <= 127 on four lanes (one SSE register) with a degree-4 minimax
    /// polynomial (relative error below 2.7e-6, smaller than ``exp2NonPositive``'s degree-5 Taylor
    /// one, one multiply-add fewer). Callers keep x >= -100 (a single max) so no result is
    /// subnormal. NaN stays NaN.
    @inlinable @inline(__always)
    static func exp2Minimax(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let shifted = x + roundingMagic
        let n = shifted - roundingMagic
        let f = x - n
        var p = SIMD4<Float>(repeating: 9.570_101e-3)
        p = p * f + 5.591_786_3e-2
        p = p * f + 0.240_247_44
        p = p * f + 0.693_121_8
        p = p * f + 0.999_999_3
        let bias = Int32(bitPattern: roundingMagic.bitPattern) &- 127
        let scale = unsafeBitCast((unsafeBitCast(shifted, to: SIMD4<Int32>.self) &- bias) &<< 23, to: SIMD4<Float>.self)
        return p * scale
    }

    /// log2(e), to turn natural-log weights into base-2 ones.
    @usableFromInline static let log2e: Float = 1.442_695_04
}
