extension StepKernel {
    /// One row with dynamic thresholding: x̂₀ for the row, s = quantile(|x̂₀|, ratio) clamped to
    /// [1, maxValue], x̂₀ = clamp(x̂₀, −s, s) / s, then the rest of the update. `row` holds the
    /// row's arrays; `scratch` at least its length.
    func thresholdRow(_ row: ElementArrays, ratio: Float, maxValue: Float, scratch: UnsafeMutableBufferPointer<Float>) {
        let (x, e, prev, x0) = (row.x, row.e, row.prev, row.x0)
        for i in 0..<row.count {
            let p0 = split(x[i], e[i]).x0
            x0[i] = p0
            scratch[i] = abs(p0)
        }
        let quantile = Self.torchQuantile(sortingInPlace: UnsafeMutableBufferPointer(rebasing: scratch[0..<row.count]),
                                          ratio: ratio)
        let s = min(max(quantile, 1), maxValue)
        for i in 0..<row.count {
            let p0 = min(max(x0[i], -s), s) / s
            var eps = split(x[i], e[i]).epsilon
            if useClippedModelOutput { eps = (x[i] - sqrtAlpha * p0) / sqrtBeta }
            x0[i] = p0
            var value = x0Coefficient * p0 + directionCoefficient * eps
            if let z = row.z { value = value + noiseScale * z[i] }
            prev[i] = value
        }
    }

    @inline(__always)
    private func split(_ x: Float, _ e: Float) -> (x0: Float, epsilon: Float) {
        switch prediction {
        case .epsilon: return EpsilonPrediction.split(x, e, sqrtAlpha, sqrtBeta)
        case .sample: return SamplePrediction.split(x, e, sqrtAlpha, sqrtBeta)
        case .vPrediction: return VelocityPrediction.split(x, e, sqrtAlpha, sqrtBeta)
        }
    }

    /// `torch.quantile(values, ratio)` with linear interpolation; sorts `values`. NaN if any is NaN.
    static func torchQuantile(sortingInPlace buffer: UnsafeMutableBufferPointer<Float>, ratio: Float) -> Float {
        var values = buffer
        guard values.count > 0 else { return .nan }
        if values.contains(where: { $0.isNaN }) { return .nan }
        values.sort()
        let rank = ratio * Float(values.count - 1)
        let below = Int(rank), above = min(Int(rank.rounded(.up)), values.count - 1)
        let weight = rank - Float(below)
        let a = values[below], b = values[above]
        // torch's lerp: a + w (b - a) for w < 0.5, else b - (b - a)(1 - w).
        return weight < 0.5 ? a + weight * (b - a) : b - (b - a) * (1 - weight)
    }
}
