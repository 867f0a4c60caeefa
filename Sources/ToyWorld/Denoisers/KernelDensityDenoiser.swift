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
                              factor: factor, signal: a, noise: s, kernelVariance: h2, totalVariance: c)
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
        let signal: Float, noise: Float, kernelVariance: Float, totalVariance: Float

        func evaluate(rows: Range<Int>, input: UnsafeBufferPointer<Float>,
                      x0: UnsafeMutableBufferPointer<Float>, eps: UnsafeMutableBufferPointer<Float>) {
            let scratch = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: max(1, shiftedX.count))
            defer { scratch.deallocate() }
            let inverseC = 1 / totalVariance
            let pull = signal * kernelVariance * inverseC
            shiftedX.withUnsafeBufferPointer { sx in
                shiftedY.withUnsafeBufferPointer { sy in
                    blockX.withUnsafeBufferPointer { bx in
                        blockY.withUnsafeBufferPointer { by in
                            for row in rows {
                                let px = input[2 * row], py = input[2 * row + 1]
                                let mean = Self.weightedMean(px, py, sx, sy, bx, by, factor, scratch)
                                let rx = px - signal * mean.x, ry = py - signal * mean.y
                                x0[2 * row] = mean.x + pull * rx
                                x0[2 * row + 1] = mean.y + pull * ry
                                eps[2 * row] = noise * rx * inverseC
                                eps[2 * row + 1] = noise * ry * inverseC
                            }
                        }
                    }
                }
            }
        }

        /// sum_j r_j y_j with r_j proportional to 2^(factor |x - a y_j|²), by log-sum-exp in two
        /// passes: squared distances and their minimum, then weights relative to the nearest point.
        @inline(__always)
        static func weightedMean(_ px: Float, _ py: Float,
                                 _ sx: UnsafeBufferPointer<SIMD8<Float>>, _ sy: UnsafeBufferPointer<SIMD8<Float>>,
                                 _ bx: UnsafeBufferPointer<SIMD8<Float>>, _ by: UnsafeBufferPointer<SIMD8<Float>>,
                                 _ factor: Float, _ scratch: UnsafeMutablePointer<SIMD8<Float>>) -> SIMD2<Float> {
            let x = SIMD8<Float>(repeating: px), y = SIMD8<Float>(repeating: py)
            var nearest = SIMD8<Float>(repeating: .infinity)
            for b in 0..<sx.count {
                let dx = x - sx[b], dy = y - sy[b]
                let d2 = dx * dx + dy * dy
                scratch[b] = d2
                nearest = nearest.replacing(with: d2, where: d2 .< nearest)
            }
            var minimum = nearest[0]
            for lane in 1..<8 { minimum = Swift.min(minimum, nearest[lane]) }
            let scale = SIMD8<Float>(repeating: factor)
            let nearestDistance = SIMD8<Float>(repeating: minimum)
            var total = SIMD8<Float>.zero, sumX = SIMD8<Float>.zero, sumY = SIMD8<Float>.zero
            for b in 0..<sx.count {
                let w = FastExp.exp2NonPositive((scratch[b] - nearestDistance) * scale)
                total += w
                sumX += w * bx[b]
                sumY += w * by[b]
            }
            let t = total.sum()
            return SIMD2(sumX.sum() / t, sumY.sum() / t)
        }
    }
}

/// Why an exact denoiser could not be built.
public enum DenoiserError: Error, Equatable, CustomStringConvertible {
    case referencesNotTwoDimensional(Int)
    case noReferencePoints
    case nonFiniteReferencePoints
    case invalidBandwidth(Float)

    public var description: String {
        switch self {
        case .referencesNotTwoDimensional(let d):
            return "reference points must be 2-D (x,y), got \(d) values per row"
        case .noReferencePoints:
            return "the kernel density needs at least one reference point"
        case .nonFiniteReferencePoints:
            return "reference points must be finite (no NaN or infinity)"
        case .invalidBandwidth(let h):
            return "bandwidth \(h) is not allowed (must be a finite number >= 0; 0 = memorize the reference points)"
        }
    }
}
