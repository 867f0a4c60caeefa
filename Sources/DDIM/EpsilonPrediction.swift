/// ``PredictionRule`` for `epsilon`: the model output is ε̂; x̂₀ = (x − √(1−ᾱ) ε̂) / √ᾱ.
enum EpsilonPrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        ((x - sqrtBeta * output) / sqrtAlpha, output)
    }
}
