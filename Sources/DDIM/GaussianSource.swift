/// A source of standard normal (Gaussian) Float32 values.
///
/// Two sources ship with `DDIM`: ``PhiloxGenerator``, the fast counter-based default whose
/// stream for a seed does not depend on chunking or thread count, and ``TorchGenerator``,
/// which reproduces `torch.manual_seed(seed); torch.randn(shape)` on the CPU.
///
/// ```swift
/// var g = PhiloxGenerator(seed: 7)
/// let z = g.normals(count: 4)
/// ```
public protocol GaussianSource {
    /// Fills `buffer` with the next `buffer.count` standard normal values of the stream.
    mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>)

    /// The noise of one step on a batch shaped like `sample`, advancing the stream past it. The
    /// default draws one block of `sample.values.count` normals (one `randn` of the batch's
    /// shape, as diffusers does); ``PhiloxGenerator`` lets the step's pass make them instead.
    mutating func stepNoise(like sample: SampleBatch) -> StepNoise
}

extension GaussianSource {
    /// The next `count` standard normal values of the stream.
    public mutating func normals(count: Int) -> [Float] {
        guard count > 0 else { return [] }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillNormals(buffer)
            initialized = count
        }
    }

    /// One block of normals of the sample's shape.
    public mutating func stepNoise(like sample: SampleBatch) -> StepNoise {
        .varianceNoise(SampleBatch(count: sample.count, dimension: sample.dimension,
                                   values: normals(count: sample.values.count)))
    }
}

extension SampleBatch {
    /// A batch of standard normal values drawn from `source` in row-major order.
    ///
    /// ```swift
    /// var g = TorchGenerator(seed: 42)
    /// let x0 = SampleBatch.randomNormal(count: 1000, dimension: 2, using: &g)
    /// ```
    public static func randomNormal<G: GaussianSource>(count: Int, dimension: Int, using source: inout G) -> SampleBatch {
        SampleBatch(count: count, dimension: dimension, values: source.normals(count: max(0, count) * max(0, dimension)))
    }
}
