/// The noise of one stochastic step, as the fused pass takes it: none, values already drawn,
/// or a ``PhiloxGenerator`` position whose normals the pass makes itself (value i of the step is
/// the stream's value `position + i`).
///
/// The `noise:` of ``Scheduler/step(modelOutput:timestep:sample:eta:useClippedModelOutput:noise:)``,
/// as diffusers' `step` takes `variance_noise=`, `generator=` or neither:
///
/// ```swift
/// var g = TorchGenerator(seed: 42)
/// try scheduler.step(modelOutput: eps, timestep: t, sample: x, eta: 1, noise: .varianceNoise(z))
/// try scheduler.step(modelOutput: eps, timestep: t, sample: x, eta: 1, noise: .drawn(from: &g, like: x))
/// try scheduler.step(modelOutput: eps, timestep: t, sample: x)   // .none
/// ```
///
/// `.drawn` advances the generator when it is called, whatever the step does with the noise: a
/// deterministic step (eta 0) should pass `.none`, as diffusers draws nothing there. A stochastic
/// step given `.none` draws from a randomly seeded ``PhiloxGenerator``, as diffusers without a
/// generator does.
public struct StepNoise: Sendable {
    enum Source: Sendable {
        case none
        /// A batch of the sample's shape, already drawn.
        case values(SampleBatch)
        /// Normals of this generator's stream from its position, made inside the pass.
        case philox(PhiloxGenerator)
    }

    let source: Source

    /// No noise given.
    public static let none = StepNoise(source: .none)

    /// `z` (the sample's shape) as the step's noise (diffusers' `variance_noise`).
    public static func varianceNoise(_ z: SampleBatch) -> StepNoise { StepNoise(source: .values(z)) }

    /// The next block of `generator`'s stream for a batch shaped like `sample` (diffusers'
    /// `generator`); see ``GaussianSource/stepNoise(like:)``.
    public static func drawn<G: GaussianSource>(from generator: inout G, like sample: SampleBatch) -> StepNoise {
        generator.stepNoise(like: sample)
    }

    /// The pass makes the normals of `generator` from its position.
    static func philox(_ generator: PhiloxGenerator) -> StepNoise { StepNoise(source: .philox(generator)) }

    /// True when no noise was given.
    var isNone: Bool { if case .none = source { return true } else { return false } }
}
