/// A line plot with a left value axis, a bottom axis with ticks, some x positions marked on the
/// axis and one highlighted across the plot: for example alpha-bar against t with the chosen
/// timesteps marked and the current one highlighted.
///
/// ```swift
/// var plot = LinePlot(series: [.init(points: curve, color: RGBColor(120, 200, 255))])
/// plot.markedX = timesteps.map(Float.init)
/// plot.highlightedX = Float(currentTimestep)
/// plot.draw(into: &frame, rect: Rect(x: 0, y: 0, width: 40, height: 10), depth: .trueColor)
/// ```
public struct LinePlot: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var points: [SIMD2<Float>]
        public var color: RGBColor

        public init(points: [SIMD2<Float>], color: RGBColor) {
            self.points = points
            self.color = color
        }
    }

    public var series: [Series]
    /// Axis ranges; nil fits the data.
    public var xRange: ClosedRange<Float>?
    public var yRange: ClosedRange<Float>?
    /// x positions marked with `┴` on the axis.
    public var markedX: [Float]
    /// One x position drawn as a dotted vertical line with `▲` on the axis and `●` on each curve.
    public var highlightedX: Float?
    public var highlightColor: RGBColor
    /// The curve resolution: braille by default; ASCII mode also switches the axes to ASCII.
    public var mode: GlyphMode

    public init(series: [Series], xRange: ClosedRange<Float>? = nil, yRange: ClosedRange<Float>? = nil, markedX: [Float] = [],
                highlightedX: Float? = nil, highlightColor: RGBColor = RGBColor(255, 210, 90), mode: GlyphMode = .braille) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.markedX = markedX
        self.highlightedX = highlightedX
        self.highlightColor = highlightColor
        self.mode = mode
    }

    /// Draws the plot into `rect` (at least 8x4 cells, else nothing).
    public func draw(into frame: inout Frame, rect: Rect, depth: ColorDepth) {
        guard rect.width >= 8, rect.height >= 4 else { return }
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let layout = Layout(rect: rect, mode: mode,
                            xRange: Self.widened(xRange ?? ((xs.min() ?? 0)...(xs.max() ?? 1))),
                            yRange: Self.widened(yRange ?? ((ys.min() ?? 0)...(ys.max() ?? 1))))
        drawAxes(layout, into: &frame, color: depth.convertForeground(RGBColor(150, 150, 150)))
        let highlight = depth.convertForeground(highlightColor)
        let highlightColumn = highlightedX.flatMap(layout.column)
        if let x = highlightColumn {
            for y in layout.plot.y..<layout.plot.maxY {
                frame.put(ascii ? ":" : "┆", x: x, y: y, foreground: highlight, attributes: .dim, clip: rect)
            }
            frame.put(ascii ? "^" : "▲", x: x, y: layout.axisY, foreground: highlight, attributes: .bold, clip: rect)
        }
        drawCurves(layout, into: &frame, depth: depth)
        if let highlightedX, let x = highlightColumn {
            for line in series {
                guard let nearest = line.points.min(by: { abs($0.x - highlightedX) < abs($1.x - highlightedX) }),
                      let y = layout.row(nearest.y) else { continue }
                frame.put(ascii ? "O" : "●", x: x, y: y, foreground: highlight, attributes: .bold, clip: layout.plot)
            }
        }
    }

    private var ascii: Bool { mode == .ascii }

    /// The axes, their ticks and labels, and the marked x values.
    private func drawAxes(_ layout: Layout, into frame: inout Frame, color: TerminalColor) {
        let rect = layout.rect, plot = layout.plot, axisX = layout.axisX, axisY = layout.axisY
        for y in plot.y..<axisY { frame.put(ascii ? "|" : "│", x: axisX, y: y, foreground: color, clip: rect) }
        frame.put(ascii ? "+" : "└", x: axisX, y: axisY, foreground: color, clip: rect)
        for x in plot.x..<plot.maxX { frame.put(ascii ? "-" : "─", x: x, y: axisY, foreground: color, clip: rect) }
        for (value, label) in zip(layout.yTicks.values, layout.yTicks.labels) {
            guard let y = layout.row(value) else { continue }
            frame.put(ascii ? "+" : "┤", x: axisX, y: y, foreground: color, clip: rect)
            frame.put(label.padded(toWidth: layout.labelWidth, alignment: .right), x: rect.x, y: y, foreground: color, clip: rect)
        }
        let xTicks = AxisTicks(range: layout.xRange, maxCount: max(2, plot.width / 8))
        var labelEnd = rect.x
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            guard let x = layout.column(value) else { continue }
            frame.put(ascii ? "+" : "┬", x: x, y: axisY, foreground: color, clip: rect)
            let start = min(max(x - label.terminalWidth / 2, plot.x), rect.maxX - label.terminalWidth)
            guard start > labelEnd || labelEnd == rect.x else { continue }
            labelEnd = frame.put(label, x: start, y: axisY + 1, foreground: color, clip: rect)
        }
        for value in markedX {
            guard let x = layout.column(value) else { continue }
            let crossing = frame[x, axisY].text == (ascii ? "+" : "┬")
            frame.put(ascii ? "+" : (crossing ? "┼" : "┴"), x: x, y: axisY, foreground: color, clip: rect)
        }
    }

    /// Every series as sub-cell lines (a lone point as one dot).
    private func drawCurves(_ layout: Layout, into frame: inout Frame, depth: ColorDepth) {
        var canvas = SubcellCanvas()
        canvas.reset(mode: mode, width: layout.plot.width, height: layout.plot.height)
        for line in series {
            let color = depth.convertForeground(line.color)
            let points = line.points.map { SIMD2(layout.subX($0.x), layout.subY($0.y)) }
            if points.count == 1, points[0].x >= 0, points[0].y >= 0 { canvas.plot(x: Int(points[0].x), y: Int(points[0].y), color: color) }
            for (a, b) in zip(points, points.dropFirst()) { canvas.line(from: a, to: b, color: color) }
        }
        canvas.write(into: &frame, originX: layout.plot.x, originY: layout.plot.y, clip: layout.plot, depth: depth,
                     attributes: [], asciiGlyph: "*")
    }

    /// Where the plot's parts fall in `rect`, and the map from values to cells and sub-cells.
    private struct Layout {
        let rect: Rect, mode: GlyphMode
        let xRange: ClosedRange<Float>, yRange: ClosedRange<Float>
        let yTicks: AxisTicks
        let labelWidth: Int, axisX: Int, axisY: Int
        let plot: Rect
        let subWidth: Int, subHeight: Int

        init(rect: Rect, mode: GlyphMode, xRange: ClosedRange<Float>, yRange: ClosedRange<Float>) {
            (self.rect, self.mode, self.xRange, self.yRange) = (rect, mode, xRange, yRange)
            let plotHeight = rect.height - 2
            yTicks = AxisTicks(range: yRange, maxCount: max(2, plotHeight / 3 + 1))
            labelWidth = min(rect.width / 3, yTicks.labels.map(\.terminalWidth).max() ?? 0)
            axisX = rect.x + labelWidth
            axisY = rect.y + plotHeight
            plot = Rect(x: axisX + 1, y: rect.y, width: rect.maxX - axisX - 1, height: plotHeight)
            subWidth = plot.width * mode.subcellColumns
            subHeight = plot.height * mode.subcellRows
        }

        func subX(_ x: Float) -> Float { (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Float(subWidth - 1) + 0.5 }
        func subY(_ y: Float) -> Float { (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * Float(subHeight - 1) + 0.5 }

        func column(_ x: Float) -> Int? {
            let s = subX(x)
            guard s >= 0, s < Float(subWidth) else { return nil }
            return plot.x + Int(s) / mode.subcellColumns
        }

        func row(_ y: Float) -> Int? {
            let s = subY(y)
            guard s >= 0, s < Float(subHeight) else { return nil }
            return plot.y + Int(s) / mode.subcellRows
        }
    }

    private static func widened(_ range: ClosedRange<Float>) -> ClosedRange<Float> {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return 0...1 }
        if range.upperBound > range.lowerBound { return range }
        return (range.lowerBound - 0.5)...(range.lowerBound + 0.5)
    }
}
