import Canvas
import ToyWorld

/// Draws one cloud panel: the data underneath, the points (x_t, predicted x0 or both), and the
/// tracked points with their trails and arrows.
struct CloudView {
    /// What one cloud panel shows.
    struct Content {
        var title: String
        var data: SampleBatch?
        var noisy: SampleBatch?
        var predicted: SampleBatch?
        /// The states so far, for trails (oldest first).
        var history: [SampleBatch]
        var focused: Bool
    }

    var renderer = PointCloudRenderer()

    mutating func draw(_ content: Content, options: ViewOptions, tracked: [Int], rect: Rect,
                       mode: GlyphMode, depth: ColorDepth, into frame: inout Frame) {
        let panel = Panel(title: content.title, border: mode == .ascii ? .ascii : .rounded,
                          titleAttributes: content.focused ? [.bold, .reverse] : .bold)
        let inside = panel.draw(into: &frame, rect: rect)
        guard !inside.isEmpty else { return }
        let viewport = CloudGeometry.viewport
        if options.showsData, let data = content.data {
            renderer.draw(data, into: &frame, rect: inside, viewport: viewport, style: .faint(mode: mode, depth: depth))
        }
        let bright = PointCloudStyle(mode: mode, depth: depth)
        switch options.layer {
        case .noisy:
            if let noisy = content.noisy { renderer.draw(noisy, into: &frame, rect: inside, viewport: viewport, style: bright) }
        case .predicted:
            if let predicted = content.predicted ?? content.noisy {
                renderer.draw(predicted, into: &frame, rect: inside, viewport: viewport, style: bright)
            }
        case .both:
            if let predicted = content.predicted {
                var style = PointCloudStyle(mode: mode, depth: depth, showDensity: false, color: RGBColor(90, 160, 255))
                style.attributes = .dim
                renderer.draw(predicted, into: &frame, rect: inside, viewport: viewport, style: style)
            }
            if let noisy = content.noisy { renderer.draw(noisy, into: &frame, rect: inside, viewport: viewport, style: bright) }
        }
        let markers = markerLayer(content, options: options, tracked: tracked)
        if !markers.isEmpty {
            renderer.drawMarkers(markers, into: &frame, rect: inside, viewport: viewport, style: bright)
        }
    }

    /// Trails, arrows and highlighted points of the tracked rows.
    func markerLayer(_ content: Content, options: ViewOptions, tracked: [Int]) -> MarkerLayer {
        let shown = options.layer == .predicted ? (content.predicted ?? content.noisy) : content.noisy
        return MarkerLayer.tracking(rows: tracked, history: options.showsTrails ? content.history : [], shown: shown,
                                    arrowsFrom: options.showsArrows ? content.noisy : nil, arrowsTo: content.predicted)
    }
}
