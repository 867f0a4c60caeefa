import Foundation
import Testing
@testable import DDIM
#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

@Suite struct PhiloxGeneratorTests {
    @Test func streamDoesNotDependOnChunking() {
        var whole = PhiloxGenerator(seed: 11)
        let all = whole.normals(count: 103)
        var chunked = PhiloxGenerator(seed: 11)
        var pieces: [Float] = []
        for size in [1, 2, 5, 3, 17, 40, 35] { pieces += chunked.normals(count: size) }
        #expect(pieces == all)
        #expect(whole.position == 103)
        let g = PhiloxGenerator(seed: 11)
        for i in [0, 1, 2, 3, 4, 50, 102] { #expect(g.normal(at: UInt64(i)) == all[i]) }
    }

    @Test func seedsAndStreamsDiffer() {
        #expect(PhiloxGenerator(seed: 1).normal(at: 0) != PhiloxGenerator(seed: 2).normal(at: 0))
        #expect(PhiloxGenerator(seed: 1).normal(at: 0) != PhiloxGenerator(seed: 1, stream: 1).normal(at: 0))
    }

    @Test func momentsAreStandardNormal() {
        var g = PhiloxGenerator(seed: 3)
        let z = g.normals(count: 200_000).map(Double.init)
        let mean = z.reduce(0, +) / Double(z.count)
        let variance = z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(z.count)
        let kurtosis = z.map { pow4($0 - mean) }.reduce(0, +) / Double(z.count) / (variance * variance)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
        #expect(abs(kurtosis - 3) < 0.05)
        #expect(z.allSatisfy { $0.isFinite })
    }

    @Test func uniformsAreInOpenUnitInterval() {
        var g = PhiloxGenerator(seed: 5)
        let u = (0..<100_000).map { _ in g.nextUniform() }
        #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
        let mean = u.reduce(0, +) / Float(u.count)
        #expect(abs(mean - 0.5) < 0.005)
    }

    @Test func distributionMatchesTheStandardNormalCDF() {
        var g = PhiloxGenerator(seed: 9, stream: 2)
        let z = g.normals(count: 262_144)
        // Kolmogorov-Smirnov distance at a grid of points (the 1% critical value is 1.63/sqrt(n) = 0.0032).
        let sorted = z.sorted()
        var worst = 0.0
        for x in stride(from: -4.0, through: 4.0, by: 0.05) {
            var below = 0, above = sorted.count       // binary search: the first value >= x
            while below < above {
                let middle = (below + above) / 2
                if Double(sorted[middle]) < x { below = middle + 1 } else { above = middle }
            }
            let cdf = 0.5 * (1 + erf(x / 2.0.squareRoot()))
            worst = max(worst, abs(Double(below) / Double(z.count) - cdf))
        }
        #expect(worst < 0.0032)
        // Tails: P(|z| > 3) = 0.0026998, P(|z| > 4) = 6.3e-5.
        let beyond3 = Double(z.filter { abs($0) > 3 }.count) / Double(z.count)
        #expect(abs(beyond3 - 0.0026998) < 0.0006)
        #expect(z.allSatisfy { abs($0) < 5.8 })
    }

    @Test func pairsAreUncorrelatedAndLanesIndependent() {
        // Within a superblock, value 16j + lane and 16j + 8 + lane are one Box–Muller pair; lanes
        // of a pair step come from different xoshiro states. Both correlations must vanish.
        var g = PhiloxGenerator(seed: 4)
        let z = g.normals(count: 512 * 400).map(Double.init)
        var pair = 0.0, neighbours = 0.0, count = 0.0
        for base in stride(from: 0, to: z.count, by: 16) {
            for lane in 0..<8 {
                pair += z[base + lane] * z[base + 8 + lane]
                if lane < 7 { neighbours += z[base + lane] * z[base + lane + 1] }
            }
            count += 1
        }
        #expect(abs(pair / (8 * count)) < 0.01)
        #expect(abs(neighbours / (7 * count)) < 0.01)
        // Squares are uncorrelated too (a Box–Muller pair shares its radius; the two squares'
        // correlation is 0 for a true normal pair).
        var squares = 0.0
        for base in stride(from: 0, to: z.count, by: 16) {
            for lane in 0..<8 { squares += (z[base + lane] * z[base + lane] - 1) * (z[base + 8 + lane] * z[base + 8 + lane] - 1) }
        }
        #expect(abs(squares / (8 * count) / 2) < 0.02)
    }

    @Test func radiusMatchesTheLogarithmForEveryExponent() {
        // Each top-23-bit pattern k gives u = (2k+1)/2^24; check a spread including both ends and
        // the mantissa fold at sqrt(2).
        var patterns: [UInt32] = [0, 1, 2, 3, 0x7F_FFFF, 0x7F_FFFE, 0x3504F3 >> 1, 0x3504F3 >> 1 + 1, 0x40_0000]
        patterns += stride(from: UInt32(0), to: 0x80_0000, by: 9_973)
        for k in patterns {
            let u = (2 * Double(k) + 1) / 0x1p24
            let expected = -2 * Foundation.log(u)
            let got = Double(PhiloxGenerator.radiusSquared(k << 9))
            #expect(abs(got - expected) <= 3e-7 * expected, "k \(k)")
        }
    }

    @Test func pairTransformUsesItsBitsAsDocumented() {
        let w1: UInt32 = 0x8000_0000, w2: UInt32 = 0x4000_0000      // u = 1/2 + 2^-24; angle: u = 1/8, pi/16
        let base = PhiloxGenerator.gaussianPair(w1, w2)
        let r = Double(PhiloxGenerator.radiusSquared(w1)).squareRoot()
        #expect(abs(Double(base.x) - r * Foundation.cos(Double.pi / 16)) < 3e-7)
        #expect(abs(Double(base.y) - r * Foundation.sin(Double.pi / 16)) < 3e-7)
        let swapped = PhiloxGenerator.gaussianPair(w1, w2 | 1 << 9)
        #expect(swapped.x == base.y && swapped.y == base.x)
        let signs = PhiloxGenerator.gaussianPair(w1 | 1 << 8, w2 | 1 << 8)
        #expect(signs.x == -base.x && signs.y == -base.y)
        // Bits below 8 are never used.
        let low = PhiloxGenerator.gaussianPair(w1 | 0xFF, w2 | 0xFF)
        #expect(low.x == base.x && low.y == base.y)
    }

    private func pow4(_ x: Double) -> Double { x * x * x * x }
}

/// The vectorized `fillNormals(_:startingAt:)` must give exactly the bits of the scalar
/// definition `normal(at:)`, whatever the start, length, seed or stream.
@Suite struct PhiloxVectorizedFillTests {
    static let generators: [PhiloxGenerator] = [
        PhiloxGenerator(seed: 0),
        PhiloxGenerator(seed: 42, stream: 3),
        PhiloxGenerator(seed: 0xDEAD_BEEF_0123_4567, stream: 0xFFFF_FFFF),
    ]

    @Test(arguments: generators)
    func fillEqualsScalarDefinitionOverRangesAndOffsets(_ generator: PhiloxGenerator) {
        let starts: [UInt64] = [0, 1, 2, 3, 4, 5, 31, 32, 33, 127, 1_000_003,
                                (1 << 34) - 70, (1 << 34) - 3, UInt64.max - 200]
        let lengths = [0, 1, 3, 4, 5, 31, 32, 33, 64, 95, 130, 257]
        for start in starts {
            for length in lengths {
                var filled = [Float](repeating: .nan, count: length)
                filled.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: start, vectorized: true) }
                let scalar = (0..<length).map { generator.normal(at: start &+ UInt64($0)) }
                #expect(filled.map(\.bitPattern) == scalar.map(\.bitPattern), "start \(start), length \(length)")
            }
        }
    }

    @Test func largeFillEqualsScalarPathBitForBit() {
        let generator = PhiloxGenerator(seed: 2024, stream: 1)
        let count = 200_003
        var vector = [Float](repeating: .nan, count: count), scalar = vector
        vector.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: 7, vectorized: true) }
        scalar.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: 7, vectorized: false) }
        #expect(vector.map(\.bitPattern) == scalar.map(\.bitPattern))
        for i in stride(from: 0, to: count, by: 997) {
            #expect(vector[i].bitPattern == generator.normal(at: 7 + UInt64(i)).bitPattern, "value \(i)")
        }
    }

    @Test func readerInUnevenPiecesEqualsOneFill() {
        let generator = PhiloxGenerator(seed: 77)
        let total = 3_000
        var whole = [Float](repeating: .nan, count: total)
        whole.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: 300, vectorized: true) }
        var pieces = [Float](repeating: .nan, count: total)
        var reader = NormalReader(generator: generator, startingAt: 300, vectorized: true)
        pieces.withUnsafeMutableBufferPointer { out in
            var done = 0
            for size in [1, 211, 512, 1, 700, 15, 16, 17, 1024, 13] {
                reader.read(into: out.baseAddress! + done, count: size)
                done += size
            }
            reader.read(into: out.baseAddress! + done, count: total - done)
        }
        #expect(reader.index == 300 + UInt64(total))
        #expect(pieces.map(\.bitPattern) == whole.map(\.bitPattern))
    }

    #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
    @Test func vectorPairEqualsScalarPairOnEdgeWords() {
        // Words at the ends of the radius range, around the sqrt(2) fold, the octant ends, and
        // with the swap and sign bits in every combination.
        var words: [UInt32] = [0, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, 0x1FF, 0x100, 0x200, 0x300,
                               0x3504F3 << 8, (0x3504F3 << 8) &+ 0x200, (0x3504F3 << 8) &- 0x200, 0xFFFF_FC00]
        var state = XoshiroLane(1, 2, 3, 4)
        words += (0..<200).map { _ in state.next() }
        while words.count % 4 != 0 { words.append(0x1234_5678) }
        for first in stride(from: 0, to: words.count, by: 4) {
            let w1 = SIMD4<UInt32>(words[first..<first + 4])
            let w2 = SIMD4<UInt32>(words[first..<first + 4].reversed())
            let (x, y) = SSEPair.transform(unsafeBitCast(w1, to: __m128i.self), unsafeBitCast(w2, to: __m128i.self))
            let xs: SIMD4<Float> = x, ys: SIMD4<Float> = y
            for lane in 0..<4 {
                let scalar = PhiloxGenerator.gaussianPair(w1[lane], w2[lane])
                #expect(xs[lane].bitPattern == scalar.x.bitPattern, "x for \(w1[lane]), \(w2[lane])")
                #expect(ys[lane].bitPattern == scalar.y.bitPattern, "y for \(w1[lane]), \(w2[lane])")
            }
        }
    }
    #endif

    @Test func allZeroLaneStateStillMoves() {
        var lane = XoshiroLane(0, 0, 0, 0)
        let outputs = (0..<8).map { _ in lane.next() }
        #expect(outputs.contains { $0 != 0 })
    }
}
