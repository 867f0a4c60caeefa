#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Philox4x32-10 eight blocks at a time, in SIMD lanes: the keys of a superblock's eight lanes.
extension PhiloxGenerator {
    typealias Words = SIMD8<UInt32>

    /// Philox4x32-10 for the counters `first ..< first + 8` of `kind`, one counter per lane.
    @inline(__always)
    func philoxBlocks(startingAt first: UInt64, kind: BlockKind) -> (Words, Words, Words, Words) {
        // Counters first + lane as two 32-bit words per lane; the high word carries where the
        // low one wrapped.
        let low = UInt32(truncatingIfNeeded: first)
        var c0 = Words(repeating: low) &+ Words(0, 1, 2, 3, 4, 5, 6, 7)
        var c1 = Words(repeating: UInt32(truncatingIfNeeded: first >> 32))
        c1.replace(with: c1 &+ 1, where: c0 .< Words(repeating: low))
        var c2 = Words(repeating: stream)
        var c3 = Words(repeating: kind.rawValue)
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
}

#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
/// Four xoshiro128+ lanes in SSE registers (``XoshiroLane`` per lane).
struct XoshiroVector {
    var s0, s1, s2, s3: __m128i

    @inline(__always)
    init(_ quad: LaneQuad) {
        s0 = unsafeBitCast(quad.s0, to: __m128i.self)
        s1 = unsafeBitCast(quad.s1, to: __m128i.self)
        s2 = unsafeBitCast(quad.s2, to: __m128i.self)
        s3 = unsafeBitCast(quad.s3, to: __m128i.self)
    }

    /// The lanes' states as words.
    @inline(__always)
    var quad: LaneQuad {
        LaneQuad(s0: unsafeBitCast(s0, to: SIMD4<UInt32>.self), s1: unsafeBitCast(s1, to: SIMD4<UInt32>.self),
                 s2: unsafeBitCast(s2, to: SIMD4<UInt32>.self), s3: unsafeBitCast(s3, to: SIMD4<UInt32>.self))
    }

    @inline(__always)
    mutating func next() -> __m128i {
        let result = _mm_add_epi32(s0, s3)
        let t = _mm_slli_epi32(s1, 9)
        s2 = _mm_xor_si128(s2, s0)
        s3 = _mm_xor_si128(s3, s1)
        s1 = _mm_xor_si128(s1, s2)
        s0 = _mm_xor_si128(s0, s3)
        s2 = _mm_xor_si128(s2, t)
        s3 = _mm_or_si128(_mm_slli_epi32(s3, 11), _mm_srli_epi32(s3, 21))
        return result
    }
}

/// ``PhiloxGenerator/gaussianPair(_:_:)`` on four lanes, with SSE2 intrinsics, which every
/// x86-64 processor has (on generic SIMD types the compiler scalarizes rotations and shuffles
/// lanes it need not touch). Every lane performs the same IEEE operations, in the same order, as
/// the scalar definition (no fused multiply-add, no reassociation; swaps and sign changes are done
/// on the bits), so the values are bit-identical to it; the tests compare the two.
enum SSEPair {
    @inline(__always) static func splat(_ x: UInt32) -> __m128i { _mm_set1_epi32(Int32(bitPattern: x)) }
    @inline(__always) static func splat(_ x: Float) -> __m128 { _mm_set1_ps(x) }

    @inline(__always)
    static func transform(_ w1: __m128i, _ w2: __m128i) -> (__m128, __m128) {
        typealias G = PhiloxGenerator
        let r = _mm_sqrt_ps(radiusSquared(w1))
        let u = _mm_sub_ps(_mm_castsi128_ps(_mm_or_si128(_mm_srli_epi32(w2, 10), splat(0x3F80_0000 as UInt32))), splat(1 as Float))
        let u2 = _mm_mul_ps(u, u)
        var sine = _mm_add_ps(_mm_mul_ps(u2, splat(G.SinePolynomial.c3)), splat(G.SinePolynomial.c2))
        sine = _mm_add_ps(_mm_mul_ps(sine, u2), splat(G.SinePolynomial.c1))
        sine = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(sine, u2), splat(G.SinePolynomial.c0)), u)
        var cosine = _mm_add_ps(_mm_mul_ps(u2, splat(G.CosinePolynomial.c3)), splat(G.CosinePolynomial.c2))
        cosine = _mm_add_ps(_mm_mul_ps(cosine, u2), splat(G.CosinePolynomial.c1))
        cosine = _mm_add_ps(_mm_mul_ps(cosine, u2), splat(G.CosinePolynomial.c0))
        // Swap where bit 9 of w2 is set: d = (c ^ s) & mask; c ^ d and s ^ d.
        let swapMask = _mm_castsi128_ps(_mm_srai_epi32(_mm_slli_epi32(w2, 22), 31))
        let difference = _mm_and_ps(_mm_xor_ps(cosine, sine), swapMask)
        let x = _mm_mul_ps(r, _mm_xor_ps(cosine, difference))
        let y = _mm_mul_ps(r, _mm_xor_ps(sine, difference))
        // Signs: bit 8 of w2 for x, of w1 for y, moved to the sign bit.
        let signBit = splat(0x8000_0000 as UInt32)
        let xSign = _mm_castsi128_ps(_mm_and_si128(_mm_slli_epi32(w2, 23), signBit))
        let ySign = _mm_castsi128_ps(_mm_and_si128(_mm_slli_epi32(w1, 23), signBit))
        return (_mm_xor_ps(x, xSign), _mm_xor_ps(y, ySign))
    }

    @inline(__always)
    static func radiusSquared(_ w: __m128i) -> __m128 {
        typealias G = PhiloxGenerator
        let u = _mm_sub_ps(_mm_castsi128_ps(_mm_or_si128(_mm_srli_epi32(w, 9), splat(0x3F80_0000 as UInt32))), splat(G.openUnitOffset))
        let bits = _mm_castps_si128(u)
        var mantissa = _mm_or_si128(_mm_and_si128(bits, splat(0x007F_FFFF as UInt32)), splat(0x3F80_0000 as UInt32))
        // All ones where the mantissa is above √2 (positive patterns: signed order = float order).
        let above = _mm_cmpgt_epi32(mantissa, splat(G.sqrtTwoBits))
        mantissa = _mm_sub_epi32(mantissa, _mm_and_si128(above, splat(0x0080_0000 as UInt32)))
        let exponent = _mm_sub_epi32(_mm_sub_epi32(_mm_srli_epi32(bits, 23), splat(127 as UInt32)), above)
        let m = _mm_castsi128_ps(mantissa)
        let s = _mm_div_ps(_mm_sub_ps(m, splat(1 as Float)), _mm_add_ps(m, splat(1 as Float)))
        let s2 = _mm_mul_ps(s, s)
        var p = _mm_add_ps(_mm_mul_ps(s2, splat(G.LogPolynomial.c3)), splat(G.LogPolynomial.c2))
        p = _mm_add_ps(_mm_mul_ps(p, s2), splat(G.LogPolynomial.c1))
        p = _mm_add_ps(_mm_mul_ps(p, s2), splat(G.LogPolynomial.c0))
        return _mm_add_ps(_mm_mul_ps(_mm_cvtepi32_ps(exponent), splat(G.minusTwoLn2)), _mm_mul_ps(s, p))
    }
}
#endif
