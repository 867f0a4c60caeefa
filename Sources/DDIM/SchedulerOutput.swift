/// The result of one scheduler step.
///
/// ```swift
/// let out = try scheduler.step(modelOutput: eps, timestep: t, sample: x)
/// x = out.prevSample                 // x_{t-1}: the next chain state
/// let preview = out.predOriginalSample
/// ```
public struct SchedulerOutput: Sendable, Equatable {
    /// The sample at the level the step lands on (`prev_sample`).
    public var prevSample: SampleBatch
    /// The model's estimate of the clean sample x₀ after clipping or thresholding (`pred_original_sample`).
    public var predOriginalSample: SampleBatch

    public init(prevSample: SampleBatch, predOriginalSample: SampleBatch) {
        self.prevSample = prevSample
        self.predOriginalSample = predOriginalSample
    }
}
