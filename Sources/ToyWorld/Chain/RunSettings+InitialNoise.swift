extension RunSettings {
    /// x_T of a run with these settings: the first draw of the seed's generator (``noise``), the
    /// same points as ``SamplingChain``'s `states[0]`, without building the chain or its model.
    ///
    /// ```swift
    /// let xT = RunSettings(dataset: .twoMoons, count: 500, seed: 3).initialNoise()
    /// ```
    public func initialNoise() -> SampleBatch {
        SamplingChain.NoiseState.start(self).initial
    }
}
