import Points
import Foundation

/// Rasterizes a 2-D point cloud into a rectangle of a ``Frame``, with density shading.
///
/// Keep one renderer per view and reuse it: its count grids, masks and lookup tables stay
/// allocated between frames, so a steady-state frame allocates nothing and no point costs an
/// allocation. Only cells with at least one point are written, so layers can be stacked
/// (draw the faint data first, then the samples, then ``drawMarkers(_:into:rect:viewport:style:)``).
///
/// ```swift
/// var renderer = PointCloudRenderer()
/// var frame = Frame(width: 80, height: 24)
/// let view = Viewport.fitting(samples)
/// renderer.draw(samples, into: &frame, rect: frame.bounds, viewport: view, style: PointCloudStyle(mode: .braille))
/// ```
public struct PointCloudRenderer: Sendable {
    /// Points per cell (per half cell in half-block mode: index `2 * cell + half`).
    var counts: [UInt32] = []
    /// Lit sub-cells per cell.
    var masks: [UInt8] = []
    /// Sub-cell column -> cell column, and -> bit offset inside the cell; likewise for rows.
    var columnCell: [Int32] = []
    var columnBit: [UInt8] = []
    var rowCellBase: [Int32] = []
    var rowBit: [UInt8] = []
    var geometry: Geometry?
    var palette: DensityPalette?
    /// Strings per mask (per density level in ASCII mode), so cells share storage.
    var glyphs: [String] = []
    var glyphMode: GlyphMode?
    /// Scratch canvas for trails and arrows.
    var markerCanvas = SubcellCanvas()

    struct Geometry: Equatable {
        var width: Int, height: Int, mode: GlyphMode
    }

    public init() {}

    /// Draws columns 0 and 1 of `points` (a 1-column batch lies on y = 0) into `rect` of `frame`,
    /// mapping `viewport` aspect-correctly onto it. Points outside the viewport's rectangle, or
    /// not finite, are dropped; cells outside the frame are never written.
    @discardableResult
    public mutating func draw(_ points: SampleBatch, into frame: inout Frame, rect: Rect, viewport: Viewport, style: PointCloudStyle) -> PointCloudSummary {
        guard !rect.isEmpty, points.dimension >= 1 else {
            return PointCloudSummary(droppedPoints: points.count)
        }
        prepare(width: rect.width, height: rect.height, style: style)
        let mapping = viewport.mapping(into: rect, mode: style.mode)
        let drawn = accumulate(points, mapping: mapping, halves: style.mode == .halfBlocks)
        var summary = write(into: &frame, rect: rect, style: style)
        summary.drawnPoints = drawn
        summary.droppedPoints = points.count - drawn
        return summary
    }

    /// Sizes the buffers (only when the geometry changes) and clears the counts.
    mutating func prepare(width: Int, height: Int, style: PointCloudStyle) {
        let geometry = Geometry(width: width, height: height, mode: style.mode)
        let cellCount = width * height
        if self.geometry != geometry {
            self.geometry = geometry
            let columns = style.mode.subcellColumns, rows = style.mode.subcellRows
            let halves = style.mode == .halfBlocks
            counts = [UInt32](repeating: 0, count: halves ? 2 * cellCount : cellCount)
            masks = [UInt8](repeating: 0, count: cellCount)
            columnCell = (0..<(width * columns)).map { Int32($0 / columns) }
            columnBit = (0..<(width * columns)).map { UInt8($0 % columns) }
            rowCellBase = (0..<(height * rows)).map { Int32(($0 / rows) * width) }
            rowBit = (0..<(height * rows)).map { UInt8(($0 % rows) * columns) }
        } else {
            counts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            masks.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        if palette?.key != style { palette = DensityPalette(style: style) }
        if glyphMode != style.mode {
            glyphMode = style.mode
            if style.mode == .ascii {
                let top = Float(DensityPalette.levelCount - 1)
                glyphs = (0..<DensityPalette.levelCount).map { String(GlyphMode.asciiDensityGlyph(level: Float($0) / top)) }
            } else {
                let size = 1 << (style.mode.subcellColumns * style.mode.subcellRows)
                glyphs = (0..<size).map { String(style.mode.glyph(forMask: $0)) }
            }
        }
    }

    /// Counts points per cell and sets their sub-cell bits; returns how many landed inside.
    mutating func accumulate(_ points: SampleBatch, mapping: ViewportMapping, halves: Bool) -> Int {
        let dimension = points.dimension, count = points.count
        let scaleX = mapping.scaleX, scaleY = mapping.scaleY, offsetX = mapping.offsetX, offsetY = mapping.offsetY
        let limitX = Float(mapping.subcellWidth), limitY = Float(mapping.subcellHeight)
        var drawn = 0
        points.values.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                masks.withUnsafeMutableBufferPointer { masks in
                    columnCell.withUnsafeBufferPointer { columnCell in
                        columnBit.withUnsafeBufferPointer { columnBit in
                            rowCellBase.withUnsafeBufferPointer { rowCellBase in
                                rowBit.withUnsafeBufferPointer { rowBit in
                                    for row in 0..<count {
                                        let base = row * dimension
                                        let x = values[base]
                                        let y = dimension > 1 ? values[base + 1] : 0
                                        let sx = x * scaleX + offsetX, sy = y * scaleY + offsetY
                                        // Written so that NaN fails every comparison and is dropped.
                                        guard sx >= 0, sx < limitX, sy >= 0, sy < limitY else { continue }
                                        let ix = Int(sx), iy = Int(sy)
                                        let cell = Int(rowCellBase[iy] &+ columnCell[ix])
                                        let bit = rowBit[iy] &+ columnBit[ix]
                                        masks[cell] |= 1 &<< bit
                                        counts[halves ? 2 &* cell &+ Int(bit) : cell] &+= 1
                                        drawn &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return drawn
    }

    /// Turns the counts into cells of `frame`.
    mutating func write(into frame: inout Frame, rect: Rect, style: PointCloudStyle) -> PointCloudSummary {
        guard let palette else { return PointCloudSummary() }
        let width = rect.width, cellCount = rect.width * rect.height
        let halves = style.mode == .halfBlocks
        var summary = PointCloudSummary()
        var densest: UInt32 = 0
        for count in counts where count > densest { densest = count }
        summary.densestCount = Int(densest)
        let reference = style.densityReference.map { UInt32(max(1, $0)) } ?? max(1, densest)
        let logReference = log1p(Float(reference))
        let visible = rect.intersection(frame.bounds)
        for cell in 0..<cellCount {
            let mask = masks[cell]
            if mask == 0 { continue }
            summary.litCells += 1
            summary.litSubcells += mask.nonzeroBitCount
            let x = rect.x + cell % width, y = rect.y + cell / width
            guard visible.contains(x: x, y: y) else { continue }
            var target = frame[x, y]
            if halves {
                let top = DensityPalette.level(count: counts[2 * cell], logReference: logReference)
                let bottom = DensityPalette.level(count: counts[2 * cell + 1], logReference: logReference)
                writeHalves(&target, mask: mask, top: top, bottom: bottom, palette: palette, depth: style.depth)
            } else {
                let level = DensityPalette.level(count: counts[cell], logReference: logReference)
                target.text = glyphs[style.mode == .ascii ? level : Int(mask)]
                target.foreground = palette.foregrounds[level]
                target.attributes = palette.attributes[level]
            }
            frame[x, y] = target
        }
        return summary
    }

    /// Half-block cells: the upper half in the foreground colour, the lower in the background.
    private func writeHalves(_ cell: inout Cell, mask: UInt8, top: Int, bottom: Int, palette: DensityPalette, depth: ColorDepth) {
        switch mask {
        case 1:
            cell.text = "▀"
            cell.foreground = palette.foregrounds[top]
            cell.attributes = palette.attributes[top]
        case 2:
            cell.text = "▄"
            cell.foreground = palette.foregrounds[bottom]
            cell.attributes = palette.attributes[bottom]
        default:
            let upper = palette.foregrounds[top], lower = palette.foregrounds[bottom]
            cell.attributes = palette.attributes[max(top, bottom)]
            if upper == lower || !depth.hasColor {
                cell.text = "█"
                cell.foreground = palette.foregrounds[max(top, bottom)]
            } else {
                cell.text = "▀"
                cell.foreground = upper
                cell.background = lower
            }
        }
    }
}
