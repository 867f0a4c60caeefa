import Dispatch
import Foundation

/// How the predicted x₀ is kept in range.
enum SampleBounding: Sendable, Equatable {
    case none
    /// Clamp to ±range (`clip_sample`).
    case clip(Float)
    /// Dynamic thresholding per row (`thresholding`).
    case threshold(ratio: Float, maxValue: Float)
}

/// Where the noise of a stochastic step comes from.
enum StepNoise {
    case none
    /// A noise batch of the sample's shape, already drawn.
    case values([Float])
    /// Counter-based normals produced inside the pass: element i gets `generator.normal(at: position + i)`.
    case philox(PhiloxGenerator)
}

/// One DDIM update applied element by element in a single fused pass over the batch:
///
///     x̂₀ = from (x, model output) by prediction type, then clipped or thresholded
///     ε̂  = from (x, model output), or re-derived from the clipped x̂₀
///     x' = x0Coefficient · x̂₀ + directionCoefficient · ε̂ (+ noiseScale · z)
///
/// The arithmetic follows diffusers' tensor expressions operation by operation in float32, so the
/// results equal diffusers' to rounding (usually bit for bit). Work is split by rows across cores
/// above ``parallelThreshold`` elements; each element's value does not depend on the split.
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
    /// Elements per block: noise is generated into a stack buffer of this size.
    static let blockElements = 512
    /// Elements per block when the pass generates its noise: a few pair steps of noise between
    /// stretches of the arrays, so the arithmetic overlaps the memory traffic.
    static let generatedNoiseBlockElements = 64

    /// Runs the pass over `sample` and `modelOutput` (same shape) using at most `threads` threads.
    func run(sample: SampleBatch, modelOutput: SampleBatch, noise: StepNoise, threads: Int) -> SchedulerOutput {
        var output = SchedulerOutput.empty
        run(sample: sample, modelOutput: modelOutput, noise: noise, threads: threads, into: &output)
        return output
    }

    /// Runs the pass writing into `output`, reusing its storage when it is uniquely held and of
    /// the right size (no allocation, no page faults: the fast path for repeated steps).
    func run(sample: SampleBatch, modelOutput: SampleBatch, noise: StepNoise, threads: Int,
             into output: inout SchedulerOutput) {
        let rows = sample.count, dimension = sample.dimension
        let total = rows * dimension
        var prevValues = Self.storage(taking: &output.prevSample, count: total)
        var x0Values = Self.storage(taking: &output.predOriginalSample, count: total)
        if total > 0 {
            prevValues.withUnsafeMutableBufferPointer { prevBuffer in
                x0Values.withUnsafeMutableBufferPointer { x0Buffer in
                    sample.values.withUnsafeBufferPointer { xBuffer in
                        modelOutput.values.withUnsafeBufferPointer { eBuffer in
                            withNoisePointer(noise) { zPointer in
                                runChunks(rows: rows, dimension: dimension, threads: threads,
                                          x: xBuffer.baseAddress!, e: eBuffer.baseAddress!, noise: noise, z: zPointer,
                                          prev: prevBuffer.baseAddress!, x0: x0Buffer.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        output.prevSample = SampleBatch(count: rows, dimension: dimension, values: prevValues)
        output.predOriginalSample = SampleBatch(count: rows, dimension: dimension, values: x0Values)
    }

    /// The values array of `batch`, moved out (so it stays uniquely referenced) if it has `count`
    /// elements, else a new uninitialized array of `count` elements; the pass overwrites all of it.
    private static func storage(taking batch: inout SampleBatch, count: Int) -> [Float] {
        var values: [Float] = []
        swap(&values, &batch.values)
        if values.count == count { return values }
        return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    private func withNoisePointer<R>(_ noise: StepNoise, _ body: (UnsafePointer<Float>?) -> R) -> R {
        if case .values(let values) = noise {
            return values.withUnsafeBufferPointer { body($0.baseAddress) }
        }
        return body(nil)
    }

    private func runChunks(rows: Int, dimension: Int, threads: Int,
                           x: UnsafePointer<Float>, e: UnsafePointer<Float>, noise: StepNoise, z: UnsafePointer<Float>?,
                           prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>) {
        let total = rows * dimension
        let generatesNoise: Bool = { if case .philox = noise { return true } else { return false } }()
        let threshold = generatesNoise ? Self.parallelThresholdWithGeneratedNoise : Self.parallelThreshold
        // Several chunks per thread, taken dynamically by concurrentPerform: a worker thread that
        // starts late (its core busy with another process) takes fewer chunks instead of holding
        // up a whole static share. Each element's value does not depend on the split.
        let chunks = total >= threshold && threads > 1
            ? max(1, min(threads * Self.chunksPerThread, rows, total / Self.minimumChunkElements)) : 1
        if chunks == 1 {
            runRows(0..<rows, dimension: dimension, x: x, e: e, noise: noise, z: z, prev: prev, x0: x0)
            return
        }
        nonisolated(unsafe) let (xs, es, zs, ps, x0s) = (x, e, z, prev, x0)
        let kernel = self
        let philox: PhiloxGenerator? = { if case .philox(let g) = noise { return g } else { return nil } }()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = Self.chunkBoundary(chunk, of: chunks, rows: rows)
            let upper = Self.chunkBoundary(chunk + 1, of: chunks, rows: rows)
            let chunkNoise: StepNoise = philox.map { .philox($0) } ?? .none
            kernel.runRows(lower..<upper, dimension: dimension, x: xs, e: es, noise: chunkNoise, z: zs, prev: ps, x0: x0s)
        }
    }

    /// First row of chunk `chunk` of `chunks` (`rows` for `chunk == chunks`): inner boundaries are
    /// multiples of 16 rows. (Generated noise does not need them aligned: each chunk reads the
    /// stream from its own first element.)
    static func chunkBoundary(_ chunk: Int, of chunks: Int, rows: Int) -> Int {
        chunk >= chunks ? rows : rows * chunk / chunks / 16 * 16
    }

    /// The pass over rows `rows`, block by block.
    private func runRows(_ rows: Range<Int>, dimension: Int,
                         x: UnsafePointer<Float>, e: UnsafePointer<Float>, noise: StepNoise, z: UnsafePointer<Float>?,
                         prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>) {
        var generator: PhiloxGenerator?
        if case .philox(let g) = noise { generator = g }
        let blockElements = generator == nil ? Self.blockElements : Self.generatedNoiseBlockElements
        let rowsPerBlock = max(1, blockElements / max(1, dimension))
        let capacity = rowsPerBlock * dimension
        withUnsafeTemporaryAllocation(of: Float.self, capacity: generator == nil ? 0 : capacity) { noiseScratch in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: isThresholding ? dimension : 0) { rowScratch in
                // One reader for the whole range: each superblock of noise is generated once.
                var reader = generator.map { g in
                    NormalReader(generator: g, startingAt: g.position &+ UInt64(rows.lowerBound * dimension))
                }
                var row = rows.lowerBound
                while row < rows.upperBound {
                    let blockRows = min(rowsPerBlock, rows.upperBound - row)
                    let start = row * dimension, count = blockRows * dimension
                    var blockNoise: UnsafePointer<Float>? = z.map { $0 + start }
                    if generator != nil, let noiseBlock = noiseScratch.baseAddress {
                        reader?.read(into: noiseBlock, count: count)
                        blockNoise = UnsafePointer(noiseBlock)
                    }
                    if case .threshold(let ratio, let maxValue) = bounding {
                        for r in 0..<blockRows {
                            let offset = start + r * dimension
                            thresholdRow(offset: offset, dimension: dimension, ratio: ratio, maxValue: maxValue,
                                         scratch: rowScratch, x: x, e: e,
                                         z: blockNoise.map { $0 + r * dimension }, prev: prev, x0: x0)
                        }
                    } else {
                        elementwise(start: start, count: count, x: x, e: e, z: blockNoise, prev: prev, x0: x0)
                    }
                    row += blockRows
                }
            }
        }
    }

    private var isThresholding: Bool {
        if case .threshold = bounding { return true } else { return false }
    }

    /// The clip / no-clip pass over `count` elements from `start`; `z` is already offset to `start`.
    ///
    /// Every combination of prediction type, clipping, re-derived epsilon and noise gets a loop of
    /// its own (the options are generic parameters): with run-time flags inside one loop the
    /// vectorizer computes both sides of each `if`, including a second division per element.
    private func elementwise(start: Int, count: Int, x: UnsafePointer<Float>, e: UnsafePointer<Float>, z: UnsafePointer<Float>?,
                             prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>) {
        let arrays = ElementArrays(x: x + start, e: e + start, z: z, prev: prev + start, x0: x0 + start, count: count)
        switch prediction {
        case .epsilon: clipping(EpsilonPrediction.self, arrays)
        case .sample: clipping(SamplePrediction.self, arrays)
        case .vPrediction: clipping(VelocityPrediction.self, arrays)
        }
    }

    @inline(__always)
    private func clipping<P: PredictionRule>(_ rule: P.Type, _ arrays: ElementArrays) {
        if case .clip(let range) = bounding {
            rederiving(P.self, Enabled.self, low: -range, high: range, arrays)
        } else {
            rederiving(P.self, Disabled.self, low: -.infinity, high: .infinity, arrays)
        }
    }

    @inline(__always)
    private func rederiving<P: PredictionRule, Clip: LoopOption>(_ rule: P.Type, _ clip: Clip.Type,
                                                                 low: Float, high: Float, _ arrays: ElementArrays) {
        if useClippedModelOutput {
            loop(P.self, Clip.self, Enabled.self, low: low, high: high, arrays)
        } else {
            loop(P.self, Clip.self, Disabled.self, low: low, high: high, arrays)
        }
    }

    @inline(__always)
    private func loop<P: PredictionRule, Clip: LoopOption, Rederive: LoopOption>(
        _ rule: P.Type, _ clip: Clip.Type, _ rederive: Rederive.Type, low: Float, high: Float, _ arrays: ElementArrays
    ) {
        let (sa, sb, c0, cd, cz) = (sqrtAlpha, sqrtBeta, x0Coefficient, directionCoefficient, noiseScale)
        let (x, e, prev, x0) = (arrays.x, arrays.e, arrays.prev, arrays.x0)
        if let z = arrays.z {
            for i in 0..<arrays.count {
                var (p0, eps) = P.split(x[i], e[i], sa, sb)
                if Clip.isOn { p0 = min(max(p0, low), high) }
                if Rederive.isOn { eps = (x[i] - sa * p0) / sb }
                x0[i] = p0
                prev[i] = (c0 * p0 + cd * eps) + cz * z[i]
            }
        } else {
            for i in 0..<arrays.count {
                var (p0, eps) = P.split(x[i], e[i], sa, sb)
                if Clip.isOn { p0 = min(max(p0, low), high) }
                if Rederive.isOn { eps = (x[i] - sa * p0) / sb }
                x0[i] = p0
                prev[i] = c0 * p0 + cd * eps
            }
        }
    }

    /// One row with dynamic thresholding: x̂₀ for the row, s = quantile(|x̂₀|, ratio) clamped to
    /// [1, maxValue], x̂₀ = clamp(x̂₀, −s, s) / s, then the rest of the update.
    private func thresholdRow(offset: Int, dimension: Int, ratio: Float, maxValue: Float,
                              scratch: UnsafeMutableBufferPointer<Float>,
                              x: UnsafePointer<Float>, e: UnsafePointer<Float>, z: UnsafePointer<Float>?,
                              prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>) {
        let x = x + offset, e = e + offset, prev = prev + offset, x0 = x0 + offset
        for i in 0..<dimension {
            let p0 = split(x[i], e[i]).x0
            x0[i] = p0
            scratch[i] = abs(p0)
        }
        let quantile = Self.torchQuantile(sortingInPlace: scratch, ratio: ratio)
        let s = min(max(quantile, 1), maxValue)
        for i in 0..<dimension {
            let p0 = min(max(x0[i], -s), s) / s
            var eps = split(x[i], e[i]).epsilon
            if useClippedModelOutput { eps = (x[i] - sqrtAlpha * p0) / sqrtBeta }
            x0[i] = p0
            var value = x0Coefficient * p0 + directionCoefficient * eps
            if let z { value = value + noiseScale * z[i] }
            prev[i] = value
        }
    }

    @inline(__always)
    private func split(_ x: Float, _ e: Float) -> (x0: Float, epsilon: Float) {
        switch prediction {
        case .epsilon: return EpsilonPrediction.split(x, e, sqrtAlpha, sqrtBeta)
        case .sample: return SamplePrediction.split(x, e, sqrtAlpha, sqrtBeta)
        case .vPrediction: return VelocityPrediction.split(x, e, sqrtAlpha, sqrtBeta)
        }
    }

    /// `torch.quantile(values, ratio)` with linear interpolation; sorts `values`. NaN if any is NaN.
    static func torchQuantile(sortingInPlace buffer: UnsafeMutableBufferPointer<Float>, ratio: Float) -> Float {
        var values = buffer
        guard values.count > 0 else { return .nan }
        if values.contains(where: { $0.isNaN }) { return .nan }
        values.sort()
        let rank = ratio * Float(values.count - 1)
        let below = Int(rank), above = min(Int(rank.rounded(.up)), values.count - 1)
        let weight = rank - Float(below)
        let a = values[below], b = values[above]
        // torch's lerp: a + w (b - a) for w < 0.5, else b - (b - a)(1 - w).
        return weight < 0.5 ? a + weight * (b - a) : b - (b - a) * (1 - weight)
    }
}

/// The arrays of one block of the element-wise pass, already offset to the block.
struct ElementArrays {
    let x: UnsafePointer<Float>, e: UnsafePointer<Float>, z: UnsafePointer<Float>?
    let prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>
    let count: Int
}

/// An option of the element loop fixed at compile time, so each setting gets its own loop.
protocol LoopOption { static var isOn: Bool { get } }
enum Enabled: LoopOption { static var isOn: Bool { true } }
enum Disabled: LoopOption { static var isOn: Bool { false } }

/// x̂₀ and ε̂ from the sample x and the model output, per prediction type, as diffusers writes them.
protocol PredictionRule {
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float)
}

enum EpsilonPrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        ((x - sqrtBeta * output) / sqrtAlpha, output)
    }
}

enum SamplePrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        (output, (x - sqrtAlpha * output) / sqrtBeta)
    }
}

enum VelocityPrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        (sqrtAlpha * x - sqrtBeta * output, sqrtAlpha * output + sqrtBeta * x)
    }
}
