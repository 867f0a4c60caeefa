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
/// The inner loop runs over eight reference points per SIMD vector with a polynomial exp; rows
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

    /// Reference coordinates in blocks of eight (padding lanes sit far away with zero coordinates
    /// in `blockX`/`blockY`, so their weight underflows and they add nothing).
    @usableFromInline let blockX: [SIMD8<Float>]
    @usableFromInline let blockY: [SIMD8<Float>]
    @usableFromInline let validLanes: [SIMD8<Float>]

    /// A kernel density over `references` (2-D, finite, at least one row) with kernel width `bandwidth` (>= 0).
    public init(references: SampleBatch, bandwidth: Float, parallelism: Parallelism = .automatic) throws(DenoiserError) {
        guard references.dimension == 2 else { throw .referencesNotTwoDimensional(references.dimension) }
        guard references.count > 0 else { throw .noReferencePoints }
        guard references.isFinite else { throw .nonFiniteReferencePoints }
        guard bandwidth.isFinite, bandwidth >= 0 else { throw .invalidBandwidth(bandwidth) }
        self.references = references
        self.bandwidth = bandwidth
        self.parallelism = parallelism
        let blocks = (references.count + 7) / 8
        var bx = [SIMD8<Float>](repeating: .zero, count: blocks)
        var by = [SIMD8<Float>](repeating: .zero, count: blocks)
        var valid = [SIMD8<Float>](repeating: .zero, count: blocks)
        for i in 0..<references.count {
            bx[i / 8][i % 8] = references[i, 0]
            by[i / 8][i % 8] = references[i, 1]
            valid[i / 8][i % 8] = 1
        }
        blockX = bx
        blockY = by
        validLanes = valid
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
        // Scaled references a*y_j; padding lanes moved far away so they never win the minimum.
        let far: Float = 1e18
        let shiftedX = zip(blockX, validLanes).map { ($0 * a).replacing(with: far, where: $1 .== 0) }
        let shiftedY = zip(blockY, validLanes).map { ($0 * a).replacing(with: far, where: $1 .== 0) }
        let factor = max(-FastExp.log2e / (2 * c), -Float.greatestFiniteMagnitude)
        let context = Context(shiftedX: shiftedX, shiftedY: shiftedY, blockX: blockX, blockY: blockY,
                              factor: factor, referenceCount: references.count, signal: a, noise: s, kernelVariance: h2, totalVariance: c)
        sample.values.withUnsafeBufferPointer { input in
            x0.withUnsafeMutableBufferPointer { x0Buffer in
                eps.withUnsafeMutableBufferPointer { epsBuffer in
                    nonisolated(unsafe) let input = input
                    nonisolated(unsafe) let x0Out = x0Buffer
                    nonisolated(unsafe) let epsOut = epsBuffer
                    parallelism.forEachChunk(rows: rows) { range in
                        context.evaluate(rows: range, input: input, x0: x0Out, eps: epsOut)
                    }
                }
            }
        }
        return DenoiserPrediction(
            originalSample: SampleBatch(count: rows, dimension: 2, values: x0),
            noise: SampleBatch(count: rows, dimension: 2, values: eps))
    }

    /// Everything one evaluation needs, shared read-only by the worker threads.
    struct Context: Sendable {
        let shiftedX: [SIMD8<Float>], shiftedY: [SIMD8<Float>]
        let blockX: [SIMD8<Float>], blockY: [SIMD8<Float>]
        let factor: Float            // -log2(e) / (2c)
        let referenceCount: Int
        let signal: Float, noise: Float, kernelVariance: Float, totalVariance: Float

        func evaluate(rows: Range<Int>, input: UnsafeBufferPointer<Float>,
                      x0: UnsafeMutableBufferPointer<Float>, eps: UnsafeMutableBufferPointer<Float>) {
            let scratch = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: max(1, 2 * shiftedX.count))
            defer { scratch.deallocate() }
            let inverseC = 1 / totalVariance
            let pull = signal * kernelVariance * inverseC
            shiftedX.withUnsafeBufferPointer { sx in
                shiftedY.withUnsafeBufferPointer { sy in
                    blockX.withUnsafeBufferPointer { bx in
                        blockY.withUnsafeBufferPointer { by in
                            func write(_ row: Int, _ mean: SIMD2<Float>) {
                                let px = input[2 * row], py = input[2 * row + 1]
                                let rx = px - signal * mean.x, ry = py - signal * mean.y
                                x0[2 * row] = mean.x + pull * rx
                                x0[2 * row + 1] = mean.y + pull * ry
                                eps[2 * row] = noise * rx * inverseC
                                eps[2 * row + 1] = noise * ry * inverseC
                            }
                            // Rows in pairs share every load; each row's arithmetic is the same as
                            // alone, so the pairing (which depends on the chunking) never shows.
                            var row = rows.lowerBound
                            while row + 1 < rows.upperBound {
                                let means = Self.weightedMeanPair(
                                    SIMD2(input[2 * row], input[2 * row + 1]), SIMD2(input[2 * row + 2], input[2 * row + 3]),
                                    sx, sy, bx, by, factor, scratch, count: referenceCount)
                                write(row, means.0)
                                write(row + 1, means.1)
                                row += 2
                            }
                            if row < rows.upperBound {
                                write(row, Self.weightedMean(input[2 * row], input[2 * row + 1], sx, sy, bx, by, factor,
                                                             scratch, count: referenceCount))
                            }
                        }
                    }
                }
            }
        }

        /// sum_j r_j y_j with r_j proportional to 2^(factor |x - a y_j|²), by log-sum-exp in two
        /// passes: the log-weights and their maximum, then weights relative to the largest one.
        @inline(__always)
        static func weightedMean(_ px: Float, _ py: Float,
                                 _ sx: UnsafeBufferPointer<SIMD8<Float>>, _ sy: UnsafeBufferPointer<SIMD8<Float>>,
                                 _ bx: UnsafeBufferPointer<SIMD8<Float>>, _ by: UnsafeBufferPointer<SIMD8<Float>>,
                                 _ factor: Float, _ scratch: UnsafeMutablePointer<SIMD8<Float>>, count: Int) -> SIMD2<Float> {
            let x = SIMD8<Float>(repeating: px), y = SIMD8<Float>(repeating: py)
            let scale = SIMD8<Float>(repeating: factor)
            var largest = SIMD8<Float>(repeating: -.infinity)
            for b in 0..<sx.count {
                let dx = x - sx[b], dy = y - sy[b]
                let logWeight = (dx * dx + dy * dy) * scale
                scratch[b] = logWeight
                largest = largest.replacing(with: logWeight, where: logWeight .> largest)
            }
            var maximum = largest[0]
            for lane in 1..<8 { maximum = Swift.max(maximum, largest[lane]) }
            guard maximum.isFinite else {
                // Every log-weight overflowed (a point astronomically far away at almost no noise):
                // the limit is the nearest reference point.
                return nearestReference(px, py, count: count, sx, sy, bx, by)
            }
            let shift = SIMD8<Float>(repeating: maximum)
            var total = SIMD8<Float>.zero, sumX = SIMD8<Float>.zero, sumY = SIMD8<Float>.zero
            for b in 0..<sx.count {
                let w = FastExp.exp2NonPositive(FastExp.clampedArgument(scratch[b] - shift))
                total += w
                sumX += w * bx[b]
                sumY += w * by[b]
            }
            let t = total.sum()
            return SIMD2(sumX.sum() / t, sumY.sum() / t)
        }

        /// ``weightedMean`` for two rows at once, with exactly the same arithmetic per row.
        @inline(__always)
        static func weightedMeanPair(_ p: SIMD2<Float>, _ q: SIMD2<Float>,
                                     _ sx: UnsafeBufferPointer<SIMD8<Float>>, _ sy: UnsafeBufferPointer<SIMD8<Float>>,
                                     _ bx: UnsafeBufferPointer<SIMD8<Float>>, _ by: UnsafeBufferPointer<SIMD8<Float>>,
                                     _ factor: Float, _ scratch: UnsafeMutablePointer<SIMD8<Float>>,
                                     count: Int) -> (SIMD2<Float>, SIMD2<Float>) {
            let blocks = sx.count
            let px = SIMD8<Float>(repeating: p.x), py = SIMD8<Float>(repeating: p.y)
            let qx = SIMD8<Float>(repeating: q.x), qy = SIMD8<Float>(repeating: q.y)
            let scale = SIMD8<Float>(repeating: factor)
            var largestP = SIMD8<Float>(repeating: -.infinity), largestQ = largestP
            for b in 0..<blocks {
                let ax = sx[b], ay = sy[b]
                let dpx = px - ax, dpy = py - ay, dqx = qx - ax, dqy = qy - ay
                let logP = (dpx * dpx + dpy * dpy) * scale, logQ = (dqx * dqx + dqy * dqy) * scale
                scratch[b] = logP
                scratch[blocks + b] = logQ
                largestP = largestP.replacing(with: logP, where: logP .> largestP)
                largestQ = largestQ.replacing(with: logQ, where: logQ .> largestQ)
            }
            var maximumP = largestP[0], maximumQ = largestQ[0]
            for lane in 1..<8 {
                maximumP = Swift.max(maximumP, largestP[lane])
                maximumQ = Swift.max(maximumQ, largestQ[lane])
            }
            guard maximumP.isFinite, maximumQ.isFinite else {
                return (weightedMean(p.x, p.y, sx, sy, bx, by, factor, scratch, count: count),
                        weightedMean(q.x, q.y, sx, sy, bx, by, factor, scratch, count: count))
            }
            let shiftP = SIMD8<Float>(repeating: maximumP), shiftQ = SIMD8<Float>(repeating: maximumQ)
            var totalP = SIMD8<Float>.zero, sumPX = SIMD8<Float>.zero, sumPY = SIMD8<Float>.zero
            var totalQ = SIMD8<Float>.zero, sumQX = SIMD8<Float>.zero, sumQY = SIMD8<Float>.zero
            for b in 0..<blocks {
                let wp = FastExp.exp2NonPositive(FastExp.clampedArgument(scratch[b] - shiftP))
                let wq = FastExp.exp2NonPositive(FastExp.clampedArgument(scratch[blocks + b] - shiftQ))
                let yx = bx[b], yy = by[b]
                totalP += wp
                sumPX += wp * yx
                sumPY += wp * yy
                totalQ += wq
                sumQX += wq * yx
                sumQY += wq * yy
            }
            let tp = totalP.sum(), tq = totalQ.sum()
            return (SIMD2(sumPX.sum() / tp, sumPY.sum() / tp), SIMD2(sumQX.sum() / tq, sumQY.sum() / tq))
        }

        /// The reference point whose scaled copy a y_j is nearest to (px, py), compared in Double
        /// over the first `count` references (not the padding).
        static func nearestReference(_ px: Float, _ py: Float, count: Int,
                                     _ sx: UnsafeBufferPointer<SIMD8<Float>>, _ sy: UnsafeBufferPointer<SIMD8<Float>>,
                                     _ bx: UnsafeBufferPointer<SIMD8<Float>>, _ by: UnsafeBufferPointer<SIMD8<Float>>) -> SIMD2<Float> {
            var best = Double.infinity
            var result = SIMD2<Float>.zero
            for index in 0..<count {
                let b = index / 8, lane = index % 8
                // |x - a y|² - |x|², which keeps the differences between candidates even when |x| is huge.
                let ax = Double(sx[b][lane]), ay = Double(sy[b][lane])
                let d2 = ax * ax + ay * ay - 2 * (Double(px) * ax + Double(py) * ay)
                if d2 < best {
                    best = d2
                    result = SIMD2(bx[b][lane], by[b][lane])
                }
            }
            return result
        }
    }
}
