import Foundation
import ToyWorld

/// Straightforward Double-precision posterior means, the reference the fast denoisers are checked against.
enum BruteForce {
    struct Gaussian {
        var weight: Double
        var mean: SIMD2<Double>
        var xx: Double, xy: Double, yy: Double
    }

    /// (E[x0 | x], E[eps | x]) for a Gaussian mixture at alpha-bar `ab`.
    static func posterior(_ x: SIMD2<Double>, components: [Gaussian], alphaProduct ab: Double) -> (SIMD2<Double>, SIMD2<Double>) {
        let a = ab.squareRoot(), s2 = 1 - ab, s = s2.squareRoot()
        var logs: [Double] = [], x0s: [SIMD2<Double>] = [], epss: [SIMD2<Double>] = []
        for g in components {
            let c11 = a * a * g.xx + s2, c12 = a * a * g.xy, c22 = a * a * g.yy + s2
            let det = c11 * c22 - c12 * c12
            let r = x - a * g.mean
            let d = SIMD2((c22 * r.x - c12 * r.y) / det, (-c12 * r.x + c11 * r.y) / det)
            logs.append(log(g.weight) - 0.5 * log(det) - 0.5 * (r.x * d.x + r.y * d.y))
            x0s.append(g.mean + a * SIMD2(g.xx * d.x + g.xy * d.y, g.xy * d.x + g.yy * d.y))
            epss.append(s * d)
        }
        let top = logs.max() ?? 0
        let weights = logs.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        var x0 = SIMD2<Double>.zero, eps = SIMD2<Double>.zero
        for k in weights.indices {
            x0 += weights[k] / total * x0s[k]
            eps += weights[k] / total * epss[k]
        }
        return (x0, eps)
    }

    static func components(of mixture: GaussianMixture) -> [Gaussian] {
        mixture.components.map {
            Gaussian(weight: Double($0.weight), mean: SIMD2(Double($0.mean.x), Double($0.mean.y)),
                     xx: Double($0.covariance.xx), xy: Double($0.covariance.xy), yy: Double($0.covariance.yy))
        }
    }

    static func kernels(_ references: SampleBatch, bandwidth h: Double) -> [Gaussian] {
        (0..<references.count).map {
            Gaussian(weight: 1, mean: SIMD2(Double(references[$0, 0]), Double(references[$0, 1])), xx: h * h, xy: 0, yy: h * h)
        }
    }
}
