import ToyWorld

/// A run whose first step treats x_T (pure noise) as a level that still holds signal, so noise is
/// left in the samples: for example 1 step with leading spacing starts at t = 0 and returns x_T
/// unchanged, 2 steps start at t = 500. `inspect` warns about the same start.
///
/// ```swift
/// NoisyStartWarning(run: run)?.text   // "first step at t=0 (ᾱ 1.0): x_T stays noise; try t for trailing"
/// ```
struct NoisyStartWarning {
    /// The largest ᾱ at the first timestep that passes without a warning: signal share sqrt(ᾱ) 0.1.
    static let largestQuietAlphaProduct: Float = 0.01

    let timestep: Int
    let alphaProduct: Float

    init?(run: ChainRun) {
        guard let chain = run.chain, let first = chain.timesteps.first else { return nil }
        let alpha = chain.scheduler.alphaProduct(at: first)
        guard alpha > Self.largestQuietAlphaProduct else { return nil }
        timestep = first
        alphaProduct = alpha
    }

    var text: String {
        "first step at t=\(timestep) (ᾱ \(Text.small(alphaProduct, 3))), but x_T is pure noise: noise stays in the samples; "
            + "t for trailing spacing starts at T-1"
    }
}
