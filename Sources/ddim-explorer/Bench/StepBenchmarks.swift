import DDIM

/// DDIMScheduler.step on N two-dimensional points at eta = 0 and eta = 1 (noise from a
/// ``PhiloxGenerator`` inside the fused pass), both the call that returns new arrays and the
/// `into:` form that reuses one output, each beside the memory-traffic bound of the same N
/// measured in the same process (and the same pass writing into newly allocated arrays).
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
            var freshRow = BenchRow(group: "memory", name: "memory bound, into new output arrays",
                                    size: size, timing: timer.measure { bound.runIntoFreshArrays() })
            freshRow.compare(toBoundMilliseconds: boundRow.medianMilliseconds)
            rows.append(freshRow)

            for eta: Float in [0, 1] {
                // The API that returns new arrays (allocates two outputs per call).
                var noise = PhiloxGenerator(seed: 2)
                let returning = try timer.measure {
                    let out = try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample,
                                                 eta: eta, generator: &noise)
                    return out.prevSample.values[size / 2] + out.predOriginalSample.values[size - 1]
                }
                var row = BenchRow(group: "step", name: "DDIMScheduler.step (new outputs)", size: size, eta: eta,
                                   timing: returning)
                row.compare(toBoundMilliseconds: boundRow.medianMilliseconds)
                rows.append(row)

                // The loop form: one output reused across steps, as a sampling loop keeps it. Its
                // samples alternate with samples of the bound, and its ratio is the median of the
                // per-pair ratios (both sides of a pair saw the machine in the same state).
                var reusedNoise = PhiloxGenerator(seed: 2)
                var output = SchedulerOutput.empty
                let paired = try timer.measurePaired(reference: { bound.run() }, candidate: {
                    try scheduler.step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                                       generator: &reusedNoise, into: &output)
                    return output.prevSample.values[size / 2] + output.predOriginalSample.values[size - 1]
                })
                var reusedRow = BenchRow(group: "step", name: "DDIMScheduler.step(into:) (reused outputs)", size: size,
                                         eta: eta, timing: paired.candidate,
                                         target: size == 1_000_000 ? (eta == 0 ? "≤ 1.5× bound, ≥ 3× diffusers" : "≤ 2.5× bound, ≥ 3× diffusers") : nil)
                reusedRow.compare(toBoundMilliseconds: paired.reference.medianSeconds * 1e3, ratio: paired.medianRatio)
                rows.append(reusedRow)
            }
        }
        return rows
    }
}
