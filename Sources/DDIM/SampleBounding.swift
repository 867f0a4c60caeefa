/// How the predicted x₀ is kept in range.
enum SampleBounding: Sendable, Equatable {
    case none
    /// Clamp to ±range (`clip_sample`).
    case clip(Float)
    /// Dynamic thresholding per row (`thresholding`).
    case threshold(ratio: Float, maxValue: Float)
}
