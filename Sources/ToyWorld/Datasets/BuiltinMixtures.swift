import Foundation

/// The Gaussian-mixture datasets, built from constants that are known to be valid.
enum BuiltinMixtures {
    /// 8 isotropic Gaussians (std 0.1) evenly spaced on a ring of radius 1.5.
    static let eightGaussians = make((0..<8).map { k in
        let angle = Double(k) * .pi / 4
        return GaussianMixture.Component(weight: 1, mean: SIMD2(Float(1.5 * cos(angle)), Float(1.5 * sin(angle))),
                                         covariance: .isotropic(0.01))
    })

    /// A 5x5 grid with spacing 0.7 (so each axis has std ~1), component std 0.08.
    static let grid = make((0..<25).map { k in
        let i = Float(k % 5 - 2), j = Float(k / 5 - 2)
        return GaussianMixture.Component(weight: 1, mean: SIMD2(0.7 * i, 0.7 * j), covariance: .isotropic(0.0064))
    })

    /// Five curved arms; each arm is three Gaussians stretched along the arm's direction, placed
    /// at increasing radius and turning with it, which gives the pinwheel its swirl.
    static let pinwheel = make((0..<5).flatMap { arm in
        [(0.55, 0.18, 1.0), (1.15, 0.24, 0.8), (1.8, 0.28, 0.6)].map { radius, along, weight in
            let angle = Double(arm) * 2 * .pi / 5 + 0.55 * radius
            let tangent = angle + 0.9   // the arm's local direction, tilted from radial by the swirl
            return GaussianMixture.Component(
                weight: Float(weight),
                mean: SIMD2(Float(radius * cos(angle)), Float(radius * sin(angle))),
                covariance: .oriented(angle: Float(tangent), along: Float(along), across: 0.07))
        }
    })

    static func make(_ components: [GaussianMixture.Component]) -> GaussianMixture {
        // The constants above are positive definite with positive weights, so this cannot fail;
        // a single unit Gaussian keeps the type total without a trap.
        (try? GaussianMixture(components: components)) ?? unitGaussian
    }

    /// N(0, I): the fallback distribution.
    static let unitGaussian: GaussianMixture = {
        let component = GaussianMixture.Component(weight: 1, mean: .zero, covariance: .isotropic(1))
        return (try? GaussianMixture(components: [component])) ?? GaussianMixture(unchecked: [component])
    }()
}

extension GaussianMixture {
    /// Wraps components that the caller has already validated.
    init(unchecked components: [Component]) {
        self.components = components
    }
}
