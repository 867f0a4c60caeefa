/// How ``PointCloudRenderer`` draws a cloud: glyph mode, colour depth and density shading.
///
/// ```swift
/// let style = PointCloudStyle(mode: .braille, depth: .palette256)
/// let dataUnderneath = PointCloudStyle.faint(mode: .braille, depth: .palette256)
/// ```
public struct PointCloudStyle: Sendable, Hashable {
    public var mode: GlyphMode
    public var depth: ColorDepth
    /// The ramp density shading runs through, from the sparsest lit cell to the densest.
    public var ramp: ColorRamp
    /// Colour cells by how many points fall in them; when false every lit cell gets ``color``.
    public var showDensity: Bool
    /// The colour of every lit cell when ``showDensity`` is false.
    public var color: RGBColor
    /// Attributes added to every lit cell (for example `.dim` for a background layer).
    public var attributes: CellAttributes
    /// The count that gets the top of the ramp; nil means the densest cell of the frame. A fixed
    /// value keeps colours comparable between frames.
    public var densityReference: Int?

    public init(mode: GlyphMode = .braille, depth: ColorDepth = .trueColor, ramp: ColorRamp = .ember, showDensity: Bool = true,
                color: RGBColor = RGBColor(230, 230, 230), attributes: CellAttributes = [], densityReference: Int? = nil) {
        self.mode = mode
        self.depth = depth
        self.ramp = ramp
        self.showDensity = showDensity
        self.color = color
        self.attributes = attributes
        self.densityReference = densityReference
    }

    /// A dim, single-colour style for a layer drawn underneath (for example the data under the samples).
    public static func faint(mode: GlyphMode, depth: ColorDepth) -> PointCloudStyle {
        PointCloudStyle(mode: mode, depth: depth, showDensity: false, color: RGBColor(88, 92, 112), attributes: .dim)
    }
}

/// What one ``PointCloudRenderer/draw(_:into:rect:viewport:style:)`` call did.
public struct PointCloudSummary: Sendable, Hashable {
    /// Points that landed inside the rectangle.
    public var drawnPoints: Int
    /// Points outside the viewport's rectangle or not finite.
    public var droppedPoints: Int
    /// Distinct sub-cells with at least one point.
    public var litSubcells: Int
    /// Cells with at least one point.
    public var litCells: Int
    /// The most points in one cell (one half cell in half-block mode).
    public var densestCount: Int

    public init(drawnPoints: Int = 0, droppedPoints: Int = 0, litSubcells: Int = 0, litCells: Int = 0, densestCount: Int = 0) {
        self.drawnPoints = drawnPoints
        self.droppedPoints = droppedPoints
        self.litSubcells = litSubcells
        self.litCells = litCells
        self.densestCount = densestCount
    }
}
