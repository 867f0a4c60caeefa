import Canvas

/// Maps world coordinates (y up) into a picture of `width` x `height` pixels (y down), keeping
/// the aspect ratio: the viewport is scaled to fit and centred.
///
/// ```swift
/// let mapping = PixelMapping(viewport: Viewport(halfExtent: 2), width: 480, height: 360)
/// mapping.pixel(0, 0)   // (240, 180), the centre
/// ```
public struct PixelMapping: Sendable, Hashable {
    public let viewport: Viewport
    public let width: Int
    public let height: Int
    /// Pixels per world unit.
    public let scale: Float

    public init(viewport: Viewport, width: Int, height: Int) {
        self.viewport = viewport
        self.width = max(1, width)
        self.height = max(1, height)
        scale = min(Float(self.width) / viewport.width, Float(self.height) / viewport.height)
    }

    /// The position of world point (`x`, `y`) in pixels, as floats.
    public func position(_ x: Float, _ y: Float) -> SIMD2<Float> {
        let centerX = (viewport.minX + viewport.maxX) / 2, centerY = (viewport.minY + viewport.maxY) / 2
        return SIMD2(Float(width) / 2 + (x - centerX) * scale, Float(height) / 2 - (y - centerY) * scale)
    }

    /// The pixel of world point (`x`, `y`); nil when it is not finite or lies far off the picture.
    public func pixel(_ x: Float, _ y: Float) -> (x: Int, y: Int)? {
        let p = position(x, y)
        let limit = Float(4 * max(width, height))
        guard p.x.isFinite, p.y.isFinite, abs(p.x) < limit, abs(p.y) < limit else { return nil }
        return (Int(p.x.rounded(.down)), Int(p.y.rounded(.down)))
    }
}
