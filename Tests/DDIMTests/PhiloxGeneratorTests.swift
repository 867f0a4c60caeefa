import Testing
@testable import DDIM

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

    @Test func polynomialsMatchLibraryFunctions() {
        for x in stride(from: Float(1e-7), through: 1, by: 0.0137) {
            let expected = Float(Foundation.log(Double(x)))
            #expect(abs(PhiloxGenerator.polyLog(x) - expected) <= 2e-7 * max(1, abs(expected)))
        }
        for t in stride(from: Float(0), through: 1, by: 0.0071) {
            let (s, c) = PhiloxGenerator.polySinCosTurns(t)
            #expect(abs(s - Float(Foundation.sin(2 * Double.pi * Double(t)))) < 3e-7)
            #expect(abs(c - Float(Foundation.cos(2 * Double.pi * Double(t)))) < 3e-7)
        }
    }

    private func pow4(_ x: Double) -> Double { x * x * x * x }
}

import Foundation

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

    @Test func largeFillEqualsScalarDefinitionBitForBit() {
        let generator = PhiloxGenerator(seed: 2024, stream: 1)
        let count = 200_003
        var filled = [Float](repeating: .nan, count: count)
        filled.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: 7, vectorized: true) }
        var mismatches = 0
        for i in 0..<count where filled[i].bitPattern != generator.normal(at: 7 + UInt64(i)).bitPattern {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test func vectorKernelsEqualScalarKernelsOnEdgeInputs() {
        // Uniforms at and near the ends of (0, 1), the log's mantissa threshold and the
        // quarter-turn boundaries (where round-to-even decides the quadrant).
        var inputs: [Float] = [0x1p-24, 0x3p-24, 0.5, 0.125, 0.375, 0.625, 0.875, 1 - 0x1p-24, 1 - 0x3p-24,
                               1.41421356 / 2, (1.41421356 as Float).nextUp / 2, (1.41421356 as Float).nextDown / 2]
        inputs += (1..<200).map { Float($0) / 200 }
        while inputs.count % 8 != 0 { inputs.append(0.3) }
        for chunk in stride(from: 0, to: inputs.count, by: 8) {
            let lanes = SIMD8<Float>(inputs[chunk..<chunk + 8])
            let log = PhiloxGenerator.polyLog(lanes)
            let (sine, cosine) = PhiloxGenerator.polySinCosTurns(lanes)
            for lane in 0..<8 {
                let x = inputs[chunk + lane]
                #expect(log[lane].bitPattern == PhiloxGenerator.polyLog(x).bitPattern, "log \(x)")
                let scalar = PhiloxGenerator.polySinCosTurns(x)
                #expect(sine[lane].bitPattern == scalar.0.bitPattern, "sin \(x)")
                #expect(cosine[lane].bitPattern == scalar.1.bitPattern, "cos \(x)")
            }
        }
    }
}
