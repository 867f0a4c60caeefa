import Foundation

/// The colours and attributes of a density ramp at a fixed number of levels, fitted to one
/// colour depth, so the renderer looks colours up instead of computing them per cell.
struct DensityPalette: Sendable {
    static let levelCount = 64

    let key: PointCloudStyle
    let foregrounds: [TerminalColor]
    let attributes: [CellAttributes]

    init(style: PointCloudStyle) {
        key = style
        var foregrounds: [TerminalColor] = []
        var attributes: [CellAttributes] = []
        for level in 0..<Self.levelCount {
            let t = Float(level) / Float(Self.levelCount - 1)
            let rgb = style.showDensity ? style.ramp.color(at: t) : style.color
            foregrounds.append(style.depth.convertForeground(rgb))
            var extra = style.attributes
            if style.depth == .monochrome && style.showDensity {
                if t < 0.34 { extra.insert(.dim) } else if t >= 0.75 { extra.insert(.bold) }
            }
            attributes.append(extra)
        }
        self.foregrounds = foregrounds
        self.attributes = attributes
    }

    /// The level (0..<levelCount) of a cell holding `count` points when `reference` points get the top.
    @inline(__always)
    static func level(count: UInt32, logReference: Float) -> Int {
        guard count > 0 else { return 0 }
        let t = min(1, log1p(Float(count)) / logReference)
        return Int(t * Float(levelCount - 1) + 0.5)
    }
}
