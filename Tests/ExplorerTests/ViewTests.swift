import Testing
import Explorer

@Suite struct ViewTests {
    func frame(_ model: ExplorerModel, _ width: Int = 80, _ height: Int = 24) -> String {
        model.view(width: width, height: height, depth: .monochrome, glyphs: .ascii).plainText
    }

    @Test func eightyByTwentyFourShowsEveryPanelAndTheStatusLine() {
        let model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let text = frame(model)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        #expect(text.contains("ddim-explorer"))
        #expect(text.contains("two-moons n=200 seed=0"))
        #expect(text.contains("eta=0.0 steps=10"))
        #expect(text.contains("DDIM step 1/10"))
        #expect(text.contains("alpha"))
        #expect(text.contains("quality vs step"))
        #expect(text.contains("? help"))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func statusLineFollowsTheKeys() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.etaUp)
        #expect(frame(model).contains("eta=0.1"))
        model.perform(.toggleClipping)
        #expect(frame(model).contains("clip=±1.0"))
        model.perform(.stepsUp)
        #expect(frame(model).contains("steps=20"))
    }

    @Test func helpOverlayListsKeys() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.toggleHelp)
        let text = frame(model, 120, 40)
        #expect(text.contains("Keys"))
        for binding in KeyTable.bindings {
            #expect(text.contains(binding.summary), "help misses \(binding.summary)")
        }
        let small = frame(model)
        #expect(small.contains("Keys"))
        #expect(small.contains("play / pause"))
    }

    @Test func tooSmallShowsAMessage() {
        let model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let text = frame(model, 40, 10)
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("60x18"))
    }

    @Test(arguments: [(60, 18), (80, 24), (100, 30), (160, 48), (250, 70)])
    func everySizeDrawsWithinItsBounds(size: (Int, Int)) {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.stepForward)
        let frame = model.view(width: size.0, height: size.1, depth: .trueColor, glyphs: .braille)
        #expect(frame.width == size.0 && frame.height == size.1)
        #expect(frame.plainText.contains("eta=0.0"))
        let layout = ExplorerLayout(width: size.0, height: size.1, model: model)
        #expect(!layout.isTooSmall)
        for rect in layout.clouds + [layout.schedule, layout.step, layout.quality].compactMap({ $0 }) {
            #expect(rect.intersection(frame.bounds) == rect)
            #expect(rect.intersection(layout.status).isEmpty)
        }
    }

    @Test(arguments: ExplorerMode.allCases)
    func everyModeDraws(mode: ExplorerMode) {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        switch mode {
        case .single: break
        case .compare: model.perform(.modeCompare)
        case .invert: model.perform(.modeInvert)
        case .interpolate: model.perform(.modeInterpolate)
        case .lesson: model.perform(.toggleLessons)
        }
        for _ in 0..<3 { _ = model.update(.tick) }
        let text = frame(model, 100, 30)
        #expect(text.contains(mode.rawValue))
        #expect(text.contains("eta="))
    }

    @Test func compareTitlesNameTheDifference() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.modeCompare)
        let text = frame(model, 120, 30)
        #expect(text.contains("left: eta=0.0"))
        #expect(text.contains("right: eta=1.0"))
    }

    @Test func viewIsPure() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.stepForward)
        let a = model.view(width: 100, height: 30, depth: .palette256, glyphs: .braille)
        let b = model.view(width: 100, height: 30, depth: .palette256, glyphs: .braille)
        #expect(a == b)
    }
}
