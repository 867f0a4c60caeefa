import ToyWorld

/// Sample quality at one step: a distance to the data and a precision/recall pair.
public struct QualityPoint: Sendable, Hashable {
    /// Two-sample distance to the data (lower is better).
    public var distance: Float
    /// Share of generated points near the data.
    public var precision: Float
    /// Share of the data near generated points.
    public var recall: Float

    public init(distance: Float, precision: Float, recall: Float) {
        self.distance = distance
        self.precision = precision
        self.recall = recall
    }
}
