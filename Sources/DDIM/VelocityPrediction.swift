/// ``PredictionRule`` for `v_prediction`: x̂₀ = √ᾱ x − √(1−ᾱ) v, ε̂ = √ᾱ v + √(1−ᾱ) x.
enum VelocityPrediction: PredictionRule {
    @inline(__always)
    static func split(_ x: Float, _ output: Float, _ sqrtAlpha: Float, _ sqrtBeta: Float) -> (x0: Float, epsilon: Float) {
        (sqrtAlpha * x - sqrtBeta * output, sqrtAlpha * output + sqrtBeta * x)
    }
}
