/// How the training noise levels β₁…β_T are laid out, as diffusers' `beta_schedule` names it.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.betaSchedule = .scaledLinear     // "scaled_linear", Stable Diffusion's schedule
/// ```
public enum BetaSchedule: String, Sendable, CaseIterable, Codable {
    /// β evenly spaced from `beta_start` to `beta_end` (`"linear"`).
    case linear = "linear"
    /// √β evenly spaced, then squared (`"scaled_linear"`).
    case scaledLinear = "scaled_linear"
    /// The cosine schedule of Nichol & Dhariwal, β capped at 0.999 (`"squaredcos_cap_v2"`).
    case squaredcosCapV2 = "squaredcos_cap_v2"
}
