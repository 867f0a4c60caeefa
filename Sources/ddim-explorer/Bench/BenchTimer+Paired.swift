extension BenchTimer {
    /// Two timings taken in alternating samples, and the median of their per-sample ratios.
    struct PairedTiming: Sendable {
        var reference: Timing
        var candidate: Timing
        /// Median over the samples of candidate time / reference time (each pair measured back to
        /// back, so both saw the machine in the same state).
        var medianRatio: Double
    }

    /// Times `reference` and `candidate` in alternating samples (reference, candidate, reference,
    /// ...). On a shared machine whose speed drifts between runs (other programs, clock changes),
    /// both sides of each pair see the same conditions, so the median of the per-pair ratios is
    /// much steadier than the ratio of two medians taken one after the other.
    ///
    /// ```swift
    /// let paired = timer.measurePaired(reference: { bound.run() }, candidate: { step() })
    /// paired.medianRatio   // e.g. 3.1: the step takes 3.1 times the memory bound
    /// ```
    func measurePaired(reference: () throws -> Float, candidate: () throws -> Float) rethrows -> PairedTiming {
        var first = try Sampler(reference, minimumSampleSeconds: minimumSampleSeconds)
        var second = try Sampler(candidate, minimumSampleSeconds: minimumSampleSeconds)
        for _ in 0..<max(1, samples) {
            try first.takeSample(reference)
            try second.takeSample(candidate)
        }
        let ratios = zip(first.perRun, second.perRun).map { $1 / max($0, 1e-12) }.sorted()
        return PairedTiming(reference: first.timing, candidate: second.timing,
                            medianRatio: Self.median(ofSorted: ratios))
    }
}
