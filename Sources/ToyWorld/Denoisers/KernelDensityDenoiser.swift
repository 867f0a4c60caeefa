import Foundation

/// The exact denoiser of a kernel density: every reference point y_j is a small isotropic
/// Gaussian N(y_j, h² I), h = `bandwidth`, all with equal weight.
///
/// Seen through the noise each kernel is N(a y_j, c I) with c = a² h² + s² (a = sqrt(alpha-bar),
/// s = sqrt(1 - alpha-bar)). With responsibilities r_j proportional to exp(-|x_t - a y_j|² / 2c)
/// (log-sum-exp) and their weighted mean y-bar = sum_j r_j y_j:
///
///     E[x0 | x_t]      = y-bar + a h² (x_t - a y-bar) / c
///     E[epsilon | x_t] = s (x_t - a y-bar) / c
///
/// Bandwidth 0 is the *empirical ideal denoiser*: the optimal denoiser for the reference points
/// themselves. A sampler driven by it can only ever produce copies of the reference points, which
/// is exactly what "memorizing the training set" means. At alpha-bar = 1 with bandwidth 0 there is
/// no noise to remove and the prediction is x0 = x_t, epsilon = 0.
///
/// The weights are 2^(-d_j), d_j = |P - U_j|² in scaled units, taken with a polynomial exp on
/// SIMD vectors. A row whose d_j can span at most 44 (mid and high noise, or a point near the
/// data: no reference is negligible) uses the expanded form -d_j + |P|² = 2 P·U_j - |U_j|²,
/// two multiplies and two adds per pair before the exp, with no clamp or shift (see
/// ``ExpandedKernelSums``). Other rows (low noise, far points) use references stored
/// in spatially sorted blocks of eight with bounding boxes, in one pass (an online log-sum-exp);
/// a block whose nearest possible point is so far away that its weights are below 2^-44 of the
/// largest weight is skipped (see ``KernelDensityDenoiser/Context``). Rows are split across
/// cores and each row is computed the same way whatever the chunking.
///
/// ```swift
/// let reference = Dataset.builtin(.twoMoons).sample(count: 2000, seed: 1)
/// let ideal = try KernelDensityDenoiser(references: reference, bandwidth: 0)
/// let eps = ideal.modelOutput(for: xt, alphaProduct: 0.5, predictionType: .epsilon)
/// ```
public struct KernelDensityDenoiser: PosteriorMeanDenoiser {
    /// The reference points y_j.
    public let references: SampleBatch
    /// The kernel standard deviation h (0 = the empirical ideal denoiser).
    public let bandwidth: Float
    /// How rows are split across cores; the result does not depend on it.
    public var parallelism: Parallelism

    /// Reference coordinates in blocks of eight, in a spatial order (strips along x, sorted along
    /// y inside each strip) so each block is compact. Padding lanes of the last block have zero
    /// coordinates and a 0 in `validLanes`.
    @usableFromInline let blockX: [SIMD8<Float>]
    @usableFromInline let blockY: [SIMD8<Float>]
    @usableFromInline let validLanes: [SIMD8<Float>]
    /// Bounding boxes of the blocks, eight blocks per vector: minimum x, maximum x, minimum y,
    /// maximum y for blocks 8g..<8g+8 at 4g..<4g+4. Missing blocks of the last group sit far away.
    @usableFromInline let blockBoxes: [SIMD8<Float>]

    /// A kernel density over `references` (2-D, finite, at least one row) with kernel width `bandwidth` (>= 0).
    public init(references: SampleBatch, bandwidth: Float, parallelism: Parallelism = .automatic) throws(DenoiserError) {
        guard references.dimension == 2 else { throw .referencesNotTwoDimensional(references.dimension) }
        guard references.count > 0 else { throw .noReferencePoints }
        guard references.isFinite else { throw .nonFiniteReferencePoints }
        guard bandwidth.isFinite, bandwidth >= 0 else { throw .invalidBandwidth(bandwidth) }
        self.references = references
        self.bandwidth = bandwidth
        self.parallelism = parallelism
        let count = references.count
        let blocks = (count + 7) / 8
        // Spatial order: sort by x, cut into strips of 64 points, sort each strip by y. Ties are
        // broken by index so the order (and so every result) is deterministic.
        func before(_ i: Int, _ j: Int, _ first: Int) -> Bool {
            let a = references[i, first], b = references[j, first]
            if a != b { return a < b }
            let c = references[i, 1 - first], d = references[j, 1 - first]
            if c != d { return c < d }
            return i < j
        }
        var order = (0..<count).sorted { before($0, $1, 0) }
        var stripStart = 0
        while stripStart < count {
            let stripEnd = min(count, stripStart + 64)
            order[stripStart..<stripEnd].sort { before($0, $1, 1) }
            stripStart = stripEnd
        }
        var bx = [SIMD8<Float>](repeating: .zero, count: blocks)
        var by = [SIMD8<Float>](repeating: .zero, count: blocks)
        var valid = [SIMD8<Float>](repeating: .zero, count: blocks)
        let groups = (blocks + 7) / 8
        let far: Float = 1e18
        var boxes = [SIMD8<Float>](repeating: SIMD8(repeating: far), count: 4 * groups)
        for b in 0..<blocks {
            var minX = Float.infinity, maxX = -Float.infinity, minY = Float.infinity, maxY = -Float.infinity
            for lane in 0..<8 where 8 * b + lane < count {
                let i = order[8 * b + lane]
                let x = references[i, 0], y = references[i, 1]
                bx[b][lane] = x
                by[b][lane] = y
                valid[b][lane] = 1
                minX = Swift.min(minX, x); maxX = Swift.max(maxX, x)
                minY = Swift.min(minY, y); maxY = Swift.max(maxY, y)
            }
            boxes[4 * (b / 8)][b % 8] = minX
            boxes[4 * (b / 8) + 1][b % 8] = maxX
            boxes[4 * (b / 8) + 2][b % 8] = minY
            boxes[4 * (b / 8) + 3][b % 8] = maxY
        }
        blockX = bx
        blockY = by
        validLanes = valid
        blockBoxes = boxes
    }

    public func prediction(for sample: SampleBatch, alphaProduct: Float) -> DenoiserPrediction {
        guard sample.dimension == 2 else { return .notTwoDimensional(sample) }
        let level = NoiseLevel(alphaProduct: alphaProduct)
        let a = level.signal
        let h2 = bandwidth * bandwidth
        let c = a * a * h2 + level.noiseVariance
        if c == 0 {
            // No noise and point kernels: nothing to remove.
            return DenoiserPrediction(originalSample: sample, noise: SampleBatch(zerosCount: sample.count, dimension: 2))
        }
        // Everything is measured in units where the log2-weight is minus the squared distance:
        // 2^(-|k x - k a y_j|²) with k = sqrt(log2(e) / 2c). (k is capped so it stays finite.)
        let k = Swift.min((FastExp.log2e / (2 * c)).squareRoot(), 1e15)
        let ka = k * a
        let data = scaledBlocks(by: ka)
        let boxes = scaledBoxes(by: ka)
        let (centre, radius) = Self.boundingCircle(of: boxes, blocks: blockX.count)
        let expanded = ExpandedKernelSums(x: blockX, y: blockY, count: references.count, scale: ka, centre: centre)
        let context = Context(centreX: centre.x, centreY: centre.y, radius: radius,
                              scale: k, blocks: blockX.count, quads: expanded.quads, signal: a, noise: level.noise,
                              kernelVariance: h2, totalVariance: c, references: references)
        return evaluate(context, sample: sample, data: data, boxes: boxes, expanded: expanded.table)
    }

    /// Lanes far beyond any point: invalid lanes and missing blocks are placed there.
    private static let far: Float = 1e18

    /// Per block: x and y scaled by `ka` (invalid lanes far away), then x and y as they are.
    private func scaledBlocks(by ka: Float) -> [SIMD8<Float>] {
        var data = [SIMD8<Float>](repeating: .zero, count: 4 * blockX.count)
        for b in 0..<blockX.count {
            data[4 * b] = (blockX[b] * ka).replacing(with: Self.far, where: validLanes[b] .== 0)
            data[4 * b + 1] = (blockY[b] * ka).replacing(with: Self.far, where: validLanes[b] .== 0)
            data[4 * b + 2] = blockX[b]
            data[4 * b + 3] = blockY[b]
        }
        return data
    }

    /// The blocks' boxes scaled by `ka`; missing blocks (the far default) stay far.
    private func scaledBoxes(by ka: Float) -> [SIMD8<Float>] {
        blockBoxes.map { ($0 * ka).replacing(with: Self.far, where: $0 .== Self.far) }
    }

    /// The box around every scaled reference: its centre and half diagonal.
    private static func boundingCircle(of boxes: [SIMD8<Float>], blocks: Int) -> (centre: SIMD2<Float>, radius: Float) {
        var lowX = Float.infinity, highX = -Float.infinity, lowY = Float.infinity, highY = -Float.infinity
        for b in 0..<blocks {
            lowX = Swift.min(lowX, boxes[4 * (b / 8)][b % 8]); highX = Swift.max(highX, boxes[4 * (b / 8) + 1][b % 8])
            lowY = Swift.min(lowY, boxes[4 * (b / 8) + 2][b % 8]); highY = Swift.max(highY, boxes[4 * (b / 8) + 3][b % 8])
        }
        let hx = (highX - lowX) / 2, hy = (highY - lowY) / 2
        return (SIMD2(lowX + hx, lowY + hy), (hx * hx + hy * hy).squareRoot())
    }

    /// Runs `context` over every row of `sample`, in more pieces than cores (so a core slowed by
    /// another program does not hold up the rest).
    private func evaluate(_ context: Context, sample: SampleBatch, data: [SIMD8<Float>], boxes: [SIMD8<Float>],
                          expanded: [SIMD4<Float>]) -> DenoiserPrediction {
        let rows = sample.count
        let pieces = parallelism.chunks > 1
            ? Parallelism(chunks: parallelism.chunks * 8, minimumRowsPerChunk: parallelism.minimumRowsPerChunk)
            : parallelism
        var eps = [Float](repeating: 0, count: sample.values.count)
        let x0 = [Float](unsafeUninitializedCapacity: sample.values.count) { x0Buffer, initialized in
            x0Buffer.initialize(repeating: 0)
            initialized = x0Buffer.count
            eps.withUnsafeMutableBufferPointer { epsBuffer in
                withPointers(sample.values, data, boxes, expanded) { input, data, boxes, expanded in
                    nonisolated(unsafe) let (x0Out, epsOut) = (x0Buffer, epsBuffer)
                    nonisolated(unsafe) let (input, data, boxes, expanded) = (input, data, boxes, expanded)
                    pieces.forEachChunk(rows: rows) { range in
                        context.evaluate(rows: range, input: input, data: data, boxes: boxes,
                                         expanded: expanded, x0: x0Out, eps: epsOut)
                    }
                }
            }
        }
        return DenoiserPrediction(originalSample: SampleBatch(count: rows, dimension: 2, values: x0),
                                  noise: SampleBatch(count: rows, dimension: 2, values: eps))
    }
}
