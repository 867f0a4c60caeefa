extension DDIMScheduler {
    /// The forward process q(x_t | x₀): √ᾱ_t · x₀ + √(1 − ᾱ_t) · ε (diffusers' `add_noise`).
    ///
    /// `timesteps` has one entry per row, or a single entry for every row.
    ///
    /// ```swift
    /// let noisy = try scheduler.addNoise(x0, noise: z, timesteps: [999])
    /// ```
    public func addNoise(_ originalSamples: SampleBatch, noise: SampleBatch, timesteps: [Int]) throws(DDIMError) -> SampleBatch {
        try rowwise(originalSamples, noise, timesteps: timesteps, field: "noise") { sa, sb, x, z in sa * x + sb * z }
    }

    /// The velocity target v = √ᾱ_t · ε − √(1 − ᾱ_t) · x₀ (diffusers' `get_velocity`).
    ///
    /// ```swift
    /// let v = try scheduler.velocity(sample: x0, noise: z, timesteps: [500])
    /// ```
    public func velocity(sample: SampleBatch, noise: SampleBatch, timesteps: [Int]) throws(DDIMError) -> SampleBatch {
        try rowwise(sample, noise, timesteps: timesteps, field: "noise") { sa, sb, x, z in sa * z - sb * x }
    }

    /// The forward-process coefficients of `timestep`: (√ᾱ_t, √(1 − ᾱ_t)), as ``addNoise(_:noise:timesteps:)``
    /// and ``velocity(sample:noise:timesteps:)`` use them (for callers that fill their own buffers).
    /// `timestep` must be in 0 ..< `numTrainTimesteps`; others are clamped to that range.
    ///
    /// ```swift
    /// let (signal, noise) = scheduler.noiseCoefficients(at: 999)
    /// ```
    public func noiseCoefficients(at timestep: Int) -> (signal: Float, noise: Float) {
        let alphaProd = alphasCumprod[min(max(timestep, 0), alphasCumprod.count - 1)]
        return (alphaProd.squareRoot(), (1 - alphaProd).squareRoot())
    }

    private func rowwise(_ sample: SampleBatch, _ noise: SampleBatch, timesteps: [Int], field: String,
                         _ combine: (Float, Float, Float, Float) -> Float) throws(DDIMError) -> SampleBatch {
        try ScheduleCore.checkShape(noise, field: field, like: sample)
        guard timesteps.count == 1 || timesteps.count == sample.count else {
            throw .timestepCountMismatch(count: timesteps.count, rows: sample.count)
        }
        for t in timesteps where t < 0 || t >= alphasCumprod.count {
            throw .timestepOutOfRange(t, numTrainTimesteps: alphasCumprod.count)
        }
        let d = sample.dimension
        var values = [Float](repeating: 0, count: sample.values.count)
        for row in 0..<sample.count {
            let (sa, sb) = noiseCoefficients(at: timesteps.count == 1 ? timesteps[0] : timesteps[row])
            for i in (row * d)..<((row + 1) * d) {
                values[i] = combine(sa, sb, sample.values[i], noise.values[i])
            }
        }
        return SampleBatch(count: sample.count, dimension: d, values: values)
    }
}
