#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// The vectorized path of ``PhiloxGenerator/fillNormals(_:startingAt:)``: eight Philox blocks
/// (32 normals) at a time in SIMD lanes.
///
/// Every lane performs the same IEEE operations, in the same order, as the scalar definition
/// ``PhiloxGenerator/normal(at:)`` (no fused multiply-add, no reassociation), so the values are
/// bit-identical to it; the tests compare the two over many ranges and offsets.
extension PhiloxGenerator {
    @usableFromInline typealias Words = SIMD8<UInt32>
    @usableFromInline typealias Floats = SIMD8<Float>
    /// Number of Philox blocks per vector step (four normals each).
    @usableFromInline static var blocksPerStep: Int { Words.scalarCount }

    /// Philox4x32-10 for the blocks `firstBlock ..< firstBlock + 8` of the normals (kind 0).
    @inlinable @inline(__always)
    func philoxBlocks(startingAt firstBlock: UInt64) -> (Words, Words, Words, Words) {
        var c0 = Words(), c1 = Words()
        for lane in 0..<Words.scalarCount {
            // Indices wrap modulo 2^64, so block numbers wrap modulo 2^62.
            let block = (firstBlock &+ UInt64(lane)) & (UInt64.max >> 2)
            c0[lane] = UInt32(truncatingIfNeeded: block)
            c1[lane] = UInt32(truncatingIfNeeded: block >> 32)
        }
        var c2 = Words(repeating: stream)
        var c3 = Words(repeating: 0)
        var k0 = UInt32(truncatingIfNeeded: seed)
        var k1 = UInt32(truncatingIfNeeded: seed >> 32)
        let multiplier0 = SIMD8<UInt64>(repeating: UInt64(Self.multiplier0))
        let multiplier1 = SIMD8<UInt64>(repeating: UInt64(Self.multiplier1))
        for _ in 0..<10 {
            let p0 = SIMD8<UInt64>(truncatingIfNeeded: c0) &* multiplier0
            let p1 = SIMD8<UInt64>(truncatingIfNeeded: c2) &* multiplier1
            let hi0 = Words(truncatingIfNeeded: p0 &>> 32), lo0 = Words(truncatingIfNeeded: p0)
            let hi1 = Words(truncatingIfNeeded: p1 &>> 32), lo1 = Words(truncatingIfNeeded: p1)
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ Words(repeating: k0), lo1, hi0 ^ c3 ^ Words(repeating: k1), lo0)
            k0 &+= Self.weyl0
            k1 &+= Self.weyl1
        }
        return (c0, c1, c2, c3)
    }

    /// ``openUnit(_:)`` per lane: (2k+1)/2^24 (the integer is below 2^24, so the signed
    /// conversion is exact and equal to the unsigned one).
    @inlinable @inline(__always)
    static func openUnit(_ bits: Words) -> Floats {
        Floats(SIMD8<Int32>(truncatingIfNeeded: ((bits &>> 9) &<< 1) | 1)) * 0x1p-24
    }

    /// ``boxMuller(_:_:)`` per lane: (r cos θ, r sin θ).
    @inlinable @inline(__always)
    static func boxMuller(_ u1: Floats, _ u2: Floats) -> (Floats, Floats) {
        let r = squareRoot(-2 * polyLog(u1))
        let (s, c) = polySinCosTurns(u2)
        return (r * c, r * s)
    }

    /// ``polyLog(_:)`` per lane.
    @inlinable @inline(__always)
    static func polyLog(_ x: Floats) -> Floats {
        var bits = unsafeBitCast(x, to: Words.self)
        var e = SIMD8<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xFF) &- 127
        bits = (bits & 0x007F_FFFF) | 0x3F80_0000
        var m = unsafeBitCast(bits, to: Floats.self)
        // m > 1.41421356 compared on the bit patterns (both positive, so the order is the
        // same), as an all-ones (-1) or zero lane mask.
        let threshold = Int32(bitPattern: (1.41421356 as Float).bitPattern)
        let above = (threshold &- SIMD8<Int32>(truncatingIfNeeded: bits)) &>> 31
        m = select(Words(truncatingIfNeeded: above), m * 0.5, m)
        e &-= above
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        let p = ((((s2 * (1 / 9.0 as Float) + (1 / 7.0 as Float)) * s2 + (1 / 5.0 as Float)) * s2 + (1 / 3.0 as Float)) * s2 + 1)
        return Floats(e) * 0.693147181 + 2 * s * p
    }

    /// ``polySinCosTurns(_:)`` per lane. For 0 ≤ 4t ≤ 4, adding and subtracting 2^23 rounds
    /// to the nearest integer, ties to even, exactly like `rounded(.toNearestOrEven)`, and the
    /// low bits of the sum are that integer.
    @inlinable @inline(__always)
    static func polySinCosTurns(_ t: Floats) -> (Floats, Floats) {
        let shifted = t * 4 + 0x1p23
        let quarter = shifted - 0x1p23
        let q = unsafeBitCast(shifted, to: Words.self) & 3
        let f = t - quarter * 0.25
        let a = f * 6.28318531
        let a2 = a * a
        let sinA = a * (1 + a2 * (-1 / 6.0 as Float + a2 * (1 / 120.0 as Float + a2 * (-1 / 5040.0 as Float + a2 * (1 / 362_880.0 as Float)))))
        let cosA = 1 + a2 * (-0.5 as Float + a2 * (1 / 24.0 as Float + a2 * (-1 / 720.0 as Float + a2 * (1 / 40320.0 as Float))))
        // q: 0 -> (s, c), 1 -> (c, -s), 2 -> (-s, -c), 3 -> (-c, s). Negation flips the sign bit.
        let odd = 0 &- (q & 1)
        let sine = select(odd, cosA, sinA), cosine = select(odd, sinA, cosA)
        let sineSign = (q & 2) &<< 30, cosineSign = ((q &+ 1) & 2) &<< 30
        return (flipSign(sine, sineSign), flipSign(cosine, cosineSign))
    }

    /// The correctly rounded square root of each lane (IEEE, like `Float.squareRoot()`). On
    /// x86-64 one `sqrtps` per four lanes; the generic per-lane form is scalar calls there.
    @inlinable @inline(__always)
    static func squareRoot(_ x: Floats) -> Floats {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        Floats(lowHalf: _mm_sqrt_ps(x.lowHalf), highHalf: _mm_sqrt_ps(x.highHalf))
        #else
        x.squareRoot()
        #endif
    }

    /// Lanes of `whenSet` where `mask` is all ones, of `otherwise` where it is zero.
    @inlinable @inline(__always)
    static func select(_ mask: Words, _ whenSet: Floats, _ otherwise: Floats) -> Floats {
        let a = unsafeBitCast(whenSet, to: Words.self), b = unsafeBitCast(otherwise, to: Words.self)
        return unsafeBitCast((a & mask) | (b & ~mask), to: Floats.self)
    }

    /// `x` with its sign bit flipped in the lanes where `sign` is 0x8000_0000 (exact negation).
    @inlinable @inline(__always)
    static func flipSign(_ x: Floats, _ sign: Words) -> Floats {
        unsafeBitCast(unsafeBitCast(x, to: Words.self) ^ sign, to: Floats.self)
    }

    /// Writes the 32 normals of blocks `firstBlock ..< firstBlock + 8` to `out[0 ..< 32]`.
    @inlinable
    func writeNormals(blocksStartingAt firstBlock: UInt64, to out: UnsafeMutablePointer<Float>) {
        let w = philoxBlocks(startingAt: firstBlock)
        let (c01, s01) = Self.boxMuller(Self.openUnit(w.0), Self.openUnit(w.1))
        let (c23, s23) = Self.boxMuller(Self.openUnit(w.2), Self.openUnit(w.3))
        for lane in 0..<Words.scalarCount {
            out[4 * lane] = c01[lane]
            out[4 * lane + 1] = s01[lane]
            out[4 * lane + 2] = c23[lane]
            out[4 * lane + 3] = s23[lane]
        }
    }
}
