import Canvas
import Testing
@testable import TerminalUI

@Suite struct ColorMapperTests {
    @Test func monochromeAndDefaultAlwaysUseTheTerminalDefault() {
        let mono = ColorMapper(depth: .monochrome, directColor: true)
        #expect(mono.resolve(.rgb(255, 0, 0), role: .foreground) == .terminalDefault)
        #expect(mono.resolve(.palette(3), role: .background) == .terminalDefault)
        let rich = ColorMapper(depth: .trueColor, directColor: true)
        #expect(rich.resolve(.default, role: .foreground) == .terminalDefault)
    }

    @Test func trueColorNeedsADirectColourTerminal() {
        let direct = ColorMapper(depth: .trueColor, directColor: true)
        #expect(direct.resolve(.rgb(1, 2, 3), role: .foreground) == .rgb(1, 2, 3))
        #expect(direct.resolve(.palette(196), role: .foreground) == .rgb(255, 0, 0))
        #expect(direct.resolve(.palette(4), role: .foreground) == .indexed(4))
        let indexed = ColorMapper(depth: .trueColor, directColor: false)
        #expect(indexed.resolve(.rgb(255, 0, 0), role: .foreground) == .indexed(196))
    }

    @Test func lowerDepthsQuantize() {
        let p256 = ColorMapper(depth: .palette256, directColor: false)
        #expect(p256.resolve(.palette(200), role: .foreground) == .indexed(200))
        #expect(p256.resolve(.rgb(0, 0, 255), role: .foreground) == .indexed(21))
        let p16 = ColorMapper(depth: .palette16, directColor: false)
        #expect(p16.resolve(.palette(12), role: .foreground) == .indexed(12))
        #expect(p16.resolve(.palette(196), role: .foreground) == .indexed(9))
        #expect(p16.resolve(.rgb(0, 255, 255), role: .foreground) == .indexed(14))
        let p8 = ColorMapper(depth: .palette8, directColor: false)
        #expect(p8.resolve(.palette(9), role: .foreground) == .indexed(1))
        #expect(p8.resolve(.palette(196), role: .foreground) == .indexed(1))
        #expect(p8.resolve(.rgb(20, 20, 20), role: .background) == .indexed(0))
    }

    @Test func cursesNumbers() {
        #expect(ColorMapper.cursesNumber(.terminalDefault) == -1)
        #expect(ColorMapper.cursesNumber(.indexed(200)) == 200)
        #expect(ColorMapper.cursesNumber(.rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorMapper.cursesNumber(.rgb(0, 0, 3)) == 8, "direct colours 0-7 would be ANSI colours")
    }
}

@Suite struct ColorPairTableTests {
    @Test func pairsAreCreatedOnceAndReused() {
        var table = ColorPairTable(capacity: 64)
        var created: [[Int32]] = []
        let create: (Int32, Int32, Int32) -> Bool = { created.append([$0, $1, $2]); return true }
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: 2, background: 0, create: create) == 2)
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: -1, background: -1, create: create) == 0)
        #expect(created == [[1, 1, -1], [2, 2, 0]])
        #expect(table.count == 2)
    }

    @Test func fullTableFallsBackToDefaultBackgroundThenPairZero() {
        var table = ColorPairTable(capacity: 3)
        let create: (Int32, Int32, Int32) -> Bool = { _, _, _ in true }
        #expect(table.pair(foreground: 1, background: -1, create: create) == 1)
        #expect(table.pair(foreground: 2, background: -1, create: create) == 2)
        #expect(table.pair(foreground: 1, background: 4, create: create) == 1)
        #expect(table.pair(foreground: 5, background: 4, create: create) == 0)
    }

    @Test func failedCreationFallsBackInsteadOfDrawingBlackOnBlack() {
        var table = ColorPairTable(capacity: 256)
        let refuseBackgrounds: (Int32, Int32, Int32) -> Bool = { _, _, background in background == -1 }
        #expect(table.pair(foreground: 3, background: 7, create: refuseBackgrounds) == 1)
        #expect(table.pair(foreground: 3, background: -1, create: refuseBackgrounds) == 1)
    }
}

/// `render` (``Frame/ansiText(depth:)``) and the explorer's terminal backend (``ColorMapper``)
/// fit colours through the same quantizer: for every depth and role they pick the same index.
@Suite struct RenderAndTerminalColourAgreementTests {
    static let colours: [TerminalColor] = {
        let levels: [UInt8] = [0, 17, 40, 64, 95, 128, 150, 175, 200, 215, 240, 255]
        var all: [TerminalColor] = (0...255).map { .palette(UInt8($0)) }
        for r in levels { for g in levels { for b in levels { all.append(.rgb(r, g, b)) } } }
        return all
    }()

    @Test(arguments: [ColorDepth.palette256, .palette16, .palette8, .monochrome])
    func renderAndTheExplorerPickTheSameIndex(depth: ColorDepth) {
        let mapper = ColorMapper(depth: depth, directColor: false)
        for colour in Self.colours {
            let style = SGRStyle(cell: Cell("x", foreground: colour, background: colour), depth: depth)
            #expect(Self.resolved(style.foreground) == mapper.resolve(colour, role: .foreground), "\(colour) at \(depth)")
            #expect(Self.resolved(style.background) == mapper.resolve(colour, role: .background), "\(colour) at \(depth)")
        }
    }

    static func resolved(_ color: TerminalColor) -> ResolvedColor {
        switch color {
        case .default: return .terminalDefault
        case .palette(let index): return .indexed(index)
        case .rgb(let r, let g, let b): return .rgb(r, g, b)
        }
    }
}
