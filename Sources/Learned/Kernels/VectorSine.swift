/// Sine and cosine together on eight float lanes (the input embeddings), in plain IEEE arithmetic.
///
/// x = n pi/2 + r with n the nearest integer (a rounding constant) and pi/2 in three parts
/// (Cody and Waite), so r is accurate for |x| up to about 10^4; sin and cos of r on [-pi/4, pi/4]
/// are the classic minimax polynomials of degree 7 and 8 (error near 1e-7), and the quadrant n mod 4
/// swaps and negates them. Inputs beyond |x| = 2^21 give meaningless (but finite) values.
///
/// ```swift
/// let (s, c) = VectorSine.sineAndCosine(SIMD8<Float>(repeating: 1))   // 0.84147, 0.54030
/// ```
enum VectorSine {
    static let twoOverPi: Float = 0.636_619_77
    static let roundingMagic: Float = 12_582_912

    /// sin(x) and cos(x), lane by lane.
    @inline(__always)
    static func sineAndCosine(_ x: SIMD8<Float>) -> (sine: SIMD8<Float>, cosine: SIMD8<Float>) {
        let shifted = x * twoOverPi + roundingMagic
        let n = shifted - roundingMagic
        var r = x - n * 1.570_312_5
        r = r - n * 4.837_512_969_970_703_125e-4
        r = r - n * 7.549_789_954_891_882_16e-8
        let r2 = r * r
        var s = SIMD8<Float>(repeating: -1.951_529_589_1e-4)
        s = s * r2 + 8.332_160_873_6e-3
        s = s * r2 - 1.666_665_461_1e-1
        s = s * r2 * r + r
        var c = SIMD8<Float>(repeating: 2.443_315_711_809_948e-5)
        c = c * r2 - 1.388_731_625_493_765e-3
        c = c * r2 + 4.166_664_568_298_827e-2
        c = c * r2 * r2 - 0.5 * r2 + 1
        // Quadrant n mod 4 (the low bits of `shifted` hold n in two's complement).
        let quadrant = unsafeBitCast(shifted, to: SIMD8<UInt32>.self)
        let swaps = (quadrant & 1) .!= 0
        let sine = s.replacing(with: c, where: swaps)
        let cosine = c.replacing(with: s, where: swaps)
        let sineSign = (quadrant & 2) &<< 30
        let cosineSign = ((quadrant &+ 1) & 2) &<< 30
        return (unsafeBitCast(unsafeBitCast(sine, to: SIMD8<UInt32>.self) ^ sineSign, to: SIMD8<Float>.self),
                unsafeBitCast(unsafeBitCast(cosine, to: SIMD8<UInt32>.self) ^ cosineSign, to: SIMD8<Float>.self))
    }

    /// Writes sin(angles[i]) to `sines` and cos(angles[i]) to `cosines` for i in 0..<count.
    static func fill(_ angles: UnsafePointer<Float>, count: Int, sines: UnsafeMutablePointer<Float>,
                     cosines: UnsafeMutablePointer<Float>) {
        let full = count & ~7
        var i = 0
        while i < full {
            let (s, c) = sineAndCosine(UnsafeRawPointer(angles + i).loadUnaligned(as: SIMD8<Float>.self))
            UnsafeMutableRawPointer(sines + i).storeBytes(of: s, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(cosines + i).storeBytes(of: c, as: SIMD8<Float>.self)
            i += 8
        }
        guard full < count else { return }
        var lanes = SIMD8<Float>(repeating: 0)
        for k in full..<count { lanes[k - full] = angles[k] }
        let (s, c) = sineAndCosine(lanes)
        for k in full..<count {
            sines[k] = s[k - full]
            cosines[k] = c[k - full]
        }
    }
}
