import Canvas
import Points

extension ChainAnimation {
    /// Every state as a frame of a looping animated SVG (SMIL: each frame's group is visible for
    /// its share of the loop); delays in hundredths of a second, as for the GIF. Points are small
    /// squares in one path per frame, which keeps files of thousands of points x many frames small.
    ///
    /// ```swift
    /// try animation.svg(frameDelay: 8, finalDelay: 150).write(toFile: "chain.svg", atomically: true, encoding: .utf8)
    /// ```
    public func svg(frameDelay: Int, finalDelay: Int) -> String {
        let mapping = self.mapping
        let delays = states.indices.map { max(1, $0 == states.count - 1 ? finalDelay : frameDelay) }
        let total = delays.reduce(0, +)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(style.width)\" height=\"\(style.height)\" "
        svg += "viewBox=\"0 0 \(style.width) \(style.height)\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"\(style.canvasColor.hexString)\"/>\n"
        if let background { svg += squares(background, mapping: mapping, size: 1.2, color: style.dataColor) }
        var start = 0
        for (k, state) in states.enumerated() {
            let begin = Double(start) / Double(total), end = Double(start + delays[k]) / Double(total)
            start += delays[k]
            svg += "<g visibility=\"\(k == 0 ? "visible" : "hidden")\">\n"
            svg += visibility(begin: begin, end: end, seconds: Double(total) / 100, first: k == 0, last: k == states.count - 1)
            svg += squares(state, mapping: mapping, size: Float(2 * style.pointRadius + 1), color: style.pointColor)
            for (row, index) in trails {
                let color = style.palette[Int(index)]
                let path = states[0...k].map { mapping.position($0[row, 0], $0[row, 1]) }.filter { $0.x.isFinite && $0.y.isFinite }
                if path.count > 1 {
                    let list = path.map { "\(SVGExport.number($0.x)),\(SVGExport.number($0.y))" }.joined(separator: " ")
                    svg += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color.hexString)\" stroke-width=\"1.5\"/>\n"
                }
                if let last = path.last {
                    svg += "<circle cx=\"\(SVGExport.number(last.x))\" cy=\"\(SVGExport.number(last.y))\" r=\"\(style.pointRadius + 3)\" fill=\"\(color.hexString)\"/>\n"
                }
            }
            if k < labels.count {
                svg += "<text x=\"8\" y=\"20\" font-family=\"monospace\" font-size=\"14\" fill=\"\(style.labelColor.hexString)\">\(SVGExport.escaped(labels[k]))</text>\n"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    /// A discrete SMIL animation of `visibility` that shows its group from `begin` to `end` (fractions of the loop).
    private func visibility(begin: Double, end: Double, seconds: Double, first: Bool, last: Bool) -> String {
        let values: String, keyTimes: String
        if first && last {
            return ""
        } else if first {
            (values, keyTimes) = ("visible;hidden", "0;\(fraction(end))")
        } else if last {
            (values, keyTimes) = ("hidden;visible", "0;\(fraction(begin))")
        } else {
            (values, keyTimes) = ("hidden;visible;hidden", "0;\(fraction(begin));\(fraction(end))")
        }
        return "<animate attributeName=\"visibility\" values=\"\(values)\" keyTimes=\"\(keyTimes)\" calcMode=\"discrete\" "
            + "dur=\"\(fraction(seconds))s\" repeatCount=\"indefinite\"/>\n"
    }

    private func fraction(_ value: Double) -> String {
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The finite points of `batch` inside the picture as `size`-pixel squares in one path.
    private func squares(_ batch: SampleBatch, mapping: PixelMapping, size: Float, color: RGBColor) -> String {
        guard batch.dimension >= 2 else { return "" }
        var d = ""
        let side = SVGExport.number(size), half = size / 2
        for row in 0..<batch.count {
            let p = mapping.position(batch[row, 0], batch[row, 1])
            guard p.x.isFinite, p.y.isFinite, p.x >= 0, p.y >= 0, p.x <= Float(mapping.width), p.y <= Float(mapping.height) else { continue }
            d += "M\(SVGExport.number(p.x - half)) \(SVGExport.number(p.y - half))h\(side)v\(side)h-\(side)z"
        }
        return d.isEmpty ? "" : "<path fill=\"\(color.hexString)\" d=\"\(d)\"/>\n"
    }
}
