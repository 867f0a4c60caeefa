/// Which level a DDIM step from timestep t lands on.
///
/// diffusers computes `t − T // n` even when the schedule's next entry is different (for
/// `trailing` and `linspace` spacing it usually is). ``nextInSchedule`` uses the next entry of
/// `timesteps` instead (−1 after the last), as several diffusers issues ask for.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.previousTimestepRule = .nextInSchedule
/// ```
public enum PreviousTimestepRule: String, Sendable, CaseIterable, Codable {
    /// `t − num_train_timesteps // num_inference_steps`, exactly as diffusers (`"diffusers"`, the default).
    case diffusers = "diffusers"
    /// The next entry of `timesteps`, or −1 (the final level) after the last one (`"next"`).
    case nextInSchedule = "next"
}
