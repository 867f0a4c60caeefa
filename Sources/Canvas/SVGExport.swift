import Points
import Foundation

/// Scalable pictures of a cloud for slides: points as circles, the data underneath in grey,
/// trails as polylines and arrows with heads, in the same aspect-correct world window as the terminal.
///
/// ```swift
/// let svg = SVGExport.cloud(samples, viewport: view, markers: layer, background: data, title: "two-moons, step 50")
/// try svg.write(toFile: "cloud.svg", atomically: true, encoding: .utf8)
/// ```
public enum SVGExport {
    /// Appearance of the picture.
    public struct Style: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var pointColor: RGBColor
        public var pointRadius: Float
        public var pointOpacity: Float
        public var backgroundPointColor: RGBColor
        /// The canvas colour; nil leaves it transparent.
        public var canvasColor: RGBColor?

        public init(width: Int = 640, height: Int = 640, pointColor: RGBColor = RGBColor(hex: 0xF1605D), pointRadius: Float = 1.6,
                    pointOpacity: Float = 0.7, backgroundPointColor: RGBColor = RGBColor(110, 115, 135), canvasColor: RGBColor? = RGBColor(hex: 0x121218)) {
            self.width = width
            self.height = height
            self.pointColor = pointColor
            self.pointRadius = pointRadius
            self.pointOpacity = pointOpacity
            self.backgroundPointColor = backgroundPointColor
            self.canvasColor = canvasColor
        }
    }

    /// An SVG document of `points` (columns 0 and 1) in `viewport`, with an optional faint
    /// `background` cloud, the `markers` layer and a `title`. Points outside the viewport are left out.
    public static func cloud(_ points: SampleBatch, viewport: Viewport, markers: MarkerLayer = MarkerLayer(), background: SampleBatch? = nil,
                             title: String? = nil, style: Style = Style()) -> String {
        let width = max(1, style.width), height = max(1, style.height)
        let scale = min(Float(width) / viewport.width, Float(height) / viewport.height)
        let centerX = (viewport.minX + viewport.maxX) / 2, centerY = (viewport.minY + viewport.maxY) / 2
        func position(_ x: Float, _ y: Float) -> (String, String) {
            (number(Float(width) / 2 + (x - centerX) * scale), number(Float(height) / 2 - (y - centerY) * scale))
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        if let title { svg += "<title>\(escaped(title))</title>\n" }
        let arrowColors = Array(Set(markers.arrows.map(\.color))).sorted { $0.hexString < $1.hexString }
        if !arrowColors.isEmpty {
            svg += "<defs>\n"
            for color in arrowColors {
                svg += "<marker id=\"head\(color.hexString.dropFirst())\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
                svg += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(color.hexString)\"/></marker>\n"
            }
            svg += "</defs>\n"
        }
        if let canvas = style.canvasColor { svg += "<rect width=\"100%\" height=\"100%\" fill=\"\(canvas.hexString)\"/>\n" }
        func circles(_ batch: SampleBatch, color: RGBColor, radius: Float, opacity: Float) {
            guard batch.dimension >= 1 else { return }
            svg += "<g fill=\"\(color.hexString)\" fill-opacity=\"\(number(opacity))\">\n"
            let r = number(radius)
            for row in 0..<batch.count {
                let x = batch[row, 0], y = batch.dimension > 1 ? batch[row, 1] : 0
                guard x.isFinite, y.isFinite, viewport.contains(x: x, y: y) else { continue }
                let (cx, cy) = position(x, y)
                svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(r)\"/>\n"
            }
            svg += "</g>\n"
        }
        if let background { circles(background, color: style.backgroundPointColor, radius: style.pointRadius * 0.8, opacity: 0.5) }
        circles(points, color: style.pointColor, radius: style.pointRadius, opacity: style.pointOpacity)
        for trail in markers.trails where !trail.points.isEmpty {
            let list = trail.points.filter { $0.x.isFinite && $0.y.isFinite }.map { let (x, y) = position($0.x, $0.y); return "\(x),\(y)" }
            svg += "<polyline points=\"\(list.joined(separator: " "))\" fill=\"none\" stroke=\"\(trail.color.hexString)\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>\n"
        }
        for arrow in markers.arrows {
            let (x1, y1) = position(arrow.from.x, arrow.from.y), (x2, y2) = position(arrow.to.x, arrow.to.y)
            svg += "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(arrow.color.hexString)\" stroke-width=\"1.5\" marker-end=\"url(#head\(arrow.color.hexString.dropFirst()))\"/>\n"
        }
        for point in markers.points {
            let (cx, cy) = position(point.position.x, point.position.y)
            svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(number(style.pointRadius * 2.5))\" fill=\"\(point.color.hexString)\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
        }
        if let title {
            svg += "<text x=\"8\" y=\"20\" font-family=\"monospace\" font-size=\"14\" fill=\"#dddddd\">\(escaped(title))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A coordinate with two decimals, trailing zeros dropped ("12.5", "3").
    ///
    /// ```swift
    /// SVGExport.number(12.504)   // "12.5"
    /// ```
    public static func number(_ value: Float) -> String {
        var text = String(format: "%.2f", Double(value))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `text` with the characters XML gives a meaning escaped, for attributes and text nodes.
    ///
    /// ```swift
    /// SVGExport.escaped("a < b")   // "a &lt; b"
    /// ```
    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
