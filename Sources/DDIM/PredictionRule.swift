/// x̂₀ and ε̂ from the sample x and the model output, per prediction type, as diffusers writes them.
protocol PredictionRule {
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float)
}
