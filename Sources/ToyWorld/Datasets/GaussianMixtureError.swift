/// Why a ``GaussianMixture`` could not be built.
public enum GaussianMixtureError: Error, Equatable, CustomStringConvertible {
    case noComponents
    case invalidWeight(index: Int, weight: Float)
    case invalidMean(index: Int)
    case covarianceNotPositiveDefinite(index: Int, GaussianMixture.Covariance)

    public var description: String {
        switch self {
        case .noComponents:
            return "a Gaussian mixture needs at least one component"
        case .invalidWeight(let index, let weight):
            return "component \(index): weight \(weight) is not allowed (must be positive and finite)"
        case .invalidMean(let index):
            return "component \(index): mean must be finite"
        case .covarianceNotPositiveDefinite(let index, let c):
            return "component \(index): covariance [[\(c.xx), \(c.xy)], [\(c.xy), \(c.yy)]] is not positive definite"
        }
    }
}
