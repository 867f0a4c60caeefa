/// A few things drawn over a point cloud: highlighted points, trails (a point's path through
/// the chain) and arrows (for example from x_t to the x0 the model predicts from it).
///
/// ```swift
/// var layer = MarkerLayer()
/// layer.trails.append(.init(points: [SIMD2(-2, 1), SIMD2(-1, 0.6), SIMD2(0.2, 0.4)], color: RGBColor(120, 200, 255)))
/// layer.arrows.append(.init(from: SIMD2(0.2, 0.4), to: SIMD2(0.9, 0.1), color: RGBColor(255, 120, 120)))
/// layer.points.append(.init(position: SIMD2(0.2, 0.4), color: RGBColor(255, 255, 255)))
/// ```
public struct MarkerLayer: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var position: SIMD2<Float>
        public var color: RGBColor
        /// The character shown; nil gives `●` (or `O` in ASCII mode).
        public var symbol: Character?

        public init(position: SIMD2<Float>, color: RGBColor, symbol: Character? = nil) {
            self.position = position
            self.color = color
            self.symbol = symbol
        }
    }

    /// A polyline through `points`, drawn with sub-cell dots.
    public struct Trail: Sendable, Hashable {
        public var points: [SIMD2<Float>]
        public var color: RGBColor

        public init(points: [SIMD2<Float>], color: RGBColor) {
            self.points = points
            self.color = color
        }
    }

    /// A line of sub-cell dots from `from` to `to`, with an arrowhead in the cell of `to`.
    public struct Arrow: Sendable, Hashable {
        public var from: SIMD2<Float>
        public var to: SIMD2<Float>
        public var color: RGBColor

        public init(from: SIMD2<Float>, to: SIMD2<Float>, color: RGBColor) {
            self.from = from
            self.to = to
            self.color = color
        }
    }

    public var points: [Point]
    public var trails: [Trail]
    public var arrows: [Arrow]

    public init(points: [Point] = [], trails: [Trail] = [], arrows: [Arrow] = []) {
        self.points = points
        self.trails = trails
        self.arrows = arrows
    }

    public var isEmpty: Bool { points.isEmpty && trails.isEmpty && arrows.isEmpty }
}
