/// The normal stream's definition, one lane at a time: the reference that the SIMD lanes
/// (``SuperblockLanes``) reproduce bit for bit.
///
/// Superblock `b` holds values `512b ..< 512b + 512`. Its eight lanes are xoshiro128+ generators
/// whose states are the Philox4x32-10 words of counters `8b + lane` (kind ``BlockKind/normalLaneKeys``).
/// Pair step `j` (0..<32) takes two outputs `w1, w2` of every lane and writes the lanes' first
/// normals to values `16j ..< 16j + 8` of the superblock and their second normals to
/// `16j + 8 ..< 16j + 16`.
///
/// The pair transform is Box–Muller arranged for SIMD: the radius is √(−2 ln u) with u from the
/// top 23 bits of `w1`; the angle is uniform on the first octant, from the top 22 bits of `w2`,
/// and is spread over the whole circle by the symmetries of the standard normal pair: a swap of
/// the two coordinates (bit 9 of `w2`) and a sign for each (bit 8 of `w2` and of `w1`). Only the
/// upper 24 bits of each output are used, as recommended for xoshiro128+.
///
/// ```swift
/// let z = PhiloxGenerator(seed: 1).normal(at: 1_000)   // lane 0 of superblock 1, pair step 30
/// ```
extension PhiloxGenerator {
    /// Independent xoshiro128+ lanes per superblock.
    static var lanesPerSuperblock: Int { 8 }
    /// Values per pair step: one pair from each lane.
    static var valuesPerStep: Int { 2 * lanesPerSuperblock }
    /// Pair steps per superblock.
    static var stepsPerSuperblock: Int { 32 }
    /// Values per superblock (512).
    static var superblockSize: Int { valuesPerStep * stepsPerSuperblock }

    /// Normal value `index` of the stream (a Philox block and up to 64 xoshiro steps).
    public func normal(at index: UInt64) -> Float {
        let superblock = index / UInt64(Self.superblockSize), offset = Int(index % UInt64(Self.superblockSize))
        let step = offset / Self.valuesPerStep, within = offset % Self.valuesPerStep
        let lane = within % Self.lanesPerSuperblock, second = within >= Self.lanesPerSuperblock
        var state = laneState(superblock: superblock, lane: lane)
        for _ in 0..<step {
            _ = state.next()
            _ = state.next()
        }
        let w1 = state.next(), w2 = state.next()
        let pair = Self.gaussianPair(w1, w2)
        return second ? pair.y : pair.x
    }

    /// The xoshiro128+ state of `lane` in `superblock`: the four Philox words of its counter.
    func laneState(superblock: UInt64, lane: Int) -> XoshiroLane {
        let w = philoxBlock(superblock &* UInt64(Self.lanesPerSuperblock) &+ UInt64(lane), kind: .normalLaneKeys)
        return XoshiroLane(w.0, w.1, w.2, w.3)
    }

    // MARK: The pair transform

    /// Two independent standard normals from two 32-bit words (see the type's description).
    static func gaussianPair(_ w1: UInt32, _ w2: UInt32) -> (x: Float, y: Float) {
        let r = radiusSquared(w1).squareRoot()
        let u = Float(bitPattern: (w2 >> 10) | 0x3F80_0000) - 1     // [0, 1/2), exact
        let u2 = u * u
        var sine = (((u2 * SinePolynomial.c3 + SinePolynomial.c2) * u2 + SinePolynomial.c1) * u2 + SinePolynomial.c0) * u
        var cosine = ((u2 * CosinePolynomial.c3 + CosinePolynomial.c2) * u2 + CosinePolynomial.c1) * u2 + CosinePolynomial.c0
        if w2 & (1 << 9) != 0 { swap(&sine, &cosine) }
        var x = r * cosine, y = r * sine
        if w2 & (1 << 8) != 0 { x = -x }
        if w1 & (1 << 8) != 0 { y = -y }
        return (x, y)
    }

    /// −2 ln u for u = (2k+1)/2^24, k the top 23 bits of `w`: between 1.2e-7 and 33.3 (so the
    /// radius never exceeds 5.77), relative error below 3e-7 over all 2^23 inputs.
    ///
    /// u = m 2^e with m in [√½, √2); ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| < 0.172, and
    /// −4 atanh(s)/s is a degree-3 polynomial in s² fitted for least maximum error.
    static func radiusSquared(_ w: UInt32) -> Float {
        let u = openUnit(w)
        let bits = u.bitPattern
        var mantissa = (bits & 0x007F_FFFF) | 0x3F80_0000
        var exponent = Int32(bitPattern: bits >> 23) - 127
        if mantissa > sqrtTwoBits {
            mantissa -= 0x0080_0000          // m / 2, exactly
            exponent += 1
        }
        let m = Float(bitPattern: mantissa)
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        let p = ((s2 * LogPolynomial.c3 + LogPolynomial.c2) * s2 + LogPolynomial.c1) * s2 + LogPolynomial.c0
        return Float(exponent) * minusTwoLn2 + s * p
    }

    /// 1 − 2^-24: subtracted from 1 + k/2^23 it leaves (2k+1)/2^24, ``openUnit(_:)`` exactly
    /// (the SIMD path's way to form it, with no integer-to-float conversion).
    static var openUnitOffset: Float { 0x1.FFFFFEp-1 }
    /// The bits of √2 rounded to float (the mantissa fold threshold).
    static var sqrtTwoBits: UInt32 { 0x3FB5_04F3 }
    /// −2 ln 2.
    static var minusTwoLn2: Float { -1.386_294_36 }

    /// −4 atanh(s)/s ≈ c0 + c1 s² + c2 s⁴ + c3 s⁶ for |s| ≤ 0.1716.
    enum LogPolynomial {
        static var c0: Float { -4 }
        static var c1: Float { -1.333_336_4 }
        static var c2: Float { -0.799_495_16 }
        static var c3: Float { -0.598_529_93 }
    }

    /// sin(πu/2)/u ≈ c0 + c1 u² + c2 u⁴ + c3 u⁶ for 0 ≤ u < 1/2 (error below 1e-7).
    enum SinePolynomial {
        static var c0: Float { 1.570_796_4 }
        static var c1: Float { -0.645_963_5 }
        static var c2: Float { 0.079_680_227 }
        static var c3: Float { -0.004_602_180_3 }
    }

    /// cos(πu/2) ≈ c0 + c1 u² + c2 u⁴ + c3 u⁶ for 0 ≤ u < 1/2 (error below 1.1e-7).
    enum CosinePolynomial {
        static var c0: Float { 1 }
        static var c1: Float { -1.233_697_1 }
        static var c2: Float { 0.253_598_66 }
        static var c3: Float { -0.020_408_371 }
    }
}

/// One xoshiro128+ generator (Blackman and Vigna): 128 bits of state, a 32-bit output per step.
struct XoshiroLane {
    var s0, s1, s2, s3: UInt32

    /// The state (s0, s1, s2, s3); an all-zero state, which would only ever give zeros, becomes (1, 0, 0, 0).
    init(_ s0: UInt32, _ s1: UInt32, _ s2: UInt32, _ s3: UInt32) {
        self.s0 = s0 | UInt32((s0 | s1 | s2 | s3) == 0 ? 1 : 0)
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// A state taken as it is (the lanes of a superblock, already past their first step or checked).
    init(state: (UInt32, UInt32, UInt32, UInt32)) {
        (s0, s1, s2, s3) = state
    }

    mutating func next() -> UInt32 {
        let result = s0 &+ s3
        let t = s1 << 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 11) | (s3 >> 21)
        return result
    }
}
