import Foundation

/// A mixture of 2-D Gaussians with full covariance matrices.
///
/// ```swift
/// let mixture = try GaussianMixture(components: [
///     .init(weight: 1, mean: [-1, 0], covariance: .isotropic(0.01)),
///     .init(weight: 1, mean: [1, 0], covariance: .init(xx: 0.2, xy: 0.05, yy: 0.02)),
/// ])
/// let points = mixture.sample(count: 100, seed: 7)
/// ```
public struct GaussianMixture: Sendable, Hashable {
    /// A symmetric 2x2 covariance matrix [[xx, xy], [xy, yy]].
    public struct Covariance: Sendable, Hashable {
        public var xx: Float
        public var xy: Float
        public var yy: Float

        public init(xx: Float, xy: Float, yy: Float) {
            self.xx = xx
            self.xy = xy
            self.yy = yy
        }

        /// sigma² I.
        public static func isotropic(_ variance: Float) -> Covariance {
            Covariance(xx: variance, xy: 0, yy: variance)
        }

        /// Standard deviations `along` and `across` a direction at angle `angle` (radians).
        public static func oriented(angle: Float, along: Float, across: Float) -> Covariance {
            let c = Float(cos(Double(angle))), s = Float(sin(Double(angle)))
            let a2 = along * along, b2 = across * across
            return Covariance(xx: c * c * a2 + s * s * b2, xy: c * s * (a2 - b2), yy: s * s * a2 + c * c * b2)
        }

        /// The determinant xx*yy - xy².
        public var determinant: Float { xx * yy - xy * xy }

        /// True when the matrix is symmetric positive definite with finite entries.
        public var isPositiveDefinite: Bool {
            xx.isFinite && xy.isFinite && yy.isFinite && xx > 0 && yy > 0 && determinant > 0
        }
    }

    /// One weighted Gaussian.
    public struct Component: Sendable, Hashable {
        public var weight: Float
        public var mean: SIMD2<Float>
        public var covariance: Covariance

        public init(weight: Float, mean: SIMD2<Float>, covariance: Covariance) {
            self.weight = weight
            self.mean = mean
            self.covariance = covariance
        }
    }

    /// The components; their weights sum to 1.
    public let components: [Component]

    /// A mixture of `components`, whose weights are normalized to sum to 1.
    ///
    /// Throws when there are no components, a weight is not positive and finite, a mean is not
    /// finite, or a covariance is not positive definite.
    public init(components: [Component]) throws(GaussianMixtureError) {
        guard !components.isEmpty else { throw .noComponents }
        for (index, component) in components.enumerated() {
            guard component.weight.isFinite, component.weight > 0 else {
                throw .invalidWeight(index: index, weight: component.weight)
            }
            guard component.mean.x.isFinite, component.mean.y.isFinite else {
                throw .invalidMean(index: index)
            }
            guard component.covariance.isPositiveDefinite else {
                throw .covarianceNotPositiveDefinite(index: index, component.covariance)
            }
        }
        let total = components.reduce(Float(0)) { $0 + $1.weight }
        self.components = components.map {
            Component(weight: $0.weight / total, mean: $0.mean, covariance: $0.covariance)
        }
    }

    /// The mean of the whole mixture.
    public var mean: SIMD2<Float> {
        components.reduce(SIMD2<Float>.zero) { $0 + $1.weight * $1.mean }
    }

    /// `count` points drawn from the mixture; the same `seed` always gives the same points.
    ///
    /// Point i uses uniform i of Philox stream 1 (to pick the component) and normals 2i, 2i+1 of
    /// stream 2, so the points never depend on threads or on `count`.
    public func sample(count: Int, seed: UInt64) -> SampleBatch {
        let n = max(0, count)
        var cumulative: [Float] = []
        var running: Float = 0
        for component in components {
            running += component.weight
            cumulative.append(running)
        }
        let factors = components.map { CholeskyFactor($0.covariance) }
        let picker = PhiloxGenerator(seed: seed, stream: DataStreams.choice)
        var normals = PhiloxGenerator(seed: seed, stream: DataStreams.normal)
        var values = normals.normals(count: 2 * n)
        for i in 0..<n {
            let u = picker.uniform(at: UInt64(i)) * running
            var k = 0
            while k < cumulative.count - 1 && u > cumulative[k] { k += 1 }
            let z0 = values[2 * i], z1 = values[2 * i + 1]
            let point = components[k].mean + factors[k].apply(z0, z1)
            values[2 * i] = point.x
            values[2 * i + 1] = point.y
        }
        return SampleBatch(count: n, dimension: 2, values: values)
    }
}

/// The lower-triangular L with L Lᵀ = covariance.
struct CholeskyFactor {
    let l11: Float, l21: Float, l22: Float

    init(_ c: GaussianMixture.Covariance) {
        l11 = c.xx.squareRoot()
        l21 = c.xy / l11
        l22 = max(0, c.yy - l21 * l21).squareRoot()
    }

    func apply(_ z0: Float, _ z1: Float) -> SIMD2<Float> {
        SIMD2(l11 * z0, l21 * z0 + l22 * z1)
    }
}
