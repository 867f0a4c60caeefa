import DDIM
import ToyWorld

/// The exact denoisers and a whole sampling run (issue 3's performance budget):
/// one evaluation for `points` noisy points by the kernel-density denoiser over a 2,000-point
/// reference set (two moons) and by the eight-Gaussians mixture, then a 50-step DDIM sample of
/// `points` points on eight Gaussians (eta = 0, default scheduler, initial noise included).
///
/// ```swift
/// let rows = try ToyWorldBenchmarks(points: 10_000).run(timer: timer)
/// ```
struct ToyWorldBenchmarks {
    var points: Int
    var steps = 50
    /// Whether the targets of the issue apply (full-size runs only).
    var showTargets = true

    func run(timer: BenchTimer) throws -> [BenchRow] {
        let scheduler = try DDIMScheduler(configuration: DDIMConfiguration())
        let alphaProduct = scheduler.alphaProduct(at: 480)
        var generator = PhiloxGenerator(seed: 5, stream: 9)
        let noisy = SampleBatch.randomNormal(count: points, dimension: 2, using: &generator)

        let moons = Dataset.builtin(.twoMoons)
        let kernelDensity = moons.exactDenoiser(bandwidth: nil)
        let references = moons.referencePoints.count
        let kdeTiming = timer.measure {
            let eps = kernelDensity.modelOutput(for: noisy, timestep: 480, alphaProduct: alphaProduct, predictionType: .epsilon)
            return eps.values[points / 2]
        }
        let mixture = Dataset.builtin(.eightGaussians).exactDenoiser(bandwidth: nil)
        let mixtureTiming = timer.measure {
            let eps = mixture.modelOutput(for: noisy, timestep: 480, alphaProduct: alphaProduct, predictionType: .epsilon)
            return eps.values[points / 2]
        }
        let settings = RunSettings(dataset: .eightGaussians, count: points, seed: 1, steps: steps)
        let sampleTiming = try timer.measure {
            var chain = try SamplingChain(settings: settings)
            try chain.runToEnd()
            return chain.current.values[points / 2]
        }
        return [
            BenchRow(group: "toyworld", name: "exact denoiser: kernel density, \(BenchReport.count(references)) references (two-moons)",
                     size: points, timing: kdeTiming, target: showTargets ? "< 15 ms" : nil),
            BenchRow(group: "toyworld", name: "exact denoiser: Gaussian mixture (eight-gaussians)",
                     size: points, timing: mixtureTiming),
            BenchRow(group: "toyworld", name: "\(steps)-step DDIM sample (eight-gaussians, exact denoiser)",
                     size: points, timing: sampleTiming, target: showTargets ? "< 50 ms" : nil),
        ]
    }
}
