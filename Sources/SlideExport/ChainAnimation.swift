import Canvas
import Points

/// A sampling chain as an animation for slides: one frame per state, each showing the data
/// faintly, the cloud, the paths of a few followed points so far, and a label.
///
/// The same scene gives an animated GIF (``gif(frameDelay:finalDelay:)``) and an animated SVG
/// (``svg(frameDelay:finalDelay:)``).
///
/// ```swift
/// let animation = ChainAnimation(states: chain.states, labels: labels, viewport: view,
///                                background: data, followedRows: [10, 500])
/// let bytes = try animation.gif(frameDelay: 8, finalDelay: 150).encoded()
/// ```
public struct ChainAnimation: Sendable {
    /// Colours and sizes of the frames.
    public struct Style: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var canvasColor: RGBColor
        public var dataColor: RGBColor
        public var pointColor: RGBColor
        public var labelColor: RGBColor
        public var trailColors: [RGBColor]
        /// Radius of a point in pixels (0 is one pixel).
        public var pointRadius: Int
        /// Size of a label pixel.
        public var labelScale: Int

        public init(width: Int = 480, height: Int = 480, canvasColor: RGBColor = RGBColor(hex: 0x121218),
                    dataColor: RGBColor = RGBColor(hex: 0x3C4050), pointColor: RGBColor = RGBColor(hex: 0xF1605D),
                    labelColor: RGBColor = RGBColor(hex: 0xDDDDDD),
                    trailColors: [RGBColor] = [RGBColor(hex: 0x5BC8FF), RGBColor(hex: 0x7EE787), RGBColor(hex: 0xFFD866)],
                    pointRadius: Int = 1, labelScale: Int = 2) {
            self.width = width
            self.height = height
            self.canvasColor = canvasColor
            self.dataColor = dataColor
            self.pointColor = pointColor
            self.labelColor = labelColor
            self.trailColors = trailColors
            self.pointRadius = pointRadius
            self.labelScale = labelScale
        }

        /// Canvas, data, points, label, then the trail colours.
        var palette: [RGBColor] { [canvasColor, dataColor, pointColor, labelColor] + trailColors }
    }

    /// Palette indices of the layers.
    enum Layer {
        static let canvas: UInt8 = 0
        static let data: UInt8 = 1
        static let points: UInt8 = 2
        static let label: UInt8 = 3
        static let firstTrail: UInt8 = 4
    }

    /// The states, first to last (columns 0 and 1 are drawn).
    public var states: [SampleBatch]
    /// One label per state (missing labels are blank).
    public var labels: [String]
    /// The part of the plane every frame shows.
    public var viewport: Viewport
    /// The data, drawn faintly under every frame.
    public var background: SampleBatch?
    /// Rows whose path through the states is drawn.
    public var followedRows: [Int]
    public var style: Style

    public init(states: [SampleBatch], labels: [String], viewport: Viewport, background: SampleBatch? = nil,
                followedRows: [Int] = [], style: Style = Style()) {
        self.states = states
        self.labels = labels
        self.viewport = viewport
        self.background = background
        self.followedRows = followedRows
        self.style = style
    }

    var mapping: PixelMapping { PixelMapping(viewport: viewport, width: style.width, height: style.height) }

    /// Rows in `followedRows` that exist in every state, with their trail colour's palette index.
    var trails: [(row: Int, index: UInt8)] {
        let rows = followedRows.filter { row in row >= 0 && states.allSatisfy { row < $0.count && $0.dimension >= 2 } }
        let colors = max(1, style.trailColors.count)
        return rows.enumerated().map { ($1, Layer.firstTrail + UInt8($0 % colors)) }
    }

    /// Frame `k` as a picture of palette indices (see ``Style``).
    public func frame(_ k: Int) -> IndexedImage {
        let mapping = self.mapping
        var image = IndexedImage(width: style.width, height: style.height, fill: Layer.canvas)
        if let background { draw(background, into: &image, mapping: mapping, index: Layer.data, radius: 0) }
        guard states.indices.contains(k) else { return image }
        draw(states[k], into: &image, mapping: mapping, index: Layer.points, radius: style.pointRadius)
        if style.trailColors.isEmpty == false {
            for (row, index) in trails {
                var previous: (x: Int, y: Int)?
                for state in states[0...k] {
                    let next = mapping.pixel(state[row, 0], state[row, 1])
                    if let from = previous, let to = next { image.drawLine(from: (from.x, from.y), to: (to.x, to.y), index: index) }
                    previous = next
                }
                if let last = previous { image.fillDisc(x: last.x, y: last.y, radius: style.pointRadius + 2, index: index) }
            }
        }
        let scale = max(1, style.labelScale)
        if k < labels.count { image.drawText(labels[k], x: 3 * scale, y: 3 * scale, scale: scale, index: Layer.label) }
        return image
    }

    private func draw(_ batch: SampleBatch, into image: inout IndexedImage, mapping: PixelMapping, index: UInt8, radius: Int) {
        guard batch.dimension >= 2 else { return }
        for row in 0..<batch.count {
            if let p = mapping.pixel(batch[row, 0], batch[row, 1]) { image.fillDisc(x: p.x, y: p.y, radius: radius, index: index) }
        }
    }

    /// Every state as a frame of a looping GIF; delays in hundredths of a second.
    public func gif(frameDelay: Int, finalDelay: Int) -> GIFAnimation {
        GIFAnimation(palette: style.palette, frames: states.indices.map(frame), frameDelay: frameDelay, finalDelay: finalDelay)
    }
}
