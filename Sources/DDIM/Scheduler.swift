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
    /// The options the scheduler was built from.
    var configuration: DDIMConfiguration { get }
    /// The timesteps in the order the chain visits them (empty before `setTimesteps`).
    var timesteps: [Int] { get }
    /// ᾱ_t for t in 0 ..< T.
    var alphasCumprod: [Float] { get }
    /// Selects `count` timesteps.
    mutating func setTimesteps(_ count: Int) throws(DDIMError)
    /// The level a step called with `timestep` lands on (−1 = the final level).
    func previousTimestep(for timestep: Int) -> Int
    /// ᾱ at `timestep`; the final (or, for the inverse, initial) ᾱ for a negative timestep.
    func alphaProduct(at timestep: Int) -> Float
    /// The numbers of the step from `timestep` with this `eta`.
    func coefficients(timestep: Int, eta: Float) throws(DDIMError) -> StepCoefficients
    /// One step writing into `output`, whose storage is reused when it already has the sample's
    /// size: a loop that keeps one output allocates nothing per step.
    func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float, useClippedModelOutput: Bool,
              noise: StepNoise, into output: inout SchedulerOutput) throws(DDIMError)
}

extension Scheduler {
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
