import Foundation
import Testing
import ToyWorld

/// Benchmarks, not timed tests: they only run with `TOYWORLD_BENCH=1` and print their timings.
///
///     TOYWORLD_BENCH=1 swift test -c release --filter ToyWorldBenchmarks
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TOYWORLD_BENCH"] == "1"))
struct ToyWorldBenchmarks {
    /// Best wall time of `repeats` runs, in milliseconds.
    static func bestTime(repeats: Int, _ body: () -> Float) -> (milliseconds: Double, check: Float) {
        var best = Double.infinity
        var check: Float = 0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            check += body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return (best, check)
    }

    @Test func kernelDensityDenoiser10kAgainst2k() throws {
        let dataset = Dataset.builtin(.twoMoons)
        let denoiser = try KernelDensityDenoiser(references: dataset.referencePoints, bandwidth: 0.06)
        var g = PhiloxGenerator(seed: 1)
        let x = SampleBatch.randomNormal(count: 10_000, dimension: 2, using: &g)
        for alphaProduct: Float in [0.0, 0.5, 0.99, 0.9999] {
            let r = Self.bestTime(repeats: 10) {
                denoiser.modelOutput(for: x, alphaProduct: alphaProduct, predictionType: .epsilon).values[0]
            }
            print("BENCH kde 10000x2000 alpha-bar \(alphaProduct): \(String(format: "%.2f", r.milliseconds)) ms (check \(r.check))")
        }
    }

    @Test func mixtureDenoiser10k() {
        for kind in [DatasetKind.eightGaussians, .grid, .pinwheel] {
            let denoiser = Dataset.builtin(kind).exactDenoiser(bandwidth: nil)
            var g = PhiloxGenerator(seed: 1)
            let x = SampleBatch.randomNormal(count: 10_000, dimension: 2, using: &g)
            let r = Self.bestTime(repeats: 10) {
                denoiser.modelOutput(for: x, alphaProduct: 0.5, predictionType: .epsilon).values[0]
            }
            print("BENCH gmm \(kind.rawValue) 10000 points: \(String(format: "%.3f", r.milliseconds)) ms (check \(r.check))")
        }
    }
}
