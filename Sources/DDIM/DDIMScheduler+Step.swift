extension DDIMScheduler {
    /// One DDIM step from `timestep` (diffusers' `step`), over every row at once.
    ///
    /// `varianceNoise` is the z of a stochastic step (eta > 0); without it such a step draws fresh
    /// noise from a randomly seeded ``PhiloxGenerator``, like diffusers without a generator.
    ///
    /// ```swift
    /// let out = try scheduler.step(modelOutput: eps, timestep: 981, sample: x, eta: 0.5, varianceNoise: z)
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, varianceNoise: SampleBatch? = nil) throws -> SchedulerOutput {
        var output = SchedulerOutput.empty
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                 useClippedModelOutput: useClippedModelOutput, varianceNoise: varianceNoise, into: &output)
        return output
    }

    /// ``step(modelOutput:timestep:sample:eta:useClippedModelOutput:varianceNoise:)`` writing into
    /// `output`, whose storage is reused when it already has the sample's size: a loop that keeps
    /// one output allocates nothing per step.
    ///
    /// ```swift
    /// var out = SchedulerOutput.empty
    /// for t in scheduler.timesteps {
    ///     try scheduler.step(modelOutput: model(x, t), timestep: t, sample: x, into: &out)
    ///     swap(&x, &out.prevSample)
    /// }
    /// ```
    public func step(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float = 0,
                     useClippedModelOutput: Bool = false, varianceNoise: SampleBatch? = nil,
                     into output: inout SchedulerOutput) throws {
        if isStochastic(eta: eta) && varianceNoise == nil {
            var generator = PhiloxGenerator(seed: UInt64.random(in: .min ... .max))
            return try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                            useClippedModelOutput: useClippedModelOutput, varianceNoise: nil,
                            generator: &generator, into: &output)
        }
        let kernel = try kernel(timestep: timestep, eta: eta, useClippedModelOutput: useClippedModelOutput)
        try Self.checkShape(modelOutput, field: "modelOutput", like: sample)
        var noise = StepNoise.none
        if isStochastic(eta: eta), let varianceNoise {
            try Self.checkShape(varianceNoise, field: "varianceNoise", like: sample)
            noise = .values(varianceNoise.values)
        }
        kernel.run(sample: sample, modelOutput: modelOutput, noise: noise, threads: maximumThreads, into: &output)
    }

    /// One DDIM step whose noise (when eta > 0) comes from `generator`.
    ///
    /// A ``PhiloxGenerator`` produces its noise inside the fused pass (value i of the step is the
    /// generator's value `position + i`) and advances by the batch size; any other source (such as
    /// ``TorchGenerator``) draws the step's whole noise block first, one `randn` of the batch's
    /// shape as diffusers does. A deterministic step does not touch the generator.
    ///
    /// ```swift
    /// var g = TorchGenerator(seed: 42)
    /// var x = SampleBatch.randomNormal(count: 4, dimension: 2, using: &g)
    /// x = try scheduler.step(modelOutput: eps, timestep: t, sample: x, eta: 1, generator: &g).prevSample
    /// ```
    public func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                        generator: inout G) throws -> SchedulerOutput {
        var output = SchedulerOutput.empty
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta, useClippedModelOutput: false,
                 varianceNoise: nil, generator: &generator, into: &output)
        return output
    }

    /// ``step(modelOutput:timestep:sample:eta:generator:)`` with `use_clipped_model_output`.
    public func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                        useClippedModelOutput: Bool, generator: inout G) throws -> SchedulerOutput {
        var output = SchedulerOutput.empty
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                 useClippedModelOutput: useClippedModelOutput, varianceNoise: nil, generator: &generator, into: &output)
        return output
    }

    /// The step with every noise option, as diffusers' `step(..., generator=, variance_noise=)`:
    /// giving both `varianceNoise` and a generator to a stochastic step is an error.
    public func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                        useClippedModelOutput: Bool, varianceNoise: SampleBatch?,
                                        generator: inout G) throws -> SchedulerOutput {
        var output = SchedulerOutput.empty
        try step(modelOutput: modelOutput, timestep: timestep, sample: sample, eta: eta,
                 useClippedModelOutput: useClippedModelOutput, varianceNoise: varianceNoise, generator: &generator,
                 into: &output)
        return output
    }

    /// The generator step writing into `output` (storage reused when it has the sample's size).
    public func step<G: GaussianSource>(modelOutput: SampleBatch, timestep: Int, sample: SampleBatch, eta: Float,
                                        useClippedModelOutput: Bool = false, varianceNoise: SampleBatch? = nil,
                                        generator: inout G, into output: inout SchedulerOutput) throws {
        let kernel = try kernel(timestep: timestep, eta: eta, useClippedModelOutput: useClippedModelOutput)
        try Self.checkShape(modelOutput, field: "modelOutput", like: sample)
        guard isStochastic(eta: eta) else {
            return kernel.run(sample: sample, modelOutput: modelOutput, noise: .none, threads: maximumThreads, into: &output)
        }
        guard varianceNoise == nil else { throw DDIMError.conflictingNoiseSources }
        let count = sample.values.count
        if let philox = generator as? PhiloxGenerator {
            kernel.run(sample: sample, modelOutput: modelOutput, noise: .philox(philox), threads: maximumThreads, into: &output)
            var advanced = philox
            advanced.position &+= UInt64(count)
            if let advanced = advanced as? G { generator = advanced }
            return
        }
        let noise = generator.normals(count: count)
        kernel.run(sample: sample, modelOutput: modelOutput, noise: .values(noise), threads: maximumThreads, into: &output)
    }

    static func checkShape(_ batch: SampleBatch, field: String, like sample: SampleBatch) throws(DDIMError) {
        guard batch.hasSameShape(as: sample) else {
            throw .shapeMismatch(field: field, expectedCount: sample.count, expectedDimension: sample.dimension,
                                 count: batch.count, dimension: batch.dimension)
        }
    }
}
