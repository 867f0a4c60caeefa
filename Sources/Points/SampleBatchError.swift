/// Why a ``SampleBatch`` could not be built from the given values.
public enum SampleBatchError: Error, Equatable, CustomStringConvertible {
    case invalidDimension(Int)
    case valueCountNotMultiple(values: Int, dimension: Int)

    public var description: String {
        switch self {
        case .invalidDimension(let d):
            return "sample dimension must be at least 1, got \(d)"
        case .valueCountNotMultiple(let n, let d):
            return "\(n) values do not split into rows of \(d)"
        }
    }
}
