import Canvas
import Foundation
import ToyWorld

/// `render --field`: the model's vector field at one timestep as arrows on a grid over the view,
/// scaled so the longest is 0.9 of the grid spacing (a quiver plot), with the scale in words.
struct FieldArrows {
    var arrows: [MarkerLayer.Arrow]
    /// "x̂0 − x_t" or "one DDIM step", the timestep and the scale, for the caption.
    var caption: String

    static let color = RGBColor(hex: 0xE0AF68)

    init(settings: RunSettings, kind: VectorField.Kind, timestep: Int, viewport: Viewport, width: Int, height: Int) throws {
        let columns = max(2, (width - 2) / 5), rows = max(2, (height - 3) / 3)
        let field = try VectorField(settings: settings, timestep: timestep, kind: kind, xRange: viewport.minX...viewport.maxX,
                                    yRange: viewport.minY...viewport.maxY, columns: columns, rows: rows)
        let spacing = min(viewport.width / Float(columns), viewport.height / Float(rows))
        let longest = field.longestDisplacement
        let scale = longest > 0 ? 0.9 * spacing / longest : 1
        arrows = (0..<field.positions.count).compactMap { index in
            let (from, to) = field.arrow(index)
            let end = from + (to - from) * scale
            guard end.x.isFinite, end.y.isFinite else { return nil }
            return MarkerLayer.Arrow(from: from, to: end, color: Self.color)
        }
        let what = kind == .denoised ? "field x̂0−x_t" : "field: one DDIM step"
        caption = "\(what) at t=\(field.timestep), arrows ×\(Self.short(scale)) (longest \(Self.short(longest)))"
    }

    static func short(_ value: Float) -> String {
        value >= 100 || value < 0.01 ? String(format: "%.1e", Double(value)) : String(format: "%.2g", Double(value))
    }
}
