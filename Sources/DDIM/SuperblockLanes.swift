#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// The eight xoshiro128+ lanes of one superblock of a ``PhiloxGenerator``'s normal stream,
/// advanced one pair step (16 values) at a time: the unit both the bulk fill and the fused step
/// consume, small enough that a pass can interleave making noise with streaming its arrays.
///
/// ```swift
/// var lanes = SuperblockLanes(generator: g, superblock: 3)
/// lanes.skip(steps: 2)
/// lanes.write(steps: 1, to: out, vectorized: true)   // values 3 * 512 + 32 ..< 3 * 512 + 48
/// ```
struct SuperblockLanes {
    /// Lanes 0-3 and 4-7: word k of lane l is `low.k[l]` or `high.k[l - 4]`.
    private var low, high: LaneQuad
    /// The superblock these lanes belong to.
    let superblock: UInt64
    /// The pair step the next ``write(steps:to:vectorized:)`` starts with (32 when the superblock is used up).
    private(set) var step = 0

    /// The lanes of `superblock` at its first pair step: Philox4x32-10 of counters
    /// `8 superblock ..< 8 superblock + 8`, with an all-zero state made (1, 0, 0, 0) as in ``XoshiroLane``.
    init(generator: PhiloxGenerator, superblock: UInt64) {
        let keys = generator.philoxBlocks(startingAt: superblock &* UInt64(PhiloxGenerator.lanesPerSuperblock), kind: .normalLaneKeys)
        low = LaneQuad(nonZero: (keys.0.lowHalf, keys.1.lowHalf, keys.2.lowHalf, keys.3.lowHalf))
        high = LaneQuad(nonZero: (keys.0.highHalf, keys.1.highHalf, keys.2.highHalf, keys.3.highHalf))
        self.superblock = superblock
    }

    /// Advances `steps` pair steps without producing their values.
    mutating func skip(steps: Int) {
        for lane in 0..<PhiloxGenerator.lanesPerSuperblock {
            var state = state(of: lane)
            for _ in 0..<2 * steps { _ = state.next() }
            store(state, lane: lane)
        }
        step += steps
    }

    /// Writes the values of the next `steps` pair steps (at most `32 - step`) to
    /// `out[0 ..< 16 steps]`: per step, the lanes' first normals, then their second normals.
    @inline(__always)
    mutating func write(steps: Int, to out: UnsafeMutablePointer<Float>, vectorized: Bool) {
        step += steps
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        if vectorized {
            // The lane states stay in registers for the whole run.
            var lowLanes = XoshiroVector(low), highLanes = XoshiroVector(high)
            var o = out
            for _ in 0..<steps {
                let low1 = lowLanes.next(), high1 = highLanes.next()
                let low2 = lowLanes.next(), high2 = highLanes.next()
                let (lowX, lowY) = SSEPair.transform(low1, low2)
                let (highX, highY) = SSEPair.transform(high1, high2)
                _mm_storeu_ps(o, lowX)
                _mm_storeu_ps(o + 4, highX)
                _mm_storeu_ps(o + 8, lowY)
                _mm_storeu_ps(o + 12, highY)
                o += 16
            }
            (low, high) = (lowLanes.quad, highLanes.quad)
            return
        }
        #endif
        for lane in 0..<PhiloxGenerator.lanesPerSuperblock {
            var state = state(of: lane)
            for k in 0..<steps {
                let w1 = state.next(), w2 = state.next()
                let pair = PhiloxGenerator.gaussianPair(w1, w2)
                out[PhiloxGenerator.valuesPerStep * k + lane] = pair.x
                out[PhiloxGenerator.valuesPerStep * k + PhiloxGenerator.lanesPerSuperblock + lane] = pair.y
            }
            store(state, lane: lane)
        }
    }

    private func state(of lane: Int) -> XoshiroLane {
        let quad = lane < 4 ? low : high, l = lane & 3
        return XoshiroLane(state: (quad.s0[l], quad.s1[l], quad.s2[l], quad.s3[l]))
    }

    private mutating func store(_ state: XoshiroLane, lane: Int) {
        let l = lane & 3
        if lane < 4 {
            (low.s0[l], low.s1[l], low.s2[l], low.s3[l]) = (state.s0, state.s1, state.s2, state.s3)
        } else {
            (high.s0[l], high.s1[l], high.s2[l], high.s3[l]) = (state.s0, state.s1, state.s2, state.s3)
        }
    }
}

/// The four state words of four xoshiro128+ lanes, one vector per word.
struct LaneQuad {
    var s0, s1, s2, s3: SIMD4<UInt32>

    init(s0: SIMD4<UInt32>, s1: SIMD4<UInt32>, s2: SIMD4<UInt32>, s3: SIMD4<UInt32>) {
        (self.s0, self.s1, self.s2, self.s3) = (s0, s1, s2, s3)
    }

    /// The states `words`, with an all-zero lane made (1, 0, 0, 0) as in ``XoshiroLane``.
    init(nonZero words: (SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>)) {
        let (s0, s1, s2, s3) = words
        let allZero = (s0 | s1 | s2 | s3) .== 0
        self.init(s0: s0.replacing(with: s0 | 1, where: allZero), s1: s1, s2: s2, s3: s3)
    }
}
