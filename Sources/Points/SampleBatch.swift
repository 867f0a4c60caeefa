/// A batch of samples stored row-major as 32-bit floats: `count` rows of `dimension` values.
///
/// Each row is one batch element: a 2-D point in the explorer, a flattened image elsewhere.
///
/// ```swift
/// let points = SampleBatch(count: 2, dimension: 2, values: [0, 1, 2, 3])
/// points[1, 0]   // 2
/// ```
public struct SampleBatch: Sendable, Equatable, Hashable {
    /// Number of rows (batch elements).
    public let count: Int
    /// Number of values in each row.
    public let dimension: Int
    /// Row-major storage, `count * dimension` values.
    public var values: [Float]

    /// Wraps `values` as `count` rows of `dimension` values.
    ///
    /// If `values.count` differs from `count * dimension` the batch is padded with zeros or
    /// truncated; use ``init(validating:dimension:)`` to reject a mismatch instead.
    public init(count: Int, dimension: Int, values: [Float]) {
        self.count = max(0, count)
        self.dimension = max(0, dimension)
        let needed = self.count * self.dimension
        if values.count == needed {
            self.values = values
        } else if values.count > needed {
            self.values = Array(values.prefix(needed))
        } else {
            self.values = values + [Float](repeating: 0, count: needed - values.count)
        }
    }

    /// A batch of zeros.
    public init(zerosCount count: Int, dimension: Int) {
        self.init(count: count, dimension: dimension, values: [Float](repeating: 0, count: max(0, count) * max(0, dimension)))
    }

    /// Wraps `values` as rows of `dimension` values, throwing if they do not divide evenly.
    ///
    /// ```swift
    /// let batch = try SampleBatch(validating: [1, 2, 3, 4], dimension: 2)  // 2 rows
    /// ```
    public init(validating values: [Float], dimension: Int) throws(SampleBatchError) {
        guard dimension > 0 else { throw .invalidDimension(dimension) }
        guard values.count % dimension == 0 else {
            throw .valueCountNotMultiple(values: values.count, dimension: dimension)
        }
        self.count = values.count / dimension
        self.dimension = dimension
        self.values = values
    }

    /// The value in row `row`, column `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * dimension + column] }
        set { values[row * dimension + column] = newValue }
    }

    /// The values of one row.
    public func row(_ index: Int) -> ArraySlice<Float> {
        values[(index * dimension)..<((index + 1) * dimension)]
    }

    /// True when the two batches have the same number of rows and columns.
    @inlinable
    public func hasSameShape(as other: SampleBatch) -> Bool {
        count == other.count && dimension == other.dimension
    }

    /// True when every value is finite (no NaN or infinity).
    public var isFinite: Bool {
        values.allSatisfy { $0.isFinite }
    }
}
