/// The default random source: counter-based, so any part of its streams can be produced by any
/// thread, in any order, with identical bits.
///
/// Two streams per seed and stream number:
/// - **Uniforms**: value `i` is Philox4x32-10 of counter `i / 4` (key: the seed), mapped to (0, 1).
/// - **Normals**: in superblocks of 512 values. Superblock `b` keys eight xoshiro128+ lanes with
///   Philox4x32-10 of counters `8b ..< 8b + 8`; each lane's successive pairs of 32-bit outputs go
///   through a Box–Muller transform written for SIMD lanes (see `PhiloxGenerator+Normals.swift`).
///   Philox gives the independence between superblocks; xoshiro128+ makes the bits cheap (a few
///   integer operations per value, against about forty for a Philox word).
///
/// Value `i` of either stream is a pure function of `(seed, stream, i)`. The transcendental
/// functions are fixed polynomials in plain IEEE arithmetic (no library `log` or `sin`), so the
/// values are the same on every platform and in the scalar and the SIMD code.
///
/// ```swift
/// var g = PhiloxGenerator(seed: 42)
/// let a = g.normals(count: 8)              // advances `position` by 8
/// let b = PhiloxGenerator(seed: 42).normal(at: 3)   // == a[3]
/// ```
public struct PhiloxGenerator: GaussianSource, Sendable, Hashable {
    /// The seed: the Philox key.
    public let seed: UInt64
    /// Independent streams of the same seed (for example data versus noise).
    public let stream: UInt32
    /// Index of the next value `fillNormals(_:)`, `nextNormal()` or `nextUniform()` returns.
    public var position: UInt64

    /// A generator at the start (or at `position`) of stream `stream` for `seed`.
    public init(seed: UInt64, stream: UInt32 = 0, position: UInt64 = 0) {
        self.seed = seed
        self.stream = stream
        self.position = position
    }

    // MARK: Philox4x32-10

    @inlinable static var multiplier0: UInt32 { 0xD251_1F53 }
    @inlinable static var multiplier1: UInt32 { 0xCD9E_8D57 }
    @inlinable static var weyl0: UInt32 { 0x9E37_79B9 }
    @inlinable static var weyl1: UInt32 { 0xBB67_AE85 }

    /// What a Philox block is used for (its fourth counter word), so the streams never share a
    /// block. (0 is left unused: earlier versions drew normals from blocks of that kind.)
    @usableFromInline enum BlockKind: UInt32 {
        case uniforms = 1
        case normalLaneKeys = 2
    }

    /// The four 32-bit words of Philox4x32-10 for counter `block` of `kind`.
    @inlinable
    func philoxBlock(_ block: UInt64, kind: BlockKind) -> (UInt32, UInt32, UInt32, UInt32) {
        var c0 = UInt32(truncatingIfNeeded: block)
        var c1 = UInt32(truncatingIfNeeded: block >> 32)
        var c2 = stream
        var c3 = kind.rawValue
        var k0 = UInt32(truncatingIfNeeded: seed)
        var k1 = UInt32(truncatingIfNeeded: seed >> 32)
        for _ in 0..<10 {
            let p0 = UInt64(Self.multiplier0) &* UInt64(c0)
            let p1 = UInt64(Self.multiplier1) &* UInt64(c2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0)
            k0 &+= Self.weyl0
            k1 &+= Self.weyl1
        }
        return (c0, c1, c2, c3)
    }

    /// Maps 32 random bits to a float in the open interval (0, 1), exactly (2k+1)/2^24.
    @inlinable
    static func openUnit(_ bits: UInt32) -> Float {
        Float(((bits >> 9) << 1) | 1) * 0x1p-24
    }

    // MARK: Uniforms

    /// Uniform value `index` of the stream, in (0, 1).
    @inlinable
    public func uniform(at index: UInt64) -> Float {
        let w = philoxBlock(index >> 2, kind: .uniforms)
        switch index & 3 {
        case 0: return Self.openUnit(w.0)
        case 1: return Self.openUnit(w.1)
        case 2: return Self.openUnit(w.2)
        default: return Self.openUnit(w.3)
        }
    }

    /// The next uniform value in (0, 1); advances ``position``.
    public mutating func nextUniform() -> Float {
        defer { position &+= 1 }
        return uniform(at: position)
    }

    // MARK: Normals

    /// The next standard normal value; advances ``position``. (One value costs a Philox block and
    /// up to 64 xoshiro steps: draw many with ``fillNormals(_:)``.)
    public mutating func nextNormal() -> Float {
        defer { position &+= 1 }
        return normal(at: position)
    }

    /// Writes normal values `start ..< start + buffer.count` of the stream into `buffer`
    /// without changing the generator; safe to call from many threads on disjoint ranges.
    public func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>, startingAt start: UInt64) {
        fillNormals(buffer, startingAt: start, vectorized: Self.vectorizedByDefault)
    }

    /// Whether fills use the SIMD superblocks: not in unoptimized builds, which call every SIMD
    /// intrinsic as a function and run the scalar lanes faster. Both paths give the same bits.
    static var vectorizedByDefault: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }

    /// ``fillNormals(_:startingAt:)`` with the SIMD superblocks on or off. Both give the same bits;
    /// the scalar path is the reference that the SIMD one is tested against.
    ///
    /// ```swift
    /// g.fillNormals(buffer, startingAt: 0, vectorized: false)   // one lane at a time, no SIMD
    /// ```
    public func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>, startingAt start: UInt64, vectorized: Bool) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var reader = NormalReader(generator: self, startingAt: start, vectorized: vectorized)
        reader.read(into: base, count: buffer.count)
    }

    /// Fills `buffer` with the next normals and advances ``position``.
    public mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>) {
        fillNormals(buffer, startingAt: position)
        position &+= UInt64(buffer.count)
    }
}
