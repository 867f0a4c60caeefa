/// What both DDIM schedulers offer, ``DDIMScheduler`` (x_T → x₀) and ``DDIMInverseScheduler``
/// (x₀ → x_T), so a chain can drive either.
///
/// A step returns a new ``SchedulerOutput``, or writes into one the caller keeps
/// (`step(..., into:)`, nothing allocated per step); its noise is a ``StepNoise``: none, a given
/// batch, or drawn from a generator.
///
/// ```swift
/// func run(_ scheduler: some Scheduler, _ x: SampleBatch, model: (SampleBatch, Int) -> SampleBatch) throws -> SampleBatch {
///     var x = x
///     for t in scheduler.timesteps {
///         x = try scheduler.step(modelOutput: model(x, t), timestep: t, sample: x).prevSample
///     }
///     return x
/// }
/// ```
public protocol Scheduler: Sendable {
    /// The schedule state both schedulers share (read it through the properties below).
    var core: ScheduleCore { get }
    /// Selects `count` timesteps.
    mutating func setTimesteps(_ count: Int) throws(DDIMError)
    /// The level a step called with `timestep` lands on (−1 = the final level).
    func previousTimestep(for timestep: Int) -> Int
    /// The numbers of the step from `timestep` with this `eta`.
    func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients
    /// One step writing into `output`, whose storage is reused when it already has the sample's
    /// size: a loop that keeps one output allocates nothing per step.
    func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float, useClippedModelOutput: Bool,
              noise: StepNoise, into output: inout SchedulerOutput) throws(DDIMError)
}

extension Scheduler {
    /// The options the scheduler was built from.
    public var configuration: DDIMConfiguration { core.configuration }
    /// β_t for t in 0 ..< T.
    public var betas: [Float] { core.betas }
    /// ᾱ_t for t in 0 ..< T (`alphas_cumprod`).
    public var alphasCumprod: [Float] { core.alphasCumprod }
    /// The timesteps in the order the chain visits them (empty until `setTimesteps`).
    public var timesteps: [Int] { core.timesteps }
    /// n of the last `setTimesteps` (`num_inference_steps`), nil before.
    public var numInferenceSteps: Int? { core.numInferenceSteps }

    /// ᾱ at `timestep`: ᾱ_{T−1} above the schedule, and below 0 the final level's ᾱ (the
    /// inverse scheduler's initial one): 1 with `set_alpha_to_one`, else ᾱ₀.
    public func alphaProduct(at timestep: Int) -> Float {
        core.alphaProduct(at: timestep)
    }

    /// One step (diffusers' `step`), returning a new output.
    ///
    /// ```swift
    /// let out = try scheduler.step(modelOutput: eps, timestep: 981, sample: x, eta: 0.5, noise: .varianceNoise(z))
    /// x = out.prevSample
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, noise: StepNoise = .none) throws(DDIMError) -> SchedulerOutput {
        var output = SchedulerOutput.empty
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                 useClippedModelOutput: useClippedModelOutput, noise: noise, into: &output)
        return output
    }
}
