/// What the explorer needs to drive a DDIM-family chain without knowing which scheduler it holds:
/// ``DDIMScheduler`` (x_T → x₀) or ``DDIMInverseScheduler`` (x₀ → x_T).
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
    mutating func setTimesteps(_ count: Int) throws
    /// The level a step called with `timestep` lands on (−1 = the final level).
    func previousTimestep(for timestep: Int) -> Int
    /// ᾱ at `timestep`; the final (or, for the inverse, initial) ᾱ for a negative timestep.
    func alphaProduct(at timestep: Int) -> Float
    /// The numbers of the step from `timestep` with this `eta`.
    func coefficients(timestep: Int, eta: Float) throws -> StepCoefficients
    /// One step with optional explicit noise (used only when the step is stochastic).
    func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
              useClippedModelOutput: Bool, varianceNoise: SampleBatch?) throws -> SchedulerOutput
    /// One step whose noise (if any) is drawn from `generator`.
    func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                 generator: inout G) throws -> SchedulerOutput
}

extension Scheduler {
    /// A deterministic step (eta = 0), for code that holds `any Scheduler`.
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch) throws -> SchedulerOutput {
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: 0,
                 useClippedModelOutput: false, varianceNoise: nil)
    }
}
