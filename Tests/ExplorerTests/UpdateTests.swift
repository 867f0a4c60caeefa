import Foundation
import Testing
import Explorer

/// Each key does what the help says: one expectation per action of the key table.
@Suite struct UpdateTests {
    typealias Check = @Sendable (_ before: ExplorerModel, _ after: ExplorerModel, _ effects: [ExplorerEffect]) -> Bool

    struct Case: Sendable {
        var prepare: @Sendable (inout ExplorerModel) -> Void = { _ in }
        var check: Check
    }

    @Sendable static func stepped(_ model: inout ExplorerModel) {
        model.perform(.stepForward)
        model.perform(.stepForward)
        model.perform(.stepForward)
    }

    static let cases: [ExplorerAction: Case] = [
        .togglePlay: Case { b, a, _ in !b.isPlaying && a.isPlaying },
        .stepForward: Case { b, a, _ in a.focusedRun.cursor == b.focusedRun.cursor + 1 },
        .stepBack: Case(prepare: stepped) { b, a, _ in a.focusedRun.cursor == b.focusedRun.cursor - 1 },
        .jumpToStart: Case(prepare: stepped) { _, a, _ in a.focusedRun.cursor == 0 },
        .jumpToEnd: Case { _, a, _ in a.focusedRun.isAtEnd && a.focusedRun.cursor == a.focusedRun.totalSteps },
        .speedUp: Case { b, a, _ in a.speed > b.speed },
        .speedDown: Case { b, a, _ in a.speed < b.speed },
        .etaUp: Case { b, a, _ in a.settings.eta > b.settings.eta },
        .etaDown: Case(prepare: { $0.perform(.etaUp); $0.perform(.etaUp) }) { b, a, _ in a.settings.eta < b.settings.eta },
        .stepsUp: Case { b, a, _ in a.settings.steps == 20 && b.settings.steps == 10 && a.focusedRun.totalSteps == 20 },
        .stepsDown: Case { b, a, _ in a.settings.steps == 5 && a.focusedRun.totalSteps == 5 },
        .cycleSchedule: Case { b, a, _ in a.settings.configuration.betaSchedule != b.settings.configuration.betaSchedule },
        .cycleSpacing: Case { b, a, _ in a.settings.configuration.timestepSpacing != b.settings.configuration.timestepSpacing },
        .toggleClipping: Case { b, a, _ in a.settings.configuration.clipSample != b.settings.configuration.clipSample },
        .clipRangeUp: Case { b, a, _ in a.settings.configuration.clipSampleRange > b.settings.configuration.clipSampleRange },
        .clipRangeDown: Case { b, a, _ in a.settings.configuration.clipSampleRange < b.settings.configuration.clipSampleRange },
        .toggleThresholding: Case { b, a, _ in a.settings.configuration.thresholding != b.settings.configuration.thresholding },
        .cyclePrediction: Case { b, a, _ in a.settings.configuration.predictionType != b.settings.configuration.predictionType },
        .toggleAlphaToOne: Case { b, a, _ in a.settings.configuration.setAlphaToOne != b.settings.configuration.setAlphaToOne },
        .toggleZeroSNR: Case { b, a, _ in a.settings.configuration.rescaleBetasZeroSnr != b.settings.configuration.rescaleBetasZeroSnr },
        .newSeed: Case { b, a, _ in a.settings.seed != b.settings.seed && a.focusedRun.current != b.focusedRun.current },
        .countUp: Case { b, a, _ in a.settings.count > b.settings.count && a.focusedRun.current?.count == a.settings.count },
        .countDown: Case { b, a, _ in a.settings.count < b.settings.count },
        .nextDataset: Case { b, a, _ in a.settings.dataset != b.settings.dataset },
        .previousDataset: Case { b, a, _ in a.settings.dataset != b.settings.dataset },
        .cycleLayer: Case { b, a, _ in a.options.layer != b.options.layer },
        .toggleDataOverlay: Case { b, a, _ in a.options.showsData != b.options.showsData },
        .toggleTrails: Case { b, a, _ in a.options.showsTrails != b.options.showsTrails },
        .toggleArrows: Case { b, a, _ in a.options.showsArrows != b.options.showsArrows },
        .cycleGlyphs: Case { b, a, _ in a.options.glyphs != b.options.glyphs },
        .toggleColor: Case { b, a, _ in a.options.colorEnabled != b.options.colorEnabled },
        .cycleCurve: Case { b, a, _ in a.options.curve != b.options.curve },
        .modeSingle: Case(prepare: { $0.perform(.modeCompare) }) { _, a, _ in a.mode == .single && a.runs.count == 1 },
        .modeCompare: Case { _, a, _ in a.mode == .compare && a.runs.count == 2 && a.runs[0].settings.eta != a.runs[1].settings.eta },
        .modeInvert: Case { _, a, _ in a.mode == .invert && a.inversion != nil },
        .modeInterpolate: Case { _, a, _ in a.mode == .interpolate && a.interpolation?.current != nil },
        .toggleLessons: Case { _, a, _ in a.mode == .lesson && a.lessonPage != nil },
        .lessonNext: Case(prepare: { $0.perform(.toggleLessons) }) { _, a, _ in a.pageIndex == 1 },
        .lessonPrevious: Case(prepare: { $0.perform(.toggleLessons); $0.perform(.lessonNext) }) { _, a, _ in a.pageIndex == 0 },
        .switchFocus: Case(prepare: { $0.perform(.modeCompare) }) { b, a, _ in a.focusedSide != b.focusedSide },
        .saveConfiguration: Case { _, _, effects in
            effects == [.saveConfiguration(URL(fileURLWithPath: "scheduler_config.json"))]
        },
        .toggleHelp: Case { b, a, _ in !b.showsHelp && a.showsHelp },
        .dismiss: Case(prepare: { $0.perform(.modeInvert) }) { _, a, _ in a.mode == .single },
        .quit: Case { _, _, effects in effects == [.quit] },
    ]

    @Test func everyActionHasAnUpdateTest() {
        for action in ExplorerAction.allCases {
            #expect(UpdateTests.cases[action] != nil, "no update test for \(action)")
        }
    }

    @Test(arguments: ExplorerAction.allCases)
    func keyDoesWhatTheHelpSays(_ action: ExplorerAction) throws {
        let testCase = try #require(UpdateTests.cases[action])
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        testCase.prepare(&model)
        let before = model
        let effects = model.press(action)
        #expect(testCase.check(before, model, effects), "\(action) via \(KeyTable.binding(for: action)?.label ?? "?")")
    }

    @Test func everyAlternativeKeyDoesTheSameAsTheFirst() {
        for binding in KeyTable.bindings where binding.keys.count > 1 {
            for key in binding.keys.dropFirst() {
                #expect(KeyTable.action(for: key) == binding.action)
            }
        }
    }

    @Test func settingChangeRestartsFromTheSameNoise() throws {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let noise = try #require(model.focusedRun.current)
        model.perform(.stepForward)
        model.perform(.etaUp)
        #expect(model.focusedRun.cursor == 0)
        #expect(model.focusedRun.current == noise)
        model.perform(.cycleSchedule)
        #expect(model.focusedRun.current == noise)
    }

    @Test func etaWalksToSigmaHatAndBack() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        for _ in 0..<10 { model.perform(.etaUp) }
        #expect(model.settings.eta == 1)
        #expect(model.settings.configuration.varianceKind == .ddim)
        model.perform(.etaUp)
        #expect(model.settings.configuration.varianceKind == .largeSigmaHat)
        model.perform(.etaDown)
        #expect(model.settings.configuration.varianceKind == .ddim)
        #expect(model.settings.eta == 1)
        model.perform(.etaDown)
        #expect(abs(model.settings.eta - 0.9) < 1e-6)
    }

    @Test func stepsStayWithinTheTrainingTimesteps() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        for _ in 0..<20 { model.perform(.stepsUp) }
        #expect(model.settings.steps == 1000)
        for _ in 0..<20 { model.perform(.stepsDown) }
        #expect(model.settings.steps == 1)
    }

    @Test func ticksAdvanceOnlyWhilePlaying() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        _ = model.update(.tick)
        #expect(model.focusedRun.cursor == 0)
        #expect(model.tickIntervalMilliseconds == nil)
        model.perform(.togglePlay)
        #expect(model.tickIntervalMilliseconds != nil)
        _ = model.update(.tick)
        #expect(model.focusedRun.cursor >= 1)
        for _ in 0..<50 { _ = model.update(.tick) }
        #expect(model.focusedRun.isAtEnd)
        #expect(!model.isPlaying)
    }

    @Test func compareKeysChangeOnlyTheFocusedSide() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.modeCompare)
        let left = model.runs[0].settings
        model.perform(.switchFocus)
        model.perform(.stepsUp)
        #expect(model.runs[0].settings == left)
        #expect(model.runs[1].settings.steps == 20)
        #expect(model.runs[0].current == model.runs[1].current)
    }

    @Test func helpClosesOnAnyKeyAndQuitStillQuits() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.press(.toggleHelp)
        #expect(model.showsHelp)
        model.press(.etaUp)
        #expect(!model.showsHelp)
        #expect(model.settings.eta > 0)
        model.press(.toggleHelp)
        #expect(model.press(.quit) == [.quit])
    }

    @Test func unboundKeySaysSo() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        _ = model.update(.key(.character("Q")))
        #expect(model.statusMessage?.contains("press ? for help") == true)
    }

    @Test func lessonsWalkEveryPageAndLeaveRestoresSettings() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let original = model.settings
        model.perform(.toggleLessons)
        let pages = Lesson.all.map(\.pages.count).reduce(0, +)
        var seen = 1
        while model.lessonIndex < Lesson.all.count - 1 || model.pageIndex < Lesson.all[model.lessonIndex].pages.count - 1 {
            model.perform(.lessonNext)
            seen += 1
            #expect(model.runs.count == (model.lessonPage?.right == nil ? 1 : 2))
            if seen > pages { break }
        }
        #expect(seen == pages)
        #expect(Lesson.all.count >= 3)
        model.perform(.toggleLessons)
        #expect(model.mode == .single)
        #expect(model.settings == original)
    }

    @Test func mouseClickTracksTheNearestPoint() throws {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        _ = model.update(.resize(width: 80, height: 24))
        let layout = ExplorerLayout(width: 80, height: 24, model: model)
        let points = try #require(model.focusedRun.current)
        let inside = layout.clouds[0].inset(by: 1)
        let target = try #require(CloudGeometry.cell(x: points[7, 0], y: points[7, 1], in: inside))
        _ = model.update(.mouse(x: target.x, y: target.y))
        let picked = try #require(model.trackedPoints.last)
        let world = CloudGeometry.world(x: target.x, y: target.y, in: inside)
        let nearest = CloudGeometry.nearest(to: world, in: points)
        #expect(picked == nearest)
    }

    @Test func savedConfigurationIsReported() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.configurationSaved(to: URL(fileURLWithPath: "/tmp/x.json"), error: nil)
        #expect(model.statusMessage == "saved x.json")
    }

    @Test func runsThatWouldStoreTooMuchAreRefused() {
        var settings = smallSettings(steps: 1000)
        settings.count = 50_000
        let model = ExplorerModel(settings: settings, probeSize: 16)
        #expect(model.settings.count * 1001 <= ChainRun.maximumStoredPoints)
        #expect(model.statusMessage?.contains("points lowered") == true)
        var small = ExplorerModel(settings: smallSettings(steps: 500, count: 20_000), probeSize: 16)
        small.perform(.stepsUp)
        #expect(small.settings.steps == 500)
        #expect(small.statusMessage?.contains("not applied") == true)
    }

    @Test func zeroSNRWithEpsilonIsAppliedAndExplained() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        model.perform(.cycleSpacing)   // linspace: starts at t = 999
        model.perform(.toggleZeroSNR)
        #expect(model.settings.configuration.rescaleBetasZeroSnr)
        _ = model.update(.tick)
        #expect(!model.isPlaying)
        let warning = model.warning ?? ""
        #expect(warning.contains("epsilon") || warning.contains("NaN"))
        model.perform(.cyclePrediction)
        model.perform(.cyclePrediction)   // epsilon → sample → v_prediction
        #expect(model.settings.configuration.predictionType == .vPrediction)
        model.perform(.jumpToEnd)
        #expect(model.warning == nil)
    }
}
