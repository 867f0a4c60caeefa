import DDIM

/// DDIMScheduler.step on N two-dimensional points at eta = 0 and eta = 1 (noise from a
/// ``PhiloxGenerator`` inside the fused pass), both the call that returns new arrays and the
/// `into:` form that reuses one output, each beside the memory-traffic bound of the same N
/// measured in the same process: both step forms are timed in samples paired with samples of the bound.
///
/// ```swift
/// let rows = try StepBenchmarks(sizes: [1_000, 10_000], threads: 2).run(timer: timer)
/// ```
struct StepBenchmarks {
    var sizes: [Int]
    var threads: Int
    /// Inference steps the scheduler is set to; the timed step is the middle one.
    var inferenceSteps = 50

    func run(timer: BenchTimer) throws -> [BenchRow] {
        var scheduler = try DDIMScheduler(configuration: DDIMConfiguration())
        try scheduler.setTimesteps(inferenceSteps)
        scheduler.maximumThreads = threads
        let timestep = scheduler.timesteps[scheduler.timesteps.count / 2]
        var rows: [BenchRow] = []
        for size in sizes {
            var inputs = PhiloxGenerator(seed: 1, stream: 7)
            let sample = SampleBatch.randomNormal(count: size, dimension: 2, using: &inputs)
            let modelOutput = SampleBatch.randomNormal(count: size, dimension: 2, using: &inputs)

            let bound = MemoryBound(count: size * 2, threads: threads)
            var boundRow = BenchRow(group: "memory", name: "memory bound: read 2 + write 2 arrays",
                                    size: size, timing: timer.measure { bound.run() })
            boundRow.compare(toBoundMilliseconds: boundRow.medianMilliseconds)
            rows.append(boundRow)

            for eta: Float in [0, 1] {
                let target = size == 1_000_000 ? (eta == 0 ? "≤ 1.5× bound, ≥ 3× diffusers" : "≤ 2.5× bound, ≥ 3× diffusers") : nil
                // The form that returns new arrays (the caller drops the previous output, as
                // `x = step(...).prevSample` does), then the loop form that keeps one output.
                // Each alternates with samples of the bound; its ratio is the median of the
                // per-pair ratios (both sides of a pair saw the machine in the same state).
                var noise = PhiloxGenerator(seed: 2)
                let returning = try timer.measurePaired(reference: { bound.run() }, candidate: {
                    let out = try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample,
                                                 eta: eta, noise: .drawn(from: &noise, like: sample))
                    return out.prevSample.values[size / 2] + out.predOriginalSample.values[size - 1]
                })
                rows.append(Self.row("DDIMScheduler.step (new outputs)", size: size, eta: eta, paired: returning,
                                     target: target))

                var reusedNoise = PhiloxGenerator(seed: 2)
                var output = SchedulerOutput.empty
                let reused = try timer.measurePaired(reference: { bound.run() }, candidate: {
                    try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                                       noise: .drawn(from: &reusedNoise, like: sample), into: &output)
                    return output.prevSample.values[size / 2] + output.predOriginalSample.values[size - 1]
                })
                rows.append(Self.row("DDIMScheduler.step(into:) (reused outputs)", size: size, eta: eta, paired: reused,
                                     target: target))
            }
        }
        return rows
    }

    private static func row(_ name: String, size: Int, eta: Float, paired: BenchTimer.PairedTiming,
                            target: String?) -> BenchRow {
        var row = BenchRow(group: "step", name: name, size: size, eta: eta, timing: paired.candidate, target: target)
        row.compare(toBoundMilliseconds: paired.reference.medianSeconds * 1e3, ratio: paired.medianRatio)
        return row
    }
}
