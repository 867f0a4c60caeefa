import Foundation

/// How the learning rate changes over a training run.
///
/// ```swift
/// LearningRateSchedule.cosine.rate(base: 1e-3, step: 500, of: 1000)    // 5e-4
/// ```
public enum LearningRateSchedule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The base rate at every step.
    case constant
    /// base (1 + cos(pi step / steps)) / 2: from the base rate down to 0 at the last step.
    case cosine

    /// The rate of step `step` (0-based) in a run of `steps` steps.
    public func rate(base: Float, step: Int, of steps: Int) -> Float {
        switch self {
        case .constant:
            return base
        case .cosine:
            guard steps > 0 else { return base }
            let progress = Double(min(max(step, 0), steps)) / Double(steps)
            return Float(Double(base) * 0.5 * (1 + cos(Double.pi * progress)))
        }
    }
}
