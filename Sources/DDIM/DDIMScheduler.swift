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
///
/// The step that returns new arrays reuses the memory of outputs the caller has dropped (see
/// `HeapRecycling`); `step(..., into:)` with one kept output skips even that.
public struct DDIMScheduler: Scheduler, Sendable {
    public private(set) var core: ScheduleCore
    /// The most threads a step uses (default: the active processor count). Results do not depend on it.
    public var maximumThreads: Int {
        get { core.maximumThreads }
        set { core.maximumThreads = newValue }
    }

    /// ᾱ of the final level: 1 with `set_alpha_to_one`, else ᾱ₀ (`final_alpha_cumprod`).
    public var finalAlphaCumprod: Float { core.boundaryAlphaCumprod }

    /// Builds the noise schedule of `configuration`, validating every option.
    ///
    /// ```swift
    /// let scheduler = try DDIMScheduler(configuration: DDIMConfiguration(jsonData: data))
    /// ```
    public init(configuration: DDIMConfiguration = DDIMConfiguration()) throws(DDIMError) {
        core = try ScheduleCore(configuration: configuration)
    }

    /// Selects `count` timesteps (diffusers' `set_timesteps`).
    ///
    /// ```swift
    /// try scheduler.setTimesteps(10)
    /// scheduler.timesteps   // [900, 800, ..., 0]
    /// ```
    public mutating func setTimesteps(_ count: Int) throws(DDIMError) {
        try core.setTimesteps(count, ascending: false)
    }

    /// The level a step from `timestep` lands on: `t − T // n` (diffusers), or the next entry of
    /// ``timesteps`` (−1 after the last) with ``PreviousTimestepRule/nextInSchedule`` or quad spacing.
    /// −1 before ``setTimesteps(_:)``.
    public func previousTimestep(for timestep: Int) -> Int {
        guard let n = numInferenceSteps else { return -1 }
        if let index = core.scheduleIndex(of: timestep) {
            return index + 1 < timesteps.count ? timesteps[index + 1] : -1
        }
        return timestep - configuration.numTrainTimesteps / n
    }

    /// diffusers' `_get_variance(t, prev)`: (1 − ᾱ_prev)/(1 − ᾱ_t) · (1 − ᾱ_t/ᾱ_prev).
    public func variance(timestep: Int, previousTimestep: Int) -> Float {
        let alphaProd = alphaProduct(at: timestep), alphaProdPrev = alphaProduct(at: previousTimestep)
        return ((1 - alphaProdPrev) / (1 - alphaProd)) * (1 - alphaProd / alphaProdPrev)
    }

    /// The numbers of the step from `timestep` with this `eta` (with the checks of ``step(modelOutput:timestep:sample:eta:useClippedModelOutput:noise:into:)``).
    ///
    /// ```swift
    /// let c = try scheduler.coefficients(timestep: 500, eta: 1)
    /// c.noiseCoefficient   // σ of DDPM's posterior
    /// ```
    public func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients {
        try core.checkStep(timestep: timestep, eta: eta)
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
}
