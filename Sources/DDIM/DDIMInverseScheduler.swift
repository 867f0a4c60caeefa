import Foundation

/// diffusers' `DDIMInverseScheduler`: deterministic DDIM run backwards, x₀ → x_T, to encode points
/// into noise that ``DDIMScheduler`` decodes back.
///
/// Timesteps ascend (the forward schedule reversed). A step called with timestep t starts at the
/// level ``sourceTimestep(for:)`` = min(t − T // n, T − 1) — ᾱ = 1 (`set_alpha_to_one`) or ᾱ₀ below
/// zero — and lands on t. Thresholding and eta do not apply (clip_sample does), as in diffusers.
///
/// ```swift
/// var inverse = try DDIMInverseScheduler(configuration: config)
/// try inverse.setTimesteps(50)
/// var x = x0
/// for t in inverse.timesteps {
///     x = try inverse.step(modelOutput: model(x, inverse.sourceTimestep(for: t)), timestep: t, sample: x).prevSample
/// }
/// ```
public struct DDIMInverseScheduler: Scheduler, Sendable {
    public private(set) var core: ScheduleCore
    /// The most threads a step uses (default: the active processor count). Results do not depend on it.
    public var maximumThreads: Int {
        get { core.maximumThreads }
        set { core.maximumThreads = newValue }
    }

    /// ᾱ of the level before the first step: 1 with `set_alpha_to_one`, else ᾱ₀ (`initial_alpha_cumprod`).
    public var initialAlphaCumprod: Float { core.boundaryAlphaCumprod }

    /// Builds the noise schedule of `configuration`, validating every option.
    ///
    /// ```swift
    /// let inverse = try DDIMInverseScheduler(configuration: DDIMConfiguration())
    /// ```
    public init(configuration: DDIMConfiguration = DDIMConfiguration()) throws(DDIMError) {
        core = try ScheduleCore(configuration: configuration)
    }

    /// Selects `count` ascending timesteps: the forward schedule of the same configuration, reversed.
    public mutating func setTimesteps(_ count: Int) throws(DDIMError) {
        try core.setTimesteps(count, ascending: true)
    }

    /// The level a step called with `timestep` starts from: min(t − T // n, T − 1), or the previous
    /// entry of ``timesteps`` (−1 before the first) with the next-in-schedule rule. −1 before
    /// ``setTimesteps(_:)``.
    public func sourceTimestep(for timestep: Int) -> Int {
        guard let n = numInferenceSteps else { return -1 }
        if let index = core.scheduleIndex(of: timestep) {
            return index > 0 ? timesteps[index - 1] : -1
        }
        return min(timestep - configuration.numTrainTimesteps / n, configuration.numTrainTimesteps - 1)
    }

    /// An inverse step lands on the timestep it is called with.
    public func previousTimestep(for timestep: Int) -> Int {
        timestep
    }

    /// The numbers of the step called with `timestep`: from ᾱ at the source level
    /// (`alphaProduct`) to ᾱ at `timestep` (`alphaProductPrevious`). eta must be 0.
    public func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients {
        try core.checkStep(timestep: timestep, eta: eta)
        guard eta == 0 else { throw .stochasticInverseStep(eta) }
        let alphaProd = alphaProduct(at: sourceTimestep(for: timestep)), alphaProdNext = alphaProduct(at: timestep)
        return StepCoefficients(timestep: timestep, previousTimestep: timestep, alphaProduct: alphaProd,
                                alphaProductPrevious: alphaProdNext, variance: 0, sigma: 0,
                                x0Coefficient: alphaProdNext.squareRoot(),
                                epsilonCoefficient: (1 - alphaProdNext).squareRoot(), noiseCoefficient: 0)
    }

    /// One inverse step (diffusers' `DDIMInverseScheduler.step`) writing into `output`; `eta`
    /// must be 0 and `noise` is not used.
    ///
    /// ```swift
    /// var out = SchedulerOutput.empty
    /// try inverse.step(modelOutput: eps, timestep: 21, sample: x, into: &out)
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, noise: StepNoise = .none,
                     into output: inout SchedulerOutput) throws(DDIMError) {
        let c = try coefficients(timestep: timestep, eta: eta)
        let kernel = try core.kernel(c, source: sourceTimestep(for: timestep),
                                     bounding: configuration.clipSample ? .clip(configuration.clipSampleRange) : .none,
                                     useClippedModelOutput: useClippedModelOutput)
        try core.run(kernel, modelOutput: modelOutput, sample: sample, noise: .none, into: &output)
    }
}
