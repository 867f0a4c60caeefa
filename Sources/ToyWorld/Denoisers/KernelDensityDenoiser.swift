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
/// The inner loop runs over eight reference points per SIMD vector with a polynomial exp, in one
/// pass (an online log-sum-exp). The references are stored in spatially sorted blocks of eight
/// with bounding boxes; when a block's nearest possible point is so far away that its weights are
/// below 2^-44 of the largest weight it is skipped (see ``KernelDensityDenoiser/Context``). Rows
/// are split across cores and each row is computed the same way whatever the chunking.
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
        let a = level.signal, s = level.noise
        let h2 = bandwidth * bandwidth
        let c = a * a * h2 + level.noiseVariance
        let rows = sample.count
        var x0 = [Float](repeating: 0, count: sample.values.count)
        var eps = [Float](repeating: 0, count: sample.values.count)
        if c == 0 {
            // No noise and point kernels: nothing to remove.
            return DenoiserPrediction(originalSample: sample, noise: SampleBatch(zerosCount: rows, dimension: 2))
        }
        // Everything is measured in units where the log2-weight is minus the squared distance:
        // 2^(-|k x - k a y_j|²) with k = sqrt(log2(e) / 2c). (k is capped so it stays finite.)
        let k = Swift.min((FastExp.log2e / (2 * c)).squareRoot(), 1e15)
        let ka = k * a
        let blocks = blockX.count
        var data = [SIMD8<Float>](repeating: .zero, count: 4 * blocks)
        let far: Float = 1e18
        for b in 0..<blocks {
            data[4 * b] = (blockX[b] * ka).replacing(with: far, where: validLanes[b] .== 0)
            data[4 * b + 1] = (blockY[b] * ka).replacing(with: far, where: validLanes[b] .== 0)
            data[4 * b + 2] = blockX[b]
            data[4 * b + 3] = blockY[b]
        }
        var boxes = blockBoxes
        for g in 0..<boxes.count / 4 {
            // Missing blocks (the far default) stay far: only lanes of real blocks are scaled.
            for r in 0..<4 {
                boxes[4 * g + r] = (boxes[4 * g + r] * ka).replacing(with: far, where: boxes[4 * g + r] .== far)
            }
        }
        // The box around every scaled reference: centre and half diagonal.
        var lowX = Float.infinity, highX = -Float.infinity, lowY = Float.infinity, highY = -Float.infinity
        for b in 0..<blocks {
            lowX = Swift.min(lowX, boxes[4 * (b / 8)][b % 8]); highX = Swift.max(highX, boxes[4 * (b / 8) + 1][b % 8])
            lowY = Swift.min(lowY, boxes[4 * (b / 8) + 2][b % 8]); highY = Swift.max(highY, boxes[4 * (b / 8) + 3][b % 8])
        }
        let hx = (highX - lowX) / 2, hy = (highY - lowY) / 2
        let context = Context(centreX: lowX + hx, centreY: lowY + hy, radius: (hx * hx + hy * hy).squareRoot(),
                              scale: k, blocks: blocks, signal: a, noise: s, kernelVariance: h2, totalVariance: c,
                              references: references)
        // More pieces than cores, so a core slowed by another program does not hold up the rest.
        let pieces = parallelism.chunks > 1
            ? Parallelism(chunks: parallelism.chunks * 8, minimumRowsPerChunk: parallelism.minimumRowsPerChunk)
            : parallelism
        sample.values.withUnsafeBufferPointer { input in
            x0.withUnsafeMutableBufferPointer { x0Buffer in
                eps.withUnsafeMutableBufferPointer { epsBuffer in
                    data.withUnsafeBufferPointer { dataBuffer in
                        boxes.withUnsafeBufferPointer { boxBuffer in
                            nonisolated(unsafe) let input = input
                            nonisolated(unsafe) let x0Out = x0Buffer
                            nonisolated(unsafe) let epsOut = epsBuffer
                            nonisolated(unsafe) let data = dataBuffer
                            nonisolated(unsafe) let boxes = boxBuffer
                            pieces.forEachChunk(rows: rows) { range in
                                context.evaluate(rows: range, input: input, data: data, boxes: boxes, x0: x0Out, eps: epsOut)
                            }
                        }
                    }
                }
            }
        }
        return DenoiserPrediction(
            originalSample: SampleBatch(count: rows, dimension: 2, values: x0),
            noise: SampleBatch(count: rows, dimension: 2, values: eps))
    }

    /// Everything one evaluation needs, shared read-only by the worker threads.
    ///
    /// Per row, with P = k x and U_j = k a y_j, the log2-weights are -d_j, d_j = |P - U_j|². One pass
    /// over the blocks accumulates 2^(m - d_j) and sum 2^(m - d_j) y_j with a reference distance m
    /// taken from one block (the one with the nearest box when skipping is on, else the first),
    /// instead of a first pass for the exact maximum. Exponents below -100 are clamped there
    /// (2^-100 is nothing next to the largest weight, at least 1) and above 100; if the total
    /// weight exceeds 2^64 (m was far above the nearest point), the row is summed once more with m
    /// set to the smallest d_j.
    ///
    /// Block skipping: when a row could have blocks far enough to matter (its distance range over
    /// the whole reference box exceeds ``skipMargin``), m starts from the block whose bounding box
    /// is nearest, and a block whose box is more than ``skipMargin`` beyond m (a lower bound of its
    /// d_j, computed exactly from the box) is skipped. Since m is at least the smallest d_j, each
    /// skipped weight is below 2^-44 (about e^-30.5) of the largest one, so skipping changes the
    /// result only far below float precision (2,000 such points move the sums by under 1e-10
    /// relative). Which blocks are skipped depends only on the row, never on the chunking.
    struct Context: Sendable {
        let centreX: Float, centreY: Float, radius: Float   // the box around all U_j
        let scale: Float                                     // k
        let blocks: Int
        let signal: Float, noise: Float, kernelVariance: Float, totalVariance: Float
        let references: SampleBatch

        /// Blocks whose box lies further than this (in log2-weight) beyond m are skipped.
        static let skipMargin: Float = 44

        func evaluate(rows: Range<Int>, input: UnsafeBufferPointer<Float>,
                      data: UnsafeBufferPointer<SIMD8<Float>>, boxes: UnsafeBufferPointer<SIMD8<Float>>,
                      x0: UnsafeMutableBufferPointer<Float>, eps: UnsafeMutableBufferPointer<Float>) {
            let inverseC = 1 / totalVariance
            let pull = signal * kernelVariance * inverseC
            let groups = boxes.count / 4
            withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: Swift.max(1, groups)) { lowerBounds in
                let bounds = UnsafeMutableRawPointer(lowerBounds.baseAddress!).assumingMemoryBound(to: Float.self)
                for row in rows {
                    let px = input[2 * row], py = input[2 * row + 1]
                    let mean = Self.weightedMean(px * scale, py * scale, data, boxes, bounds, blocks: blocks,
                                                 centreX: centreX, centreY: centreY, radius: radius)
                        ?? nearestReference(px, py)
                    let rx = px - signal * mean.x, ry = py - signal * mean.y
                    x0[2 * row] = mean.x + pull * rx
                    x0[2 * row + 1] = mean.y + pull * ry
                    eps[2 * row] = noise * rx * inverseC
                    eps[2 * row + 1] = noise * ry * inverseC
                }
            }
        }

        /// sum_j r_j y_j with r_j proportional to 2^(-|P - U_j|²), or nil when the weights
        /// cannot be formed in float (a point astronomically far away at almost no noise).
        @inline(__always)
        static func weightedMean(_ px: Float, _ py: Float, _ data: UnsafeBufferPointer<SIMD8<Float>>,
                                 _ boxes: UnsafeBufferPointer<SIMD8<Float>>, _ bounds: UnsafeMutablePointer<Float>,
                                 blocks: Int, centreX: Float, centreY: Float, radius: Float) -> SIMD2<Float>? {
            let x = SIMD8<Float>(repeating: px), y = SIMD8<Float>(repeating: py)
            let d = data.baseAddress!
            @inline(__always) func distances(_ b: Int) -> SIMD8<Float> {
                let dx = x - d[4 * b], dy = y - d[4 * b + 1]
                return dx * dx + dy * dy
            }
            // Can any block be skipped? Distances from P to the box around all U_j lie in [near², far²].
            let cx = px - centreX, cy = py - centreY
            let r = (cx * cx + cy * cy).squareRoot()
            let near = Swift.max(0, r - radius), farthest = r + radius
            let prune = farthest * farthest - near * near > skipMargin
            var start = 0
            if prune {
                // Lower bounds of every block's distances, and the block with the nearest box.
                var bestBound = SIMD8<Float>(repeating: .infinity), bestGroup = SIMD8<Float>(repeating: 0)
                for g in 0..<boxes.count / 4 {
                    let gx = Self.positivePart(Self.larger(boxes[4 * g] - x, x - boxes[4 * g + 1]))
                    let gy = Self.positivePart(Self.larger(boxes[4 * g + 2] - y, y - boxes[4 * g + 3]))
                    let bound = gx * gx + gy * gy
                    UnsafeMutableRawPointer(bounds + 8 * g).storeBytes(of: bound, as: SIMD8<Float>.self)
                    let better = bound .< bestBound
                    bestBound.replace(with: bound, where: better)
                    bestGroup.replace(with: SIMD8(repeating: Float(g)), where: better)
                }
                var lane = 0
                for l in 1..<8 where bestBound[l] < bestBound[lane] { lane = l }
                start = Swift.min(blocks - 1, 8 * Int(bestGroup[lane]) + lane)
            }
            var m = distances(start).min()
            // The sums run on four-lane halves of each block (what one SSE register holds; the
            // compiler splits eight-lane vectors less cleanly), with the same arithmetic per lane.
            let d4 = UnsafeRawPointer(d).assumingMemoryBound(to: SIMD4<Float>.self)
            let x4 = SIMD4<Float>(repeating: px), y4 = SIMD4<Float>(repeating: py)
            let lowest4 = SIMD4<Float>(repeating: FastExp.lowestArgument), highest4 = SIMD4<Float>(repeating: 100)
            @inline(__always) func weights(_ shift: SIMD4<Float>, _ ux: SIMD4<Float>, _ uy: SIMD4<Float>,
                                           clampLow: Bool, clampHigh: Bool) -> SIMD4<Float> {
                let dx = x4 - ux, dy = y4 - uy
                var argument = shift - (dx * dx + dy * dy)
                if clampLow { argument = argument.replacing(with: lowest4, where: argument .< lowest4) }
                if clampHigh { argument = argument.replacing(with: highest4, where: argument .> highest4) }
                return FastExp.exp2Minimax(argument)
            }
            /// The sums for reference distance m; exponents clamped to [-100, 100]. The upper clamp
            /// only matters when m > 100 (every d_j >= 0); neither matters for a row near the
            /// references whose distances all lie within 44 of each other (see `unclamped`).
            @inline(__always) func sums(_ m: Float, clampLow: Bool = true, clampHigh: Bool) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
                var totalA = SIMD4<Float>.zero, sumXA = SIMD4<Float>.zero, sumYA = SIMD4<Float>.zero
                var totalB = SIMD4<Float>.zero, sumXB = SIMD4<Float>.zero, sumYB = SIMD4<Float>.zero
                let shift = SIMD4<Float>(repeating: m)
                let skipBeyond = m + skipMargin
                for b in 0..<blocks {
                    if prune && bounds[b] > skipBeyond { continue }
                    let base = d4 + 8 * b
                    let wa = weights(shift, base[0], base[2], clampLow: clampLow, clampHigh: clampHigh)
                    totalA += wa
                    sumXA += wa * base[4]
                    sumYA += wa * base[6]
                    let wb = weights(shift, base[1], base[3], clampLow: clampLow, clampHigh: clampHigh)
                    totalB += wb
                    sumXB += wb * base[5]
                    sumYB += wb * base[7]
                }
                return (SIMD8(lowHalf: totalA, highHalf: totalB), SIMD8(lowHalf: sumXA, highHalf: sumXB),
                        SIMD8(lowHalf: sumYA, highHalf: sumYB))
            }
            // Without skipping, m is one of the distances, all within [near², far²], so every
            // exponent m - d_j lies within ±(far² - near²) <= 44: no clamp is needed. (Only trusted
            // while far² is small enough for that difference to be computed accurately.)
            let unclamped = !prune && farthest * farthest < 1e6
            var (total, sumX, sumY) = unclamped ? sums(m, clampLow: false, clampHigh: false)
                : m <= 100 ? sums(m, clampHigh: false) : sums(m, clampHigh: true)
            var t = total.sum()
            if !(t <= 0x1p64) {
                // Rare: some point is far nearer than m (the first block was not near it), or the
                // row is not finite. Sum again with m = the smallest distance (so the largest
                // weight is 1), found in an extra pass over the same blocks.
                var nearest = SIMD8<Float>(repeating: .infinity)
                let skipBeyond = m + skipMargin
                for b in 0..<blocks where !(prune && bounds[b] > skipBeyond) {
                    let dist = distances(b)
                    nearest = nearest.replacing(with: dist, where: dist .< nearest)
                }
                m = nearest.min()
                guard m.isFinite else { return nil }
                (total, sumX, sumY) = m <= 100 ? sums(m, clampHigh: false) : sums(m, clampHigh: true)
                t = total.sum()
            }
            guard m.isFinite, t.isFinite, t > 0 else { return nil }
            return SIMD2(sumX.sum() / t, sumY.sum() / t)
        }

        @inline(__always) static func larger(_ u: SIMD8<Float>, _ v: SIMD8<Float>) -> SIMD8<Float> {
            u.replacing(with: v, where: v .> u)
        }

        @inline(__always) static func positivePart(_ u: SIMD8<Float>) -> SIMD8<Float> {
            u.replacing(with: SIMD8<Float>.zero, where: u .< SIMD8<Float>.zero)
        }

        /// The reference point whose scaled copy a y_j is nearest to (px, py), compared in Double
        /// (the first one on ties; zero for NaN input).
        func nearestReference(_ px: Float, _ py: Float) -> SIMD2<Float> {
            var best = Double.infinity
            var result = SIMD2<Float>.zero
            let a = Double(signal)
            for index in 0..<references.count {
                // |x - a y|² - |x|², which keeps the differences between candidates even when |x| is huge.
                let ax = a * Double(references[index, 0]), ay = a * Double(references[index, 1])
                let d2 = ax * ax + ay * ay - 2 * (Double(px) * ax + Double(py) * ay)
                if d2 < best {
                    best = d2
                    result = SIMD2(references[index, 0], references[index, 1])
                }
            }
            return result
        }
    }
}
