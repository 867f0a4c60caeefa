/// A float32 tensor: its shape and its values in row-major order (as PyTorch lays out a contiguous tensor).
///
/// ```swift
/// let weight = F32Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])   // nil if the count did not match
/// ```
public struct F32Tensor: Sendable, Equatable {
    /// The size of each dimension ([] for a scalar).
    public let shape: [Int]
    /// shape.reduce(1, *) values, row-major.
    public let values: [Float]

    /// A tensor of `shape` holding `values`; nil when a dimension is negative or the count does not match.
    public init?(shape: [Int], values: [Float]) {
        guard let count = Self.elementCount(shape), count == values.count else { return nil }
        self.shape = shape
        self.values = values
    }

    /// The product of `shape`, or nil when a dimension is negative or the product overflows.
    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            count = product
        }
        return count
    }
}
