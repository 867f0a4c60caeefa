/// ``PredictionRule`` for `sample`: the model output is x̂₀; ε̂ = (x − √ᾱ x̂₀) / √(1−ᾱ).
enum SamplePrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        (output, (x - sqrtAlpha * output) / sqrtBeta)
    }
}
