import Foundation

/// A 2-D point distribution to sample from, together with its exact denoiser.
///
/// ```swift
/// let moons = Dataset.builtin(.twoMoons)
/// let points = moons.sample(count: 1000, seed: 3)             // same seed, same points
/// let oracle = moons.exactDenoiser(bandwidth: nil)             // kernel density, default width
/// let ideal = moons.exactDenoiser(bandwidth: 0)                // memorizes its reference points
/// let mine = Dataset.points(try PointsFile.parse(text, name: "mine.csv"), name: "mine.csv")
/// ```
public struct Dataset: Sendable {
    /// Where the points come from.
    enum Source: Sendable {
        case mixture(GaussianMixture)
        case shape(PointShape)
        case points(SampleBatch)
    }

    /// The built-in kind, or nil for user points.
    public let kind: DatasetKind?
    /// A display name: the kind's raw value, or the name given to ``points(_:name:)``.
    public var name: String
    let source: Source

    /// Number of reference points of a kernel-density denoiser over a built-in dataset.
    public static let referenceCount = 2000
    /// The largest reference set taken from user points (larger files are subsampled).
    public static let maximumUserReferenceCount = 4000

    /// One of the built-in datasets.
    public static func builtin(_ kind: DatasetKind) -> Dataset {
        let source: Source
        switch kind {
        case .eightGaussians: source = .mixture(BuiltinMixtures.eightGaussians)
        case .grid: source = .mixture(BuiltinMixtures.grid)
        case .pinwheel: source = .mixture(BuiltinMixtures.pinwheel)
        case .twoMoons: source = .shape(.twoMoons)
        case .swissRoll: source = .shape(.swissRoll)
        case .circles: source = .shape(.circles)
        case .checkerboard: source = .shape(.checkerboard)
        case .twoSpirals: source = .shape(.twoSpirals)
        case .ddimLetters: source = .shape(.letters)
        }
        return Dataset(kind: kind, name: kind.rawValue, source: source)
    }

    /// User points (for example from ``PointsFile/parse(_:name:)``); rows must be 2-D.
    public static func points(_ batch: SampleBatch, name: String) -> Dataset {
        Dataset(kind: nil, name: name, source: .points(batch))
    }

    /// A dataset drawn from a Gaussian mixture of your own; its exact denoiser is the closed form.
    public static func mixture(_ mixture: GaussianMixture, name: String) -> Dataset {
        Dataset(kind: nil, name: name, source: .mixture(mixture))
    }

    /// The mixture behind a Gaussian-mixture dataset, nil otherwise.
    public var mixture: GaussianMixture? {
        if case .mixture(let m) = source { return m }
        return nil
    }

    /// `count` points of the dataset; the same seed always gives the same points, whatever the
    /// number of threads. User points are subsampled without replacement (with replacement when
    /// `count` exceeds the number of points).
    public func sample(count: Int, seed: UInt64) -> SampleBatch {
        switch source {
        case .mixture(let mixture):
            return mixture.sample(count: count, seed: seed)
        case .shape(let shape):
            return shape.sample(count: count, seed: seed, noise: shape.noise)
        case .points(let batch):
            return Self.resample(batch, count: count, seed: seed)
        }
    }

    /// The kernel width used when `exactDenoiser(bandwidth: nil)` builds a kernel density: the
    /// dataset's noise for built-in shapes, the median nearest-neighbour distance for user points,
    /// nil for Gaussian mixtures (their exact denoiser needs none).
    public var defaultBandwidth: Float? {
        switch source {
        case .mixture: return nil
        case .shape(let shape): return shape.defaultBandwidth
        case .points: return Self.medianNearestNeighbourDistance(referencePoints)
        }
    }

    /// The reference set of the kernel-density denoiser: 2,000 noise-free shape points (fixed
    /// seed) for built-in shapes, 2,000 samples for mixtures, the user points (at most 4,000).
    public var referencePoints: SampleBatch {
        switch source {
        case .mixture(let mixture):
            return mixture.sample(count: Self.referenceCount, seed: DataStreams.reference)
        case .shape(let shape):
            return shape.sample(count: Self.referenceCount, seed: DataStreams.reference, noise: 0)
        case .points(let batch):
            guard batch.count > Self.maximumUserReferenceCount else { return batch }
            return Self.resample(batch, count: Self.maximumUserReferenceCount, seed: DataStreams.reference)
        }
    }

    /// The optimal denoiser for this dataset.
    ///
    /// - `bandwidth == nil`: the closed-form posterior mean for Gaussian mixtures; otherwise a
    ///   kernel density over ``referencePoints`` with ``defaultBandwidth``.
    /// - `bandwidth == h`: a kernel density of width h over ``referencePoints`` (also for
    ///   mixtures). h = 0 is the empirical ideal denoiser, which memorizes the reference points.
    ///
    /// An invalid bandwidth (negative or not finite) or unusable user points fall back to the
    /// default; use ``makeExactDenoiser(bandwidth:)`` to get the error instead.
    public func exactDenoiser(bandwidth: Float?, parallelism: Parallelism = .automatic) -> any Denoiser {
        if let denoiser = try? makeExactDenoiser(bandwidth: bandwidth, parallelism: parallelism) { return denoiser }
        if let denoiser = try? makeExactDenoiser(bandwidth: nil, parallelism: parallelism) { return denoiser }
        return GaussianMixtureDenoiser(mixture: BuiltinMixtures.unitGaussian, parallelism: parallelism)
    }

    /// Like ``exactDenoiser(bandwidth:parallelism:)`` but throws for an invalid bandwidth or reference set.
    public func makeExactDenoiser(bandwidth: Float?, parallelism: Parallelism = .automatic) throws(DenoiserError) -> any Denoiser {
        if bandwidth == nil, case .mixture(let mixture) = source {
            return GaussianMixtureDenoiser(mixture: mixture, parallelism: parallelism)
        }
        let width = bandwidth ?? defaultBandwidth ?? 0
        return try KernelDensityDenoiser(references: referencePoints, bandwidth: width, parallelism: parallelism)
    }

    // MARK: User points

    static func resample(_ batch: SampleBatch, count: Int, seed: UInt64) -> SampleBatch {
        let n = max(0, count), available = batch.count, d = batch.dimension
        guard available > 0, n > 0 else { return SampleBatch(zerosCount: 0, dimension: max(1, d)) }
        let uniforms = PhiloxGenerator(seed: seed, stream: DataStreams.choice)
        var chosen: [Int]
        if n <= available {
            // Partial Fisher-Yates shuffle.
            var order = Array(0..<available)
            for i in 0..<n {
                let j = i + min(available - i - 1, Int(uniforms.uniform(at: UInt64(i)) * Float(available - i)))
                order.swapAt(i, j)
            }
            chosen = Array(order.prefix(n))
        } else {
            chosen = (0..<n).map { min(available - 1, Int(uniforms.uniform(at: UInt64($0)) * Float(available))) }
        }
        var values = [Float]()
        values.reserveCapacity(n * d)
        for index in chosen { values += batch.row(index) }
        return SampleBatch(count: n, dimension: d, values: values)
    }

    /// The median distance from each point to its nearest other point (0 for fewer than 2 points).
    static func medianNearestNeighbourDistance(_ batch: SampleBatch) -> Float {
        guard batch.count > 1, batch.dimension == 2 else { return 0 }
        var nearest = [Float](repeating: .infinity, count: batch.count)
        let v = batch.values
        for i in 0..<batch.count {
            var best = Float.infinity
            for j in 0..<batch.count where j != i {
                let dx = v[2 * i] - v[2 * j], dy = v[2 * i + 1] - v[2 * j + 1]
                best = min(best, dx * dx + dy * dy)
            }
            nearest[i] = best.squareRoot()
        }
        nearest.sort()
        return nearest[nearest.count / 2]
    }
}
