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
