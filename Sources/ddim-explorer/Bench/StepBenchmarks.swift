import DDIM

/// DDIMScheduler.step on N two-dimensional points at eta = 0 and eta = 1 (noise from a
/// ``PhiloxGenerator`` inside the fused pass), each beside the memory-traffic bound of the
/// same N measured in the same process.
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
                var noise = PhiloxGenerator(seed: 2)
                let timing = try timer.measure {
                    let out = try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample,
                                                 eta: eta, generator: &noise)
                    return out.prevSample.values[size / 2] + out.predOriginalSample.values[size - 1]
                }
                var row = BenchRow(group: "step", name: "DDIMScheduler.step", size: size, eta: eta, timing: timing,
                                   target: size == 1_000_000 ? (eta == 0 ? "≤ 1.5× bound" : "≤ 2.5× bound") : nil)
                row.compare(toBoundMilliseconds: boundRow.medianMilliseconds)
                rows.append(row)
            }
        }
        return rows
    }
}
