import Dispatch

/// One DDIM update applied element by element in a single fused pass over the batch:
///
///     x̂₀ = from (x, model output) by prediction type, then clipped or thresholded
///     ε̂  = from (x, model output), or re-derived from the clipped x̂₀
///     x' = x0Coefficient · x̂₀ + directionCoefficient · ε̂ (+ noiseScale · z)
///
/// The arithmetic follows diffusers' tensor expressions operation by operation in float32, so the
/// results equal diffusers' to rounding (usually bit for bit). Work is split by rows across cores
/// above ``parallelThreshold`` elements; each element's value does not depend on the split.
///
/// ```swift
/// var output = SchedulerOutput.empty
/// kernel.run(sample: x, modelOutput: eps, noise: .none, threads: 2, into: &output)
/// ```
struct StepKernel: Sendable {
    var prediction: PredictionType
    var bounding: SampleBounding
    var useClippedModelOutput: Bool
    /// alpha_prod_t ** 0.5
    var sqrtAlpha: Float
    /// beta_prod_t ** 0.5
    var sqrtBeta: Float
    /// alpha_prod_t_prev ** 0.5
    var x0Coefficient: Float
    /// (1 - alpha_prod_t_prev - std_dev_t**2) ** 0.5
    var directionCoefficient: Float
    /// The std of the added noise (used only when noise is given).
    var noiseScale: Float

    /// Elements below which the pass runs on the calling thread: memory-bound passes need more
    /// work to pay for waking threads than passes that generate their noise.
    static let parallelThreshold = 1 << 15
    static let parallelThresholdWithGeneratedNoise = 1 << 13
    /// Chunks per thread for the multi-threaded pass (load balancing), and the smallest chunk.
    static let chunksPerThread = 8
    static let minimumChunkElements = 1 << 12

    /// Runs the pass writing into `output`, reusing its storage when it is uniquely held and of
    /// the right size (no allocation, no page faults: the fast path for repeated steps).
    func run(sample: SampleBatch, modelOutput: SampleBatch, noise: StepNoise, threads: Int,
             into output: inout SchedulerOutput) {
        let rows = sample.count, dimension = sample.dimension
        let total = rows * dimension
        var prevValues = Self.storage(taking: &output.prevSample, count: total)
        var x0Values = Self.storage(taking: &output.predOriginalSample, count: total)
        if total > 0 {
            var noiseValues: [Float]?, generator: PhiloxGenerator?
            switch noise.source {
            case .none: break
            case .values(let z): noiseValues = z.values
            case .philox(let g): generator = g
            }
            Self.withArrays(x: sample.values, e: modelOutput.values, z: noiseValues, prev: &prevValues, x0: &x0Values) {
                runChunks(rows: rows, dimension: dimension, threads: threads, arrays: $0, generator: generator)
            }
        }
        output.prevSample = SampleBatch(count: rows, dimension: dimension, values: prevValues)
        output.predOriginalSample = SampleBatch(count: rows, dimension: dimension, values: x0Values)
    }

    /// The values array of `batch`, moved out (so it stays uniquely referenced) if it has `count`
    /// elements, else a new uninitialized array of `count` elements; the pass overwrites all of it.
    /// New arrays come from the heap that ``HeapRecycling`` keeps (see there).
    private static func storage(taking batch: inout SampleBatch, count: Int) -> [Float] {
        var values: [Float] = []
        swap(&values, &batch.values)
        if values.count == count { return values }
        HeapRecycling.prepare(forElements: count)
        return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Calls `body` with the base pointers of the pass's arrays (all `prev.count` long, non-empty).
    private static func withArrays(x: [Float], e: [Float], z: [Float]?, prev: inout [Float], x0: inout [Float],
                                   _ body: (ElementArrays) -> Void) {
        let count = prev.count
        prev.withUnsafeMutableBufferPointer { prev in
            x0.withUnsafeMutableBufferPointer { x0 in
                x.withUnsafeBufferPointer { x in
                    e.withUnsafeBufferPointer { e in
                        withOptionalPointer(z) { z in
                            guard let x = x.baseAddress, let e = e.baseAddress,
                                  let prev = prev.baseAddress, let x0 = x0.baseAddress else { return }
                            body(ElementArrays(x: x, e: e, z: z, prev: prev, x0: x0, count: count))
                        }
                    }
                }
            }
        }
    }

    private static func withOptionalPointer(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> Void) {
        guard let values else { return body(nil) }
        values.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    private func runChunks(rows: Int, dimension: Int, threads: Int, arrays: ElementArrays, generator: PhiloxGenerator?) {
        let threshold = generator != nil ? Self.parallelThresholdWithGeneratedNoise : Self.parallelThreshold
        // Several chunks per thread, taken dynamically by concurrentPerform: a worker thread that
        // starts late (its core busy with another process) takes fewer chunks instead of holding
        // up a whole static share. Each element's value does not depend on the split.
        let total = arrays.count
        let chunks = total >= threshold && threads > 1
            ? max(1, min(threads * Self.chunksPerThread, rows, total / Self.minimumChunkElements)) : 1
        if chunks == 1 {
            return runRows(0..<rows, dimension: dimension, arrays: arrays, generator: generator)
        }
        nonisolated(unsafe) let shared = arrays
        let kernel = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = Self.chunkBoundary(chunk, of: chunks, rows: rows)
            let upper = Self.chunkBoundary(chunk + 1, of: chunks, rows: rows)
            kernel.runRows(lower..<upper, dimension: dimension, arrays: shared, generator: generator)
        }
    }

    /// First row of chunk `chunk` of `chunks` (`rows` for `chunk == chunks`): inner boundaries are
    /// multiples of 16 rows. (Generated noise does not need them aligned: each chunk reads the
    /// stream from its own first element.)
    static func chunkBoundary(_ chunk: Int, of chunks: Int, rows: Int) -> Int {
        chunk >= chunks ? rows : rows * chunk / chunks / 16 * 16
    }
}
