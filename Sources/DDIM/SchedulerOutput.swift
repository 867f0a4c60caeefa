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

    /// An output with no rows, to pass to the `into:` steps, which size it.
    public static var empty: SchedulerOutput {
        SchedulerOutput(prevSample: SampleBatch(zerosCount: 0, dimension: 0),
                        predOriginalSample: SampleBatch(zerosCount: 0, dimension: 0))
    }

    public init(prevSample: SampleBatch, predOriginalSample: SampleBatch) {
        self.prevSample = prevSample
        self.predOriginalSample = predOriginalSample
    }
}
