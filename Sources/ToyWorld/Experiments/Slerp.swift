import Foundation

/// Spherical linear interpolation between two noise batches, as in the DDIM paper (section 5.3):
/// `slerp(a, b, alpha) = sin((1 - alpha) theta) / sin(theta) * a + sin(alpha theta) / sin(theta) * b`,
/// with `theta` the angle between the two batches seen as single vectors (all rows flattened).
///
/// The whole batch is one latent, like an image in the paper: every row is mixed with the same weights,
/// and the result keeps the norm a Gaussian sample of that size should have, which a straight line
/// between two independent draws would shrink (by up to 1/sqrt(2) halfway).
///
/// ```swift
/// let a = SampleBatch(count: 1, dimension: 2, values: [1, 0])
/// let b = SampleBatch(count: 1, dimension: 2, values: [0, 1])
/// let mid = try Slerp.interpolate(a, b, alpha: 0.5)   // (0.7071, 0.7071)
/// ```
public enum Slerp {
    /// The batch at `alpha` (0 gives `a`, 1 gives `b`) on the great circle from `a` to `b`.
    /// Falls back to linear interpolation when the two batches are (nearly) parallel.
    public static func interpolate(_ a: SampleBatch, _ b: SampleBatch, alpha: Float) throws(SlerpError) -> SampleBatch {
        guard a.hasSameShape(as: b) else {
            throw .shapeMismatch(first: "\(a.count)x\(a.dimension)", second: "\(b.count)x\(b.dimension)")
        }
        guard alpha.isFinite else { throw .nonFiniteAlpha(alpha) }
        let (weightA, weightB) = weights(angle: angle(a.values, b.values), alpha: Double(alpha))
        var values = [Float](repeating: 0, count: a.values.count)
        for index in values.indices {
            values[index] = Float(weightA * Double(a.values[index]) + weightB * Double(b.values[index]))
        }
        return SampleBatch(count: a.count, dimension: a.dimension, values: values)
    }

    /// The angle in radians between two vectors (0 when either is zero).
    public static func angle(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        guard normA > 0, normB > 0 else { return 0 }
        return acos(min(1, max(-1, dot / (normA.squareRoot() * normB.squareRoot()))))
    }

    /// The two mixing weights at `alpha` for vectors `theta` radians apart.
    public static func weights(angle theta: Double, alpha: Double) -> (Double, Double) {
        let sine = sin(theta)
        guard abs(sine) > 1e-6 else { return (1 - alpha, alpha) }
        return (sin((1 - alpha) * theta) / sine, sin(alpha * theta) / sine)
    }
}

/// Why two batches could not be interpolated.
public enum SlerpError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(first: String, second: String)
    case nonFiniteAlpha(Float)

    public var description: String {
        switch self {
        case .shapeMismatch(let first, let second):
            return "cannot interpolate batches of different shapes (\(first) and \(second))"
        case .nonFiniteAlpha(let alpha):
            return "interpolation alpha must be finite, got \(alpha)"
        }
    }
}
