import Points

/// One complete picture of a point cloud: a titled box around the cloud (with an optional faint
/// layer underneath and markers on top) and a status line with a caption and a progress bar.
/// `ddim-explorer render` prints it; anything that wants a still of a run can use it.
///
/// ```swift
/// var picture = CloudPicture(points: samples, viewport: view, title: "two-moons · step 50/50")
/// picture.background = data
/// picture.progress = (1.0, "50/50")
/// print(picture.render(width: 80, height: 24, style: PointCloudStyle(mode: .braille, depth: .palette256)).ansiText(depth: .palette256))
/// ```
public struct CloudPicture: Sendable {
    public var points: SampleBatch
    /// Drawn first, in ``PointCloudStyle/faint(mode:depth:)``, for example the data under the samples.
    public var background: SampleBatch?
    public var markers: MarkerLayer
    public var viewport: Viewport
    public var title: String
    /// Text at the left of the status line.
    public var caption: String?
    /// Done fraction and its label, shown at the right of the status line.
    public var progress: (fraction: Double, label: String)?

    public init(points: SampleBatch, viewport: Viewport, title: String, background: SampleBatch? = nil, markers: MarkerLayer = MarkerLayer(),
                caption: String? = nil, progress: (fraction: Double, label: String)? = nil) {
        self.points = points
        self.viewport = viewport
        self.title = title
        self.background = background
        self.markers = markers
        self.caption = caption
        self.progress = progress
    }

    /// The picture as a `width` x `height` frame (ASCII borders in ASCII glyph mode). The status
    /// line is left out when the height is below 4.
    public func render(width: Int, height: Int, style: PointCloudStyle) -> Frame {
        var renderer = PointCloudRenderer()
        return render(width: width, height: height, style: style, renderer: &renderer)
    }

    /// As ``render(width:height:style:)``, reusing `renderer`'s buffers.
    public func render(width: Int, height: Int, style: PointCloudStyle, renderer: inout PointCloudRenderer) -> Frame {
        var frame = Frame(width: width, height: height)
        let ascii = style.mode == .ascii
        let hasStatus = height >= 4 && (caption != nil || progress != nil)
        let box = Rect(x: 0, y: 0, width: width, height: hasStatus ? height - 1 : height)
        let accent = style.depth.convertForeground(RGBColor(150, 160, 190))
        let inside = Panel(title: title, border: ascii ? .ascii : .rounded, color: accent).draw(into: &frame, rect: box)
        if let background {
            renderer.draw(background, into: &frame, rect: inside, viewport: viewport, style: .faint(mode: style.mode, depth: style.depth))
        }
        renderer.draw(points, into: &frame, rect: inside, viewport: viewport, style: style)
        renderer.drawMarkers(markers, into: &frame, rect: inside, viewport: viewport, style: style)
        guard hasStatus else { return frame }
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        var barWidth = 0
        if let progress {
            barWidth = min(width / 3, 16 + progress.label.terminalWidth)
            ProgressBar(fraction: progress.fraction, label: progress.label, color: accent, ascii: ascii)
                .draw(into: &frame, rect: Rect(x: status.maxX - barWidth, y: status.y, width: barWidth, height: 1))
        }
        if let caption {
            let room = width - barWidth - (barWidth > 0 ? 2 : 0)
            frame.put(caption.truncated(toWidth: room, ellipsis: ascii ? "..." : "…"), x: 1, y: status.y, clip: status)
        }
        return frame
    }
}
