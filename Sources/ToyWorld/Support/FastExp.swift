/// Vectorized 2^x on `SIMD8<Float>` and `SIMD4<Float>` in plain IEEE arithmetic.
///
/// The exact denoisers evaluate millions of Gaussian weights per call; the C library's scalar
/// `exp` would dominate. These use the "round with a magic constant" reduction (no float-to-int
/// conversion instruction needed) and a polynomial for 2^f on [-1/2, 1/2] (relative error below
/// 3e-6, far below anything a posterior mean can show). The eight-lane form takes log-weights
/// that have had their maximum subtracted (inputs <= 0) and clamped at ``lowestArgument``; the
/// four-lane forms take any input in [-126, 127]. No result is ever a slow subnormal. NaN stays NaN.
///
/// ```swift
/// let w = FastExp.exp2NonPositive(SIMD8<Float>(repeating: -1))   // all 0.5
/// let v = FastExp.exp2Minimax(SIMD4<Float>(-2, 0, 3, 10))         // 0.25, 1, 8, 1024
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

    /// 1.5 * 2^23 + 127: adding it to x (|x| < 2^22) rounds x to the nearest integer n and leaves
    /// n + 127, the biased exponent of 2^n, in the low mantissa bits of the sum.
    @usableFromInline static let exponentMagic: Float = 12_583_039

    /// 2^x for -126 <= x <= 127 on four lanes (one SSE register): ``reduced(_:)`` then
    /// ``exp2(reduced:)``. Relative error below 2.8e-6. NaN stays NaN.
    @inlinable @inline(__always)
    static func exp2Minimax(_ x: SIMD4<Float>) -> SIMD4<Float> {
        exp2(reduced: reduced(x))
    }

    /// The first half of 2^x: x = n + f with n the nearest integer and f in [-1/2, 1/2] (exactly),
    /// returned as f and x + ``exponentMagic``, whose low mantissa bits hold n + 127. Split from
    /// the second half so a loop can reduce one vector while it evaluates the previous one.
    @inlinable @inline(__always)
    static func reduced(_ x: SIMD4<Float>) -> (fraction: SIMD4<Float>, exponent: SIMD4<Float>) {
        let shifted = x + exponentMagic
        return (x - (shifted - exponentMagic), shifted)
    }

    /// The second half of 2^x: a degree-4 minimax polynomial for 2^f on [-1/2, 1/2] (relative error
    /// below 2.8e-6), evaluated in Estrin's form (a shorter dependency chain than Horner's for one
    /// multiply more), times 2^n, whose bits are n + 127 shifted into the exponent field (valid
    /// for -126 <= n <= 127).
    @inlinable @inline(__always)
    static func exp2(reduced: (fraction: SIMD4<Float>, exponent: SIMD4<Float>)) -> SIMD4<Float> {
        let f = reduced.fraction, f2 = f * f
        let low = f * 0.693_121_8 + 0.999_999_3
        let middle = f * 5.591_786_3e-2 + 0.240_247_44
        let p = f2 * (f2 * 9.570_101e-3 + middle) + low
        let scale = unsafeBitCast(unsafeBitCast(reduced.exponent, to: SIMD4<Int32>.self) &<< 23, to: SIMD4<Float>.self)
        return p * scale
    }

    /// log2(e), to turn natural-log weights into base-2 ones.
    @usableFromInline static let log2e: Float = 1.442_695_04
}
