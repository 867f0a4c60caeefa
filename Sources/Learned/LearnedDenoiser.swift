import DDIM
import ToyWorld

/// A trained ``ToyMLP`` in the DDIM loop: it runs the network at the timestep and converts the
/// network's own prediction type into the one the scheduler asks for.
///
/// With x = x_t, a = alpha-bar, s = sqrt(a), sigma = sqrt(1 - a) (so s^2 + sigma^2 = 1):
/// - from epsilon: x0 = (x - sigma eps) / s, v = (eps - sigma x) / s;
/// - from x0 (`sample`): eps = (x - s x0) / sigma, v = (s x - x0) / sigma;
/// - from v: eps = sigma x + s v, x0 = s x - sigma v (valid at every a).
///
/// Edge cases (alpha-bar is clamped to [0, 1] first, NaN counting as 0):
/// - alpha-bar = 0 (zero terminal SNR), epsilon network: x_t is pure noise and says nothing
///   about x0; x0 is returned as 0 (the data's scale is centred, so 0 is the prior mean) and v = -x0 = 0.
/// - alpha-bar = 1 (no noise), sample network: x_t = x0 and the noise is undetermined; eps is
///   returned as 0 and v = s eps = 0. Both are finite, never NaN.
///
/// ```swift
/// let denoiser = LearnedDenoiser(network: net, predictionType: .epsilon)
/// let x0 = denoiser.modelOutput(for: xt, timestep: 500, alphaProduct: 0.3, predictionType: .sample)
/// ```
public struct LearnedDenoiser: Denoiser {
    /// The network.
    public var network: ToyMLP
    /// What the network outputs.
    public var predictionType: PredictionType
    /// Threads for one evaluation (0 = one per active core).
    public var threads: Int

    /// A denoiser around `network`, whose outputs are `predictionType`.
    public init(network: ToyMLP, predictionType: PredictionType, threads: Int = 0) {
        self.network = network
        self.predictionType = predictionType
        self.threads = threads
    }

    public func modelOutput(for sample: SampleBatch, timestep: Int, alphaProduct: Float,
                            predictionType requested: PredictionType) -> SampleBatch {
        let raw = network.output(for: sample, timestep: timestep, threads: threads)
        return Self.convert(raw, of: predictionType, to: requested, sample: sample, alphaProduct: alphaProduct)
    }

    /// Converts `output` (a prediction of type `from` for rows `sample` at noise level
    /// `alphaProduct`) into a prediction of type `to` (see the type's description).
    ///
    /// ```swift
    /// let v = LearnedDenoiser.convert(eps, of: .epsilon, to: .vPrediction, sample: xt, alphaProduct: 0.5)
    /// ```
    public static func convert(_ output: SampleBatch, of from: PredictionType, to: PredictionType, sample: SampleBatch,
                               alphaProduct: Float) -> SampleBatch {
        guard from != to, output.hasSameShape(as: sample) else { return output }
        let a = alphaProduct.isNaN ? 0 : min(max(alphaProduct, 0), 1)
        let s = a.squareRoot(), sigma = (1 - a).squareRoot()
        var result = output
        let x = sample.values, y = output.values
        result.values.withUnsafeMutableBufferPointer { out in
            for i in out.indices {
                out[i] = convertValue(y[i], from: from, to: to, x: x[i], s: s, sigma: sigma)
            }
        }
        return result
    }

    @inline(__always)
    static func convertValue(_ y: Float, from: PredictionType, to: PredictionType, x: Float, s: Float, sigma: Float) -> Float {
        switch (from, to) {
        case (.epsilon, .sample): return s == 0 ? 0 : (x - sigma * y) / s
        case (.epsilon, .vPrediction): return s == 0 ? 0 : (y - sigma * x) / s
        case (.sample, .epsilon): return sigma == 0 ? 0 : (x - s * y) / sigma
        case (.sample, .vPrediction): return sigma == 0 ? 0 : (s * x - y) / sigma
        case (.vPrediction, .epsilon): return sigma * x + s * y
        case (.vPrediction, .sample): return s * x - sigma * y
        default: return y
        }
    }
}
