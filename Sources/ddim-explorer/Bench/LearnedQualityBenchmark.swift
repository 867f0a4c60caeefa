import DDIM
import Foundation
import Learned
import ToyWorld

/// The learned model's quality check (issue 9): trains the default ``ToyMLP`` with the default
/// ``TrainingOptions`` on a built-in dataset, then samples it and the exact denoiser with the same
/// settings (50 steps, eta 0, `count` points, seeds 0, 1, 2) and compares their MMD against fresh
/// data samples. Reports the training time as a row and the MMDs as notes.
///
/// ```swift
/// let (rows, notes) = try LearnedQualityBenchmark(dataset: .twoMoons).run()
/// ```
struct LearnedQualityBenchmark {
    var dataset: DatasetKind
    var options = TrainingOptions()
    var count = 2_000
    var seeds: [UInt64] = [0, 1, 2]
    var steps = 50

    func run() throws -> (rows: [BenchRow], notes: [String]) {
        let configuration = RunSettings.defaultConfiguration
        let cpuStart = BenchTimer.processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let trainer = try Trainer(dataset: .builtin(dataset), scheduler: DDIMScheduler(configuration: configuration), options: options)
        trainer.train()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = BenchTimer.processCPUSeconds() - cpuStart
        let denoiser = LearnedDenoiser(network: trainer.network, predictionType: options.predictionType)
        var learned = [Float](), exact = [Float](), floors = [Float]()
        for seed in seeds {
            let settings = RunSettings(dataset: dataset, count: count, seed: seed, configuration: configuration, steps: steps, eta: 0)
            let reference = SampleQuality.Reference(dataset: .builtin(dataset), count: count, seed: seed &+ 1_000)
            var learnedChain = try SamplingChain(settings: settings, denoiser: denoiser)
            try learnedChain.runToEnd()
            var exactChain = try SamplingChain(settings: settings)
            try exactChain.runToEnd()
            learned.append(reference.evaluate(learnedChain.current).mmd)
            exact.append(reference.evaluate(exactChain.current).mmd)
            floors.append(reference.noiseFloor)
        }
        let mean = { (values: [Float]) in values.reduce(0, +) / Float(values.count) }
        let timing = BenchTimer.Timing(medianSeconds: seconds, minimumSeconds: seconds, medianCPUSeconds: cpuSeconds,
                                       runsPerSample: 1, checksum: Double(trainer.recentLoss))
        var row = BenchRow(group: "learned-training-run",
                           name: "train ToyMLP on \(dataset.rawValue): \(options.steps) steps, batch \(options.batch)",
                           size: options.batch, timing: timing, target: "< 60 s")
        row.itemsPerSecond = Double(options.steps) / seconds
        let format = { (value: Float) in String(format: "%.2f", 100 * value) }
        let notes = [
            "quality on \(dataset.rawValue) (\(count) points, \(steps) steps, eta 0, mean of seeds "
                + seeds.map(String.init).joined(separator: ", ") + "): MMD x 100 learned \(format(mean(learned)))"
                + " (" + learned.map(format).joined(separator: ", ") + "), exact \(format(mean(exact)))"
                + " (" + exact.map(format).joined(separator: ", ") + "), noise floor \(format(mean(floors)));"
                + String(format: " learned / exact = %.2f (target < 2); final loss %.4f, %.1f s of training",
                         mean(learned) / mean(exact), trainer.recentLoss, seconds),
        ]
        return ([row], notes)
    }
}
