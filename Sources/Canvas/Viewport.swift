import Points

/// The window of the data plane a picture shows, in world (data) coordinates, y pointing up.
///
/// Keep one viewport fixed while points move, so the picture does not jump; build it with
/// ``fitting(_:margin:)`` from the points that matter (for example the data and the initial noise).
///
/// ```swift
/// let view = Viewport(minX: -2, maxX: 2, minY: -2, maxY: 2)
/// let fitted = Viewport.fitting(batch, margin: 0.05)
/// ```
public struct Viewport: Sendable, Hashable {
    public var minX: Float
    public var maxX: Float
    public var minY: Float
    public var maxY: Float

    /// A viewport; empty or reversed ranges are widened to a unit width around their middle.
    public init(minX: Float, maxX: Float, minY: Float, maxY: Float) {
        (self.minX, self.maxX) = Self.widened(minX, maxX)
        (self.minY, self.maxY) = Self.widened(minY, maxY)
    }

    /// A square viewport centred on (`centerX`, `centerY`).
    public init(centerX: Float = 0, centerY: Float = 0, halfExtent: Float) {
        self.init(minX: centerX - halfExtent, maxX: centerX + halfExtent, minY: centerY - halfExtent, maxY: centerY + halfExtent)
    }

    public var width: Float { maxX - minX }
    public var height: Float { maxY - minY }

    /// The smallest viewport holding every finite point of `points` (columns 0 and 1), grown by
    /// `margin` times its size on each side. No finite points gives the square [-1, 1]².
    public static func fitting(_ points: SampleBatch, margin: Float = 0.05) -> Viewport {
        var bounds = Bounds()
        bounds.add(points)
        return bounds.viewport(margin: margin)
    }

    /// The smallest viewport holding every finite point of all `batches`, grown by `margin`.
    public static func fitting(_ batches: [SampleBatch], margin: Float = 0.05) -> Viewport {
        var bounds = Bounds()
        for batch in batches { bounds.add(batch) }
        return bounds.viewport(margin: margin)
    }

    /// The smallest viewport holding both.
    public func union(_ other: Viewport) -> Viewport {
        Viewport(minX: min(minX, other.minX), maxX: max(maxX, other.maxX), minY: min(minY, other.minY), maxY: max(maxY, other.maxY))
    }

    /// Whether (`x`, `y`) lies inside (edges included).
    public func contains(x: Float, y: Float) -> Bool {
        x >= minX && x <= maxX && y >= minY && y <= maxY
    }

    /// The aspect-correct mapping of this viewport into `rect` at the resolution of `mode`:
    /// one world unit has the same physical length across and down, with the viewport centred
    /// and the spare room on one axis left around it. `cellAspect` is a cell's height over its width.
    public func mapping(into rect: Rect, mode: GlyphMode, cellAspect: Float = 2) -> ViewportMapping {
        ViewportMapping(viewport: self, rect: rect, subcellColumns: mode.subcellColumns, subcellRows: mode.subcellRows, cellAspect: cellAspect)
    }

    private static func widened(_ low: Float, _ high: Float) -> (Float, Float) {
        guard low.isFinite, high.isFinite else { return (-1, 1) }
        if high > low { return (low, high) }
        let middle = (low + high) / 2
        return (middle - 0.5, middle + 0.5)
    }

    private struct Bounds {
        var minX = Float.infinity, maxX = -Float.infinity, minY = Float.infinity, maxY = -Float.infinity

        mutating func add(_ batch: SampleBatch) {
            guard batch.dimension >= 1 else { return }
            let dimension = batch.dimension
            batch.values.withUnsafeBufferPointer { values in
                for row in 0..<batch.count {
                    let x = values[row * dimension]
                    let y = dimension > 1 ? values[row * dimension + 1] : 0
                    guard x.isFinite, y.isFinite else { continue }
                    minX = min(minX, x); maxX = max(maxX, x)
                    minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }

        func viewport(margin: Float) -> Viewport {
            guard minX <= maxX else { return Viewport(halfExtent: 1) }
            let padX = max(maxX - minX, 1e-3) * margin, padY = max(maxY - minY, 1e-3) * margin
            return Viewport(minX: minX - padX, maxX: maxX + padX, minY: minY - padY, maxY: maxY + padY)
        }
    }
}

/// World coordinates to sub-cell coordinates of one rectangle: `subX = x * scaleX + offsetX`,
/// `subY = y * scaleY + offsetY` (scaleY is negative: y points up in the world, down on screen).
/// Sub-cell (0, 0) is the top-left sub-cell of the rectangle.
public struct ViewportMapping: Sendable, Hashable {
    public var scaleX: Float
    public var scaleY: Float
    public var offsetX: Float
    public var offsetY: Float
    /// Sub-cells across and down the whole rectangle.
    public var subcellWidth: Int
    public var subcellHeight: Int

    public init(viewport: Viewport, rect: Rect, subcellColumns: Int, subcellRows: Int, cellAspect: Float = 2) {
        subcellWidth = rect.width * subcellColumns
        subcellHeight = rect.height * subcellRows
        // Physical size in cell widths; one world unit gets the same physical length both ways.
        let physicalWidth = Float(rect.width), physicalHeight = Float(rect.height) * cellAspect
        let unit = min(physicalWidth / viewport.width, physicalHeight / viewport.height)
        scaleX = unit * Float(subcellColumns)
        scaleY = -unit * Float(subcellRows) / cellAspect
        let centerX = (viewport.minX + viewport.maxX) / 2, centerY = (viewport.minY + viewport.maxY) / 2
        offsetX = Float(subcellWidth) / 2 - centerX * scaleX
        offsetY = Float(subcellHeight) / 2 - centerY * scaleY
    }

    /// The sub-cell holding (`x`, `y`), or nil outside the rectangle (or not finite).
    public func subcell(x: Float, y: Float) -> (x: Int, y: Int)? {
        let sx = x * scaleX + offsetX, sy = y * scaleY + offsetY
        guard sx >= 0, sx < Float(subcellWidth), sy >= 0, sy < Float(subcellHeight) else { return nil }
        return (Int(sx), Int(sy))
    }

    /// The world point at the centre of sub-cell (`x`, `y`).
    public func world(subcellX x: Int, subcellY y: Int) -> (x: Float, y: Float) {
        ((Float(x) + 0.5 - offsetX) / scaleX, (Float(y) + 0.5 - offsetY) / scaleY)
    }
}
