/// Which noise a stochastic DDIM step adds.
///
/// ``ddim`` is diffusers' rule: σ = η·√variance, used both in the direction term and as the
/// noise scale. ``largeSigmaHat`` is the σ̂ variant of the DDIM paper's Table 1: the direction
/// uses η = 1's σ, the added noise has std σ̂ = √(1 − ᾱ_t / ᾱ_prev) (η is ignored), and the last
/// step (to the final level) adds no noise, as in the paper's code.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.varianceKind = .largeSigmaHat
/// ```
public enum VarianceKind: String, Sendable, CaseIterable, Codable {
    /// σ = η·√((1 − ᾱ_prev)/(1 − ᾱ_t) · (1 − ᾱ_t/ᾱ_prev)) (`"ddim"`, the default).
    case ddim = "ddim"
    /// The paper's large-variance σ̂ = √(1 − ᾱ_t/ᾱ_prev), noise term only (`"large"`).
    case largeSigmaHat = "large"
}
