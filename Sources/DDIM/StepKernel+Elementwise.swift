extension StepKernel {
    /// The clip / no-clip pass over one block.
    ///
    /// Every combination of prediction type, clipping, re-derived epsilon and noise gets a loop of
    /// its own (the options are generic parameters): with run-time flags inside one loop the
    /// vectorizer computes both sides of each `if`, including a second division per element.
    func elementwise(_ arrays: ElementArrays) {
        switch prediction {
        case .epsilon: clipping(EpsilonPrediction.self, arrays)
        case .sample: clipping(SamplePrediction.self, arrays)
        case .vPrediction: clipping(VelocityPrediction.self, arrays)
        }
    }

    @inline(__always)
    private func clipping<P: PredictionRule>(_ rule: P.Type, _ arrays: ElementArrays) {
        if case .clip(let range) = bounding {
            rederiving(P.self, Enabled.self, low: -range, high: range, arrays)
        } else {
            rederiving(P.self, Disabled.self, low: -.infinity, high: .infinity, arrays)
        }
    }

    @inline(__always)
    private func rederiving<P: PredictionRule, Clip: LoopOption>(_ rule: P.Type, _ clip: Clip.Type,
                                                                 low: Float, high: Float, _ arrays: ElementArrays) {
        if useClippedModelOutput {
            loop(P.self, Clip.self, Enabled.self, low: low, high: high, arrays)
        } else {
            loop(P.self, Clip.self, Disabled.self, low: low, high: high, arrays)
        }
    }

    @inline(__always)
    private func loop<P: PredictionRule, Clip: LoopOption, Rederive: LoopOption>(
        _ rule: P.Type, _ clip: Clip.Type, _ rederive: Rederive.Type, low: Float, high: Float, _ arrays: ElementArrays
    ) {
        let (sa, sb, c0, cd, cz) = (sqrtAlpha, sqrtBeta, x0Coefficient, directionCoefficient, noiseScale)
        let (x, e, prev, x0) = (arrays.x, arrays.e, arrays.prev, arrays.x0)
        if let z = arrays.z {
            for i in 0..<arrays.count {
                var (p0, eps) = P.split(x[i], e[i], sa, sb)
                if Clip.isOn { p0 = min(max(p0, low), high) }
                if Rederive.isOn { eps = (x[i] - sa * p0) / sb }
                x0[i] = p0
                prev[i] = (c0 * p0 + cd * eps) + cz * z[i]
            }
        } else {
            for i in 0..<arrays.count {
                var (p0, eps) = P.split(x[i], e[i], sa, sb)
                if Clip.isOn { p0 = min(max(p0, low), high) }
                if Rederive.isOn { eps = (x[i] - sa * p0) / sb }
                x0[i] = p0
                prev[i] = c0 * p0 + cd * eps
            }
        }
    }
}
