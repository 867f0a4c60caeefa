extension DDIMScheduler {
    /// One DDIM step from `timestep` (diffusers' `step`) over every row at once, writing into
    /// `output` (its storage is reused when it already has the sample's size).
    ///
    /// The noise of a stochastic step (eta > 0, or always with σ̂) is `noise`: a given batch, the
    /// next block of a generator (a ``PhiloxGenerator``'s is made inside the fused pass), or, for
    /// `.none`, a randomly seeded ``PhiloxGenerator`` like diffusers without a generator. A
    /// deterministic step ignores it.
    ///
    /// ```swift
    /// var out = SchedulerOutput.empty
    /// for t in scheduler.timesteps {
    ///     try scheduler.step(modelOutput: model(x, t), timestep: t, sample: x, into: &out)
    ///     swap(&x, &out.prevSample)
    /// }
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, noise: StepNoise = .none,
                     into output: inout SchedulerOutput) throws(DDIMError) {
        let c = try coefficients(timestep: timestep, eta: eta)
        let bounding: SampleBounding = configuration.thresholding
            ? .threshold(ratio: configuration.dynamicThresholdingRatio, maxValue: configuration.sampleMaxValue)
            : (configuration.clipSample ? .clip(configuration.clipSampleRange) : .none)
        let kernel = try core.kernel(c, source: timestep, bounding: bounding, useClippedModelOutput: useClippedModelOutput)
        var stepNoise = StepNoise.none
        if isStochastic(eta: eta) {
            var unseeded = PhiloxGenerator(seed: UInt64.random(in: .min ... .max))
            stepNoise = noise.isNone ? unseeded.stepNoise(like: sample) : noise
        }
        try core.run(kernel, modelOutput: modelOutput, sample: sample, noise: stepNoise, into: &output)
    }
}

extension DDIMScheduler {
    /// The noise of a step with this `eta` from `generator`: its next block (see
    /// ``StepNoise/drawn(from:like:)``) when the step is stochastic, else `.none` with the
    /// generator untouched, as diffusers draws only for a stochastic step.
    ///
    /// ```swift
    /// var g = TorchGenerator(seed: 42)
    /// let noise = scheduler.noise(eta: 0.5, drawnFrom: &g, like: x)
    /// x = try scheduler.step(modelOutput: eps, timestep: t, sample: x, eta: 0.5, noise: noise).prevSample
    /// ```
    public func noise<G: GaussianSource>(eta: Float, drawnFrom generator: inout G, like sample: SampleBatch) -> StepNoise {
        isStochastic(eta: eta) ? .drawn(from: &generator, like: sample) : .none
    }
}
