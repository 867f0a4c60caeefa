import Testing
import Canvas

@Suite struct ANSITextTests {
    /// One lit braille cell, solid red, at each depth.
    func redDot(_ depth: ColorDepth) -> String {
        var frame = Frame(width: 1, height: 1)
        let points = worldPoints(atSubcells: [(0, 0)], rect: frame.bounds, viewport: unitViewport, mode: .braille)
        var renderer = PointCloudRenderer()
        let style = PointCloudStyle(mode: .braille, depth: depth, showDensity: false, color: RGBColor(255, 0, 0))
        renderer.draw(points, into: &frame, rect: frame.bounds, viewport: unitViewport, style: style)
        return frame.ansiText(depth: depth)
    }

    @Test func everyColourDepthHasItsOwnSequence() {
        #expect(redDot(.trueColor) == escape + "38;2;255;0;0m⠁" + escape + "0m")
        #expect(redDot(.palette256) == escape + "38;5;196m⠁" + escape + "0m")
        #expect(redDot(.palette16) == escape + "91m⠁" + escape + "0m")
        #expect(redDot(.palette8) == escape + "31m⠁" + escape + "0m")
        #expect(redDot(.monochrome) == "⠁")
    }

    @Test func monochromeDensityUsesAttributes() {
        var frame = Frame(width: 2, height: 1)
        let subcells = [(0, 0)] + Array(repeating: (2, 0), count: 50)   // cells 0 and 1
        let points = worldPoints(atSubcells: subcells, rect: frame.bounds, viewport: unitViewport, mode: .braille)
        var renderer = PointCloudRenderer()
        renderer.draw(points, into: &frame, rect: frame.bounds, viewport: unitViewport, style: PointCloudStyle(mode: .braille, depth: .monochrome))
        #expect(frame.ansiText(depth: .monochrome) == escape + "2m⠁" + escape + "0;1m⠁" + escape + "0m")
    }

    @Test func sequencesAreWrittenOnlyWhereTheStyleChanges() {
        var frame = Frame(width: 8, height: 2)
        frame.put("ab", x: 0, y: 0, foreground: .palette(1))
        frame.put("c", x: 2, y: 0, foreground: .palette(1), attributes: .bold)
        frame.put("d", x: 3, y: 0)
        frame.put("e", x: 4, y: 0, foreground: .palette(200), background: .rgb(1, 2, 3))
        frame.put("f", x: 0, y: 1, background: .palette(12))
        #expect(frame.ansiText(depth: .trueColor) ==
            escape + "31mab" + escape + "1mc" + escape + "0md" + escape + "38;5;200;48;2;1;2;3me" + escape + "0m\n"
            + escape + "104mf" + escape + "0m")
    }

    @Test func spacesBetweenStyledCellsNeedNoSequence() {
        var frame = Frame(width: 5, height: 1)
        frame.put("a", x: 0, y: 0, foreground: .palette(1))
        frame.put("b", x: 2, y: 0, foreground: .palette(1))
        frame.put("c", x: 4, y: 0, foreground: .palette(2), attributes: .underline)
        #expect(frame.ansiText(depth: .palette16) == escape + "31ma b " + escape + "4;32mc" + escape + "0m")
    }

    @Test func halfBlocksCarryTwoColours() {
        var frame = Frame(width: 1, height: 1)
        frame[0, 0] = Cell("▀", foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255))
        #expect(frame.ansiText(depth: .trueColor) == escape + "38;2;255;0;0;48;2;0;0;255m▀" + escape + "0m")
        #expect(frame.ansiText(depth: .palette8) == escape + "31;44m▀" + escape + "0m")
    }

    @Test func coloursAreFittedToTheRequestedDepth() {
        var frame = Frame(width: 1, height: 1)
        frame.put("x", x: 0, y: 0, foreground: .rgb(255, 0, 0))
        #expect(frame.ansiText(depth: .palette256) == escape + "38;5;196mx" + escape + "0m")
        #expect(frame.ansiText(depth: .monochrome) == "x")
    }

    @Test func wideCharactersAreWrittenOnce() {
        var frame = Frame(width: 4, height: 1)
        frame.put("漢a", x: 0, y: 0, foreground: .palette(2))
        #expect(frame.ansiText(depth: .palette16) == escape + "32m漢a" + escape + "0m")
    }

    @Test func trailingStyledBlanksAreKept() {
        var frame = Frame(width: 3, height: 1)
        frame.put("a  ", x: 0, y: 0, attributes: .reverse)
        #expect(frame.ansiText(depth: .monochrome) == escape + "7ma  " + escape + "0m")
    }
}
