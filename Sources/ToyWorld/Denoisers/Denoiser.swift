/// A model in the DDIM loop: given noisy points x_t, their integer timestep t and its noise level
/// alpha-bar_t, it predicts what the scheduler's `prediction_type` asks for.
///
/// The forward process is x_t = sqrt(alpha-bar) x0 + sqrt(1 - alpha-bar) epsilon. `ToyWorld`'s exact
/// denoisers return the optimal (posterior-mean) prediction, so a sampler run with them has no model
/// error at all; they need only alpha-bar. A learned network sees the timestep t, as diffusers'
/// models do, and conforms to the same protocol.
///
/// ```swift
/// let denoiser = Dataset.builtin(.eightGaussians).exactDenoiser(bandwidth: nil)
/// let xt = SampleBatch(count: 1, dimension: 2, values: [0.3, -1.2])
/// let eps = denoiser.modelOutput(for: xt, timestep: 499, alphaProduct: 0.5, predictionType: .epsilon)
/// ```
public protocol Denoiser: Sendable {
    /// Model output (for `predictionType`) for noisy rows x_t at integer timestep `timestep`, whose
    /// noise level is alpha-bar = `alphaProduct`.
    func modelOutput(for sample: SampleBatch, timestep: Int, alphaProduct: Float, predictionType: PredictionType) -> SampleBatch
}

/// Both halves of an exact denoiser's answer: the predicted clean points and the predicted noise.
///
/// At alpha-bar = 1 (no noise) `noise` is zero and `originalSample` is x_t; at alpha-bar = 0 (zero
/// terminal SNR) `originalSample` is the mean of the data and `noise` is x_t. Both are always finite.
public struct DenoiserPrediction: Sendable, Equatable {
    /// E[x0 | x_t].
    public var originalSample: SampleBatch
    /// E[epsilon | x_t].
    public var noise: SampleBatch

    /// The model output for `predictionType` at noise level `alphaProduct`:
    /// epsilon, x0, or v = sqrt(alpha-bar) epsilon - sqrt(1 - alpha-bar) x0.
    ///
    /// ```swift
    /// let v = prediction.output(for: .vPrediction, alphaProduct: 0.25)
    /// ```
    public func output(for predictionType: PredictionType, alphaProduct: Float) -> SampleBatch {
        switch predictionType {
        case .epsilon:
            return noise
        case .sample:
            return originalSample
        case .vPrediction:
            let level = NoiseLevel(alphaProduct: alphaProduct)
            var v = noise
            let x0 = originalSample.values
            for i in v.values.indices {
                v.values[i] = level.signal * v.values[i] - level.noise * x0[i]
            }
            return v
        }
    }
}

/// sqrt(alpha-bar) and sqrt(1 - alpha-bar) for an alpha-bar clamped to [0, 1] (NaN counts as 0).
@usableFromInline
struct NoiseLevel: Sendable {
    /// alpha-bar, clamped to [0, 1].
    @usableFromInline let alphaProduct: Float
    /// sqrt(alpha-bar): how much of x0 is left in x_t.
    @usableFromInline let signal: Float
    /// sqrt(1 - alpha-bar): the standard deviation of the noise in x_t.
    @usableFromInline let noise: Float
    /// 1 - alpha-bar.
    @usableFromInline let noiseVariance: Float

    @usableFromInline
    init(alphaProduct: Float) {
        let clamped = alphaProduct.isNaN ? 0 : min(max(alphaProduct, 0), 1)
        self.alphaProduct = clamped
        signal = clamped.squareRoot()
        noiseVariance = 1 - clamped
        noise = noiseVariance.squareRoot()
    }
}

/// A denoiser whose answer is the pair (x0, epsilon); the protocol's model output follows from it.
public protocol PosteriorMeanDenoiser: Denoiser {
    /// E[x0 | x_t] and E[epsilon | x_t] for every row of `sample`.
    func prediction(for sample: SampleBatch, alphaProduct: Float) -> DenoiserPrediction
}

extension PosteriorMeanDenoiser {
    /// The exact answer depends on the noise level alone, so `timestep` is not read.
    public func modelOutput(for sample: SampleBatch, timestep: Int, alphaProduct: Float, predictionType: PredictionType) -> SampleBatch {
        modelOutput(for: sample, alphaProduct: alphaProduct, predictionType: predictionType)
    }

    /// Model output (for `predictionType`) at noise level alpha-bar = `alphaProduct`: an exact
    /// denoiser needs no timestep.
    ///
    /// ```swift
    /// let x0 = GaussianMixtureDenoiser(mixture: mixture).modelOutput(for: xt, alphaProduct: 0.3, predictionType: .sample)
    /// ```
    public func modelOutput(for sample: SampleBatch, alphaProduct: Float, predictionType: PredictionType) -> SampleBatch {
        prediction(for: sample, alphaProduct: alphaProduct).output(for: predictionType, alphaProduct: alphaProduct)
    }
}
