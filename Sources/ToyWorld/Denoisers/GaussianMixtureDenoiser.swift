import Foundation

/// The exact denoiser of a Gaussian mixture: the closed-form posterior mean.
///
/// Under x_t = a x0 + s epsilon (a = sqrt(alpha-bar), s = sqrt(1 - alpha-bar)), component k seen
/// through the noise is N(a mu_k, C_k) with C_k = a² Sigma_k + s² I. With d_k = C_k⁻¹ (x_t - a mu_k)
/// and responsibilities r_k proportional to w_k N(x_t; a mu_k, C_k) (computed by log-sum-exp):
///
///     E[x0 | x_t]      = sum_k r_k (mu_k + a Sigma_k d_k)
///     E[epsilon | x_t] = s sum_k r_k d_k
///
/// Written this way nothing divides by a or s, so every alpha-bar in [0, 1] is finite: at alpha-bar = 1
/// the prediction is x0 = x_t, epsilon = 0; at alpha-bar = 0 it is x0 = the mixture mean, epsilon = x_t.
/// Rows are processed eight at a time in SIMD lanes and split across cores.
///
/// ```swift
/// let denoiser = GaussianMixtureDenoiser(mixture: mixture)
/// let x0 = denoiser.modelOutput(for: xt, alphaProduct: 0.3, predictionType: .sample)
/// ```
public struct GaussianMixtureDenoiser: PosteriorMeanDenoiser {
    /// The data distribution.
    public let mixture: GaussianMixture
    /// How rows are split across cores; the result does not depend on it.
    public var parallelism: Parallelism

    public init(mixture: GaussianMixture, parallelism: Parallelism = .automatic) {
        self.mixture = mixture
        self.parallelism = parallelism
    }

    /// Per-component constants at one noise level, in structure-of-arrays layout.
    @usableFromInline
    struct Level: Sendable {
        var meanX: [Float] = [], meanY: [Float] = []
        var shiftedX: [Float] = [], shiftedY: [Float] = []            // a mu
        var inverse11: [Float] = [], inverse12: [Float] = [], inverse22: [Float] = []
        var logPrior2: [Float] = []                                   // log2(w) - log2(det C)/2
        var spreadXX: [Float] = [], spreadXY: [Float] = [], spreadYY: [Float] = []   // a Sigma

        init(mixture: GaussianMixture, level: NoiseLevel) {
            let a = level.signal, s2 = level.noiseVariance
            for component in mixture.components {
                let sigma = component.covariance
                let c11 = a * a * sigma.xx + s2, c12 = a * a * sigma.xy, c22 = a * a * sigma.yy + s2
                let det = c11 * c22 - c12 * c12
                meanX.append(component.mean.x); meanY.append(component.mean.y)
                shiftedX.append(a * component.mean.x); shiftedY.append(a * component.mean.y)
                inverse11.append(c22 / det); inverse12.append(-c12 / det); inverse22.append(c11 / det)
                logPrior2.append(Float(log2(Double(component.weight)) - 0.5 * log2(Double(det))))
                spreadXX.append(a * sigma.xx); spreadXY.append(a * sigma.xy); spreadYY.append(a * sigma.yy)
            }
        }
    }

    public func prediction(for sample: SampleBatch, alphaProduct: Float) -> DenoiserPrediction {
        guard sample.dimension == 2 else { return .notTwoDimensional(sample) }
        let level = NoiseLevel(alphaProduct: alphaProduct)
        let constants = Level(mixture: mixture, level: level)
        var x0 = [Float](repeating: 0, count: sample.values.count)
        var eps = [Float](repeating: 0, count: sample.values.count)
        let rows = sample.count
        sample.values.withUnsafeBufferPointer { input in
            x0.withUnsafeMutableBufferPointer { x0Buffer in
                eps.withUnsafeMutableBufferPointer { epsBuffer in
                    nonisolated(unsafe) let input = input
                    nonisolated(unsafe) let x0Out = x0Buffer
                    nonisolated(unsafe) let epsOut = epsBuffer
                    let blocks = (rows + 7) / 8
                    parallelism.forEachChunk(rows: blocks) { blockRange in
                        Self.evaluate(blocks: blockRange, rows: rows, input: input, constants: constants,
                                      noise: level.noise, x0: x0Out, eps: epsOut)
                    }
                }
            }
        }
        return DenoiserPrediction(
            originalSample: SampleBatch(count: rows, dimension: 2, values: x0),
            noise: SampleBatch(count: rows, dimension: 2, values: eps))
    }

    /// Evaluates blocks of eight rows.
    static func evaluate(blocks: Range<Int>, rows: Int, input: UnsafeBufferPointer<Float>, constants: Level,
                         noise s: Float, x0: UnsafeMutableBufferPointer<Float>, eps: UnsafeMutableBufferPointer<Float>) {
        let k = constants.meanX.count
        var logits = [SIMD8<Float>](repeating: .zero, count: k)
        let halfLog2e = 0.5 * FastExp.log2e
        for block in blocks {
            let first = block * 8
            let lanes = min(8, rows - first)
            var px = SIMD8<Float>.zero, py = SIMD8<Float>.zero
            for lane in 0..<lanes {
                px[lane] = input[2 * (first + lane)]
                py[lane] = input[2 * (first + lane) + 1]
            }
            // Pass 1: base-2 log responsibilities and their maximum.
            var maximum = SIMD8<Float>(repeating: -.infinity)
            for c in 0..<k {
                let dx = px - constants.shiftedX[c], dy = py - constants.shiftedY[c]
                let ix = constants.inverse11[c] * dx + constants.inverse12[c] * dy
                let iy = constants.inverse12[c] * dx + constants.inverse22[c] * dy
                let logit = constants.logPrior2[c] - halfLog2e * (dx * ix + dy * iy)
                logits[c] = logit
                maximum = maximum.replacing(with: logit, where: logit .> maximum)
            }
            // Pass 2: weights, and the weighted sums of x0_k and d_k.
            var total = SIMD8<Float>.zero
            var sumX0x = SIMD8<Float>.zero, sumX0y = SIMD8<Float>.zero
            var sumDx = SIMD8<Float>.zero, sumDy = SIMD8<Float>.zero
            for c in 0..<k {
                let w = FastExp.exp2NonPositive(FastExp.clampedArgument(logits[c] - maximum))
                let dx = px - constants.shiftedX[c], dy = py - constants.shiftedY[c]
                let ix = constants.inverse11[c] * dx + constants.inverse12[c] * dy
                let iy = constants.inverse12[c] * dx + constants.inverse22[c] * dy
                total += w
                sumDx += w * ix
                sumDy += w * iy
                sumX0x += w * (constants.meanX[c] + constants.spreadXX[c] * ix + constants.spreadXY[c] * iy)
                sumX0y += w * (constants.meanY[c] + constants.spreadXY[c] * ix + constants.spreadYY[c] * iy)
            }
            let inverseTotal = 1 / total
            let outX0x = sumX0x * inverseTotal, outX0y = sumX0y * inverseTotal
            let outEx = s * sumDx * inverseTotal, outEy = s * sumDy * inverseTotal
            for lane in 0..<lanes {
                let row = first + lane
                x0[2 * row] = outX0x[lane]; x0[2 * row + 1] = outX0y[lane]
                eps[2 * row] = outEx[lane]; eps[2 * row + 1] = outEy[lane]
            }
        }
    }
}

extension DenoiserPrediction {
    /// The answer for a batch that is not made of 2-D points: NaN everywhere, so that a chain
    /// flags it as non-finite instead of silently producing numbers.
    static func notTwoDimensional(_ sample: SampleBatch) -> DenoiserPrediction {
        let nan = SampleBatch(count: sample.count, dimension: sample.dimension,
                              values: [Float](repeating: .nan, count: sample.values.count))
        return DenoiserPrediction(originalSample: nan, noise: nan)
    }
}
