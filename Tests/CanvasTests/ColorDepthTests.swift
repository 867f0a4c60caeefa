import Testing
import Canvas

@Suite struct ColorDepthTests {
    @Test(arguments: [
        (["NO_COLOR": "1", "COLORTERM": "truecolor", "TERM": "xterm-256color"], 256, ColorDepth.monochrome),
        (["NO_COLOR": "", "TERM": "xterm-256color"], nil, .palette256),
        (["TERM": "dumb"], nil, .monochrome),
        (["COLORTERM": "truecolor", "TERM": "screen"], 8, .trueColor),
        (["COLORTERM": "24bit"], nil, .trueColor),
        (["TERM": "tmux-256color"], nil, .palette256),
        (["TERM": "xterm-direct"], nil, .trueColor),
        (["TERM": "rxvt-16color"], nil, .palette16),
        (["TERM": "linux"], nil, .palette8),
        ([:], nil, .monochrome),
        (["TERM": "xterm-256color"], 8, .palette8),
        (["TERM": "screen"], 16_777_216, .trueColor),
        (["TERM": "screen"], 2, .monochrome),
    ] as [([String: String], Int?, ColorDepth)])
    func detect(environment: [String: String], colors: Int?, expected: ColorDepth) {
        #expect(ColorDepth.detect(environment: environment, colors: colors) == expected)
    }

    @Test func conversionPicksTheNearestPaletteEntry() {
        #expect(ColorDepth.palette256.convert(.rgb(255, 0, 0)) == .palette(196))
        #expect(ColorDepth.palette256.convert(.rgb(0, 0, 0)) == .palette(16))
        #expect(ColorDepth.palette256.convert(.rgb(128, 128, 128)) == .palette(244))
        #expect(ColorDepth.palette256.convert(.rgb(95, 135, 175)) == .palette(67))
        #expect(ColorDepth.palette16.convert(.rgb(255, 0, 0)) == .palette(9))
        #expect(ColorDepth.palette8.convert(.rgb(255, 0, 0)) == .palette(1))
        #expect(ColorDepth.palette8.convert(.palette(12)) == .palette(4))
        #expect(ColorDepth.palette16.convert(.palette(196)) == .palette(9))
        #expect(ColorDepth.monochrome.convert(.rgb(1, 2, 3)) == .default)
        #expect(ColorDepth.trueColor.convert(.palette(3)) == .palette(3))
    }

    @Test func foregroundsAtLowDepthsAvoidBlack() {
        #expect(ColorDepth.palette16.convertForeground(RGBColor(10, 0, 20)) != .palette(0))
        #expect(ColorDepth.palette8.convertForeground(RGBColor(0, 0, 0)) != .palette(0))
    }

    @Test func rampsInterpolateBetweenStops() {
        let ramp = ColorRamp(name: "test", stops: [RGBColor(0, 0, 0), RGBColor(200, 100, 0)])
        #expect(ramp.color(at: 0) == RGBColor(0, 0, 0))
        #expect(ramp.color(at: 0.5) == RGBColor(100, 50, 0))
        #expect(ramp.color(at: 2) == RGBColor(200, 100, 0))
        #expect(ramp.color(at: .nan) == RGBColor(0, 0, 0))
        #expect(ColorRamp.viridis.color(at: 1) == RGBColor(hex: 0xFDE725))
        #expect(RGBColor(hex: 0x0A0BFF).hexString == "#0a0bff")
    }
}
