import Testing
import Canvas

@Suite struct PlotTests {
    @Test func linePlotWithAxesTicksMarksAndHighlight() {
        var frame = Frame(width: 24, height: 7)
        let curve = (0...100).map { SIMD2(Float($0) * 10, 1 - Float($0) / 100) }
        let plot = LinePlot(series: [.init(points: curve, color: RGBColor(120, 200, 255))], xRange: 0...1000, yRange: 0...1,
                            markedX: [250, 750], highlightedX: 500)
        plot.draw(into: &frame, rect: frame.bounds, depth: .monochrome)
        #expect(frame.plainText == """
            1┤⠙⠲⠤⣄⡀      ┆
             │    ⠉⠓⠦⢤⣀  ┆
             │        ⠈⠙⠒●⣄⡀
             │           ┆ ⠉⠓⠲⢤⣀
            0┤           ┆     ⠈⠙⠒⠦⣄
             └┬────┴─────▲────┴────┬
              0                 1000
            """)
    }

    @Test func linePlotInASCII() {
        var frame = Frame(width: 20, height: 6)
        let plot = LinePlot(series: [.init(points: [SIMD2(0, 0), SIMD2(10, 10)], color: RGBColor(1, 1, 1))], mode: .ascii)
        plot.draw(into: &frame, rect: frame.bounds, depth: .monochrome)
        #expect(frame.plainText == """
            10+              ***
              |        ******
              |   *****
             0+***
              ++---------------+
               0              10
            """)
    }

    @Test func linePlotRangesComeFromTheDataAndTinyRectanglesDrawNothing() {
        var frame = Frame(width: 7, height: 3)
        LinePlot(series: [.init(points: [SIMD2(0, 0), SIMD2(1, 1)], color: RGBColor(1, 1, 1))]).draw(into: &frame, rect: frame.bounds, depth: .trueColor)
        #expect(frame.plainText == "\n\n")
    }

    @Test func sparklineShowsTheMostRecentValuesInEighths() {
        var frame = Frame(width: 8, height: 2)
        Sparkline([3, 1, 4, 1, 5, 9, 2, 6]).draw(into: &frame, rect: Rect(x: 0, y: 0, width: 8, height: 1))
        Sparkline([100, 0, .nan, 8, 16], range: 0...16, ascii: true).draw(into: &frame, rect: Rect(x: 0, y: 1, width: 4, height: 1))
        #expect(frame.plainText == "▃▁▄▁▄█▂▅\n  ##")
    }

    @Test func tallSparklinesStackBlocks() {
        var frame = Frame(width: 3, height: 2)
        Sparkline([1, 2, 4], range: 0...4).draw(into: &frame, rect: frame.bounds)
        #expect(frame.plainText == "  █\n▄██")
    }

    @Test func histogramsOfBothMarginals() {
        var frame = Frame(width: 18, height: 2)
        let values: [Float] = [0, 0.1, 0.5, 0.52, 0.9, 0.95, 0.97, 7]
        let columns = Histogram(values: values, range: 0...1, binCount: 10)
        #expect(columns.counts == [1, 1, 0, 0, 0, 2, 0, 0, 0, 3])
        columns.drawColumns(into: &frame, rect: Rect(x: 0, y: 0, width: 10, height: 2))
        Histogram(values: values, range: 0...1, binCount: 2).drawRows(into: &frame, rect: Rect(x: 12, y: 0, width: 6, height: 2))
        #expect(frame.plainText == "     ▃   █  ██████\n▅▅   █   █  ██▍")
    }

    @Test func progressBars() {
        var frame = Frame(width: 16, height: 3)
        ProgressBar(fraction: 0.5, label: "25/50").draw(into: &frame, rect: Rect(x: 0, y: 0, width: 16, height: 1))
        ProgressBar(fraction: 0.3).draw(into: &frame, rect: Rect(x: 0, y: 1, width: 4, height: 1))
        ProgressBar(fraction: 2, label: "done", ascii: true).draw(into: &frame, rect: Rect(x: 0, y: 2, width: 12, height: 1))
        #expect(frame.plainText == "█████░░░░░ 25/50\n█▎░░\n[#####] done")
    }

    @Test func niceTicks() {
        #expect(AxisTicks(range: 0...999, maxCount: 6).values == [0, 200, 400, 600, 800])
        #expect(AxisTicks(range: 0...1, maxCount: 3).labels == ["0.0", "0.5", "1.0"])
        #expect(AxisTicks(range: -7.3...2.1, maxCount: 4).labels == ["-5", "0"])
        #expect(AxisTicks(range: 0...0.0004, maxCount: 3).labels == ["0", "2e-04", "4e-04"])
    }
}
