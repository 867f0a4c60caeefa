extension PhiloxGenerator {
    /// The step's noise made inside its fused pass: value i of the step is this stream's value
    /// `position + i`; advances ``position`` by the batch size, as drawing the values would.
    ///
    /// ```swift
    /// var g = PhiloxGenerator(seed: 3)
    /// _ = g.stepNoise(like: x)   // g.position == UInt64(x.values.count)
    /// ```
    public mutating func stepNoise(like sample: SampleBatch) -> StepNoise {
        defer { position &+= UInt64(sample.values.count) }
        return .philox(self)
    }
}
