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

    /// Colours of the tracked points, in tracking order.
    static let markerColors: [RGBColor] = [
        RGBColor(80, 220, 255), RGBColor(255, 110, 200), RGBColor(140, 255, 120), RGBColor(255, 230, 90),
        RGBColor(170, 140, 255), RGBColor(255, 150, 80), RGBColor(120, 200, 200), RGBColor(240, 240, 240),
    ]

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
        var layer = MarkerLayer()
        let shown = options.layer == .predicted ? (content.predicted ?? content.noisy) : content.noisy
        for (index, row) in tracked.enumerated() {
            let color = CloudView.markerColors[index % CloudView.markerColors.count]
            if options.showsTrails {
                let path = content.history.compactMap { position(of: row, in: $0) }
                if path.count > 1 { layer.trails.append(.init(points: path, color: color)) }
            }
            if options.showsArrows, let from = content.noisy.flatMap({ position(of: row, in: $0) }),
               let to = content.predicted.flatMap({ position(of: row, in: $0) }) {
                layer.arrows.append(.init(from: from, to: to, color: color))
            }
            if let point = shown.flatMap({ position(of: row, in: $0) }) {
                layer.points.append(.init(position: point, color: color))
            }
        }
        return layer
    }

    private func position(of row: Int, in batch: SampleBatch) -> SIMD2<Float>? {
        guard row < batch.count, batch.dimension >= 2 else { return nil }
        let p = SIMD2(batch[row, 0], batch[row, 1])
        return p.x.isFinite && p.y.isFinite ? p : nil
    }
}
