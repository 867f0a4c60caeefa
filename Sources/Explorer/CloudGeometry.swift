import Canvas
import ToyWorld

/// The fixed world window every cloud is drawn in, and the mapping from cells back to it (for
/// mouse picks).
///
/// ```swift
/// let window = CloudGeometry.viewport   // the square -3.5…3.5, centred, aspect-correct in any rectangle
/// let point = CloudGeometry.world(x: 10, y: 5, in: rect)
/// ```
public enum CloudGeometry {
    /// Half the side of the square that is always visible: standard-normal noise stays inside.
    public static let halfExtent: Float = 3.5

    /// The window: fixed, so the picture does not jump as the points move.
    public static let viewport = Viewport(halfExtent: halfExtent)

    /// The world point at the centre of cell (`x`, `y`) of a cloud drawn in `rect`.
    public static func world(x: Int, y: Int, in rect: Rect) -> (x: Float, y: Float) {
        let mapping = viewport.mapping(into: rect, mode: .ascii)
        return mapping.world(subcellX: x - rect.x, subcellY: y - rect.y)
    }

    /// The cell of `rect` that shows world point (`x`, `y`), or nil outside.
    public static func cell(x: Float, y: Float, in rect: Rect) -> (x: Int, y: Int)? {
        let mapping = viewport.mapping(into: rect, mode: .ascii)
        return mapping.subcell(x: x, y: y).map { (rect.x + $0.x, rect.y + $0.y) }
    }

    /// The row of `points` nearest to `target`, or nil for an empty batch.
    public static func nearest(to target: (x: Float, y: Float), in points: SampleBatch) -> Int? {
        guard points.dimension >= 2 else { return nil }
        var best: Int?, bestDistance = Float.infinity
        for row in 0..<points.count {
            let dx = points[row, 0] - target.x, dy = points[row, 1] - target.y
            let distance = dx * dx + dy * dy
            if distance < bestDistance { bestDistance = distance; best = row }
        }
        return best
    }
}
