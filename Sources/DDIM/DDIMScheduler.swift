import Foundation

/// diffusers' `DDIMScheduler` (Song et al. 2020), vectorized over a batch of rows.
///
/// Every option, every timestep and every number matches diffusers 0.42 (float32, to rounding);
/// the few places where diffusers crashes or returns garbage are documented deviations
/// (see ``TimestepSelection`` and ``DDIMError``).
///
/// Where diffusers 0.42 crashes or returns garbage, this type differs (and only there):
/// - `trailing` spacing returns exactly n timesteps (diffusers: n + 1 ending in −1 for n = 61, 103, ... of 1000);
/// - `leading` + `steps_offset` past T − 1 throws ``DDIMError/stepsOffsetPastSchedule(stepsOffset:largestTimestep:numTrainTimesteps:steps:)``;
/// - `num_inference_steps` = 0 throws instead of dividing by zero;
/// - dynamic thresholding works per row on any row width (diffusers needs ≥ 3-D tensors);
/// - ε-prediction from a timestep where ᾱ = 0 (zero-SNR rescaling) throws instead of returning NaN;
/// - when 1 − ᾱ_prev − σ² rounds below zero (η = 1 from the zero-SNR top step, or η > 1) the
///   direction coefficient is 0, where diffusers takes the square root of a negative number (NaN).
/// Options diffusers does not have are off by default: ``PreviousTimestepRule/nextInSchedule``,
/// ``VarianceKind/largeSigmaHat`` and ``TimestepSpacing/quadratic``.
///
/// ```swift
/// var scheduler = try DDIMScheduler(configuration: DDIMConfiguration())
/// try scheduler.setTimesteps(50)
/// var x = SampleBatch.randomNormal(count: 1000, dimension: 2, using: &generator)
/// for t in scheduler.timesteps {
///     let eps = model(x, t)
///     x = try scheduler.step(modelOutput: eps, timestep: t, sample: x).prevSample
/// }
/// ```
public struct DDIMScheduler: Scheduler, Sendable {
    /// The options the scheduler was built from.
    public let configuration: DDIMConfiguration
    /// β_t for t in 0 ..< T.
    public let betas: [Float]
    /// ᾱ_t for t in 0 ..< T (`alphas_cumprod`).
    public let alphasCumprod: [Float]
    /// ᾱ of the final level: 1 with `set_alpha_to_one`, else ᾱ₀ (`final_alpha_cumprod`).
    public let finalAlphaCumprod: Float
    /// The descending timesteps of the chain (empty until ``setTimesteps(_:)``).
    public private(set) var timesteps: [Int] = []
    /// n of the last ``setTimesteps(_:)`` (`num_inference_steps`), nil before.
    public private(set) var numInferenceSteps: Int?
    /// The most threads a step uses (default: the active processor count). Results do not depend on it.
    public var maximumThreads: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Builds the noise schedule of `configuration`, validating every option.
    ///
    /// ```swift
    /// let scheduler = try DDIMScheduler(configuration: DDIMConfiguration(jsonData: data))
    /// ```
    public init(configuration: DDIMConfiguration = DDIMConfiguration()) throws(DDIMError) {
        let schedule = try NoiseSchedule(configuration: configuration)
        self.configuration = configuration
        self.betas = schedule.betas
        self.alphasCumprod = schedule.alphasCumprod
        self.finalAlphaCumprod = configuration.setAlphaToOne ? 1 : schedule.alphasCumprod[0]
    }

    /// Selects `count` timesteps (diffusers' `set_timesteps`).
    ///
    /// ```swift
    /// try scheduler.setTimesteps(10)
    /// scheduler.timesteps   // [900, 800, ..., 0]
    /// ```
    public mutating func setTimesteps(_ count: Int) throws(DDIMError) {
        timesteps = try TimestepSelection.timesteps(for: configuration, count: count)
        numInferenceSteps = count
    }

    /// True when steps land on the next schedule entry instead of `t − T // n`.
    var stepsToNextInSchedule: Bool {
        configuration.previousTimestepRule == .nextInSchedule || configuration.timestepSpacing == .quadratic
    }

    /// The level a step from `timestep` lands on: `t − T // n` (diffusers), or the next entry of
    /// ``timesteps`` (−1 after the last) with ``PreviousTimestepRule/nextInSchedule`` or quad spacing.
    /// −1 before ``setTimesteps(_:)``.
    public func previousTimestep(for timestep: Int) -> Int {
        guard let n = numInferenceSteps else { return -1 }
        if stepsToNextInSchedule, let index = timesteps.firstIndex(of: timestep) {
            return index + 1 < timesteps.count ? timesteps[index + 1] : -1
        }
        return timestep - configuration.numTrainTimesteps / n
    }

    /// ᾱ at `timestep`: ``finalAlphaCumprod`` below 0, ᾱ_{T−1} above the schedule.
    public func alphaProduct(at timestep: Int) -> Float {
        guard timestep >= 0 else { return finalAlphaCumprod }
        return alphasCumprod[min(timestep, alphasCumprod.count - 1)]
    }

    /// diffusers' `_get_variance(t, prev)`: (1 − ᾱ_prev)/(1 − ᾱ_t) · (1 − ᾱ_t/ᾱ_prev).
    public func variance(timestep: Int, previousTimestep: Int) -> Float {
        let alphaProd = alphaProduct(at: timestep), alphaProdPrev = alphaProduct(at: previousTimestep)
        return ((1 - alphaProdPrev) / (1 - alphaProd)) * (1 - alphaProd / alphaProdPrev)
    }

    /// The numbers of the step from `timestep` with this `eta` (checks like ``step(modelOutput:timestep:sample:eta:useClippedModelOutput:varianceNoise:)``).
    ///
    /// ```swift
    /// let c = try scheduler.coefficients(timestep: 500, eta: 1)
    /// c.noiseCoefficient   // σ of DDPM's posterior
    /// ```
    public func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients {
        guard numInferenceSteps != nil else { throw .timestepsNotSet }
        guard timestep >= 0 && timestep < alphasCumprod.count else {
            throw .timestepOutOfRange(timestep, numTrainTimesteps: alphasCumprod.count)
        }
        guard eta.isFinite && eta >= 0 else { throw .invalidEta(eta) }
        if stepsToNextInSchedule && !timesteps.contains(timestep) { throw .timestepNotInSchedule(timestep) }
        let previous = previousTimestep(for: timestep)
        let alphaProd = alphaProduct(at: timestep), alphaProdPrev = alphaProduct(at: previous)
        let variance = variance(timestep: timestep, previousTimestep: previous)
        let directionSigma: Float, sigma: Float, noise: Float
        switch configuration.varianceKind {
        case .ddim:
            directionSigma = eta * variance.squareRoot()
            sigma = directionSigma
            noise = eta > 0 ? sigma : 0
        case .largeSigmaHat:
            directionSigma = variance.squareRoot()
            sigma = previous >= 0 ? (1 - alphaProd / alphaProdPrev).squareRoot() : 0
            noise = sigma
        }
        let directionSquare = 1 - alphaProdPrev - directionSigma * directionSigma
        return StepCoefficients(timestep: timestep, previousTimestep: previous, alphaProduct: alphaProd,
                                alphaProductPrevious: alphaProdPrev, variance: variance, sigma: sigma,
                                x0Coefficient: alphaProdPrev.squareRoot(),
                                epsilonCoefficient: max(0, directionSquare).squareRoot(), noiseCoefficient: noise)
    }

    /// Whether a step with this eta adds noise (and so consumes noise): eta > 0, or always for σ̂.
    public func isStochastic(eta: Float) -> Bool {
        configuration.varianceKind == .largeSigmaHat || eta > 0
    }

    /// The fused kernel for one step, after every check.
    func kernel(timestep: Int, eta: Float, useClippedModelOutput: Bool) throws(DDIMError) -> StepKernel {
        let c = try coefficients(timestep: timestep, eta: eta)
        if configuration.predictionType == .epsilon && c.alphaProduct == 0 {
            throw .zeroSignalWithEpsilonPrediction(timestep: timestep, rescaled: configuration.rescaleBetasZeroSnr)
        }
        let bounding: SampleBounding = configuration.thresholding
            ? .threshold(ratio: configuration.dynamicThresholdingRatio, maxValue: configuration.sampleMaxValue)
            : (configuration.clipSample ? .clip(configuration.clipSampleRange) : .none)
        return StepKernel(prediction: configuration.predictionType, bounding: bounding,
                          useClippedModelOutput: useClippedModelOutput,
                          sqrtAlpha: c.alphaProduct.squareRoot(), sqrtBeta: (1 - c.alphaProduct).squareRoot(),
                          x0Coefficient: c.x0Coefficient, directionCoefficient: c.epsilonCoefficient,
                          noiseScale: c.noiseCoefficient)
    }
}
