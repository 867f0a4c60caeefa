import Foundation
import Testing
import Explorer

/// Keys that arrive together are applied with bounded work and the same result as one by one.
@Suite struct BurstTests {
    static let eta = InputEvent.key(.character("e"))

    /// Applies `events` as the event loop does: bursts of at most `size` events, performing effects between them.
    static func applyInBursts(_ events: [InputEvent], size: Int = .max, to model: inout ExplorerModel) -> [ExplorerEffect] {
        var rest = events[...], all: [ExplorerEffect] = []
        while !rest.isEmpty {
            let (effects, applied) = model.update(burst: rest.prefix(size))
            #expect(applied > 0)
            rest = rest.dropFirst(applied)
            all += effects
            if effects.contains(.quit) { break }
        }
        return all
    }

    @Test func aHeldSettingKeyRestartsTheRunOnce() {
        var burst = ExplorerModel(settings: smallSettings(), probeSize: 16)
        var oneByOne = burst
        let keys = Array(repeating: Self.eta, count: 30)
        #expect(Self.applyInBursts(keys, to: &burst).isEmpty)
        for key in keys { _ = oneByOne.update(key) }
        #expect(burst.settingRestarts == 1)
        #expect(oneByOne.settingRestarts == 30)
        #expect(burst.settings == oneByOne.settings)
        #expect(burst.settings.configuration.varianceKind == .largeSigmaHat)
        #expect(burst.isPlaying && burst.focusedRun.cursor == 0)
    }

    @Test func differentSettingKeysAndViewKeysShareOneRestart() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let keys: [InputEvent] = [Self.eta, .key(.character("s")), .key(.character("v")), .key(.character("b")), .key(.character("+")), .key(.character("n"))]
        _ = model.update(burst: keys[...])
        #expect(model.settingRestarts == 1)
        #expect(model.settings.eta == 0.1 && model.settings.steps == 20)
    }

    @Test func aKeyThatReadsTheRunAppliesThePendingSettingsFirst() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        _ = model.update(burst: [Self.eta, .key(.character("l")), .key(.character("l")), Self.eta][...])
        #expect(model.settingRestarts == 2)
        #expect(model.settings.eta == 0.2)
        #expect(model.focusedRun.cursor == 0, "the last restart starts over")
    }

    @Test func aBurstStopsAtEachEffectSoTheSaveSeesTheSettingsOfItsMoment() {
        var model = ExplorerModel(settings: smallSettings(), probeSize: 16)
        let keys: [InputEvent] = [Self.eta, .key(.character("w")), Self.eta, .key(.character("q")), Self.eta]
        let first = model.update(burst: keys[...])
        #expect(first.applied == 2)
        #expect(first.effects.count == 1)
        #expect(model.settings.eta == 0.1)
        let second = model.update(burst: keys.dropFirst(2))
        #expect(second.effects == [.quit] && second.applied == 2)
        #expect(model.settings.eta == 0.2)
    }

    @Test func aFloodOfStepKeysIsBoundedAndSaysSo() {
        var model = ExplorerModel(settings: smallSettings(steps: 100, count: 100), probeSize: 16)
        let keys = Array(repeating: InputEvent.key(.character("l")), count: 90) + [Self.eta, .key(.character("q"))]
        let (effects, applied) = model.update(burst: keys[...])
        #expect(effects == [.quit] && applied == 92, "quit is never dropped")
        #expect(model.focusedRun.cursor == 0 && model.settings.eta == 0.1, "setting keys are never dropped")
        var stepped = ExplorerModel(settings: smallSettings(steps: 100, count: 100), probeSize: 16)
        _ = stepped.update(burst: keys.prefix(90))
        #expect(stepped.focusedRun.cursor == ExplorerModel.maximumRunKeysPerBurst)
        #expect(stepped.statusMessage == "busy: dropped 82 of the keys typed meanwhile that move or restart the runs")
    }

    @Test func settingsThatDoNotFitAreRefusedAsOneByOne() {
        var burst = ExplorerModel(settings: smallSettings(steps: 500, count: 10_000), probeSize: 16)
        var oneByOne = burst
        let keys = Array(repeating: InputEvent.key(.character("s")), count: 3) + Array(repeating: InputEvent.key(.character(">")), count: 3)
        _ = Self.applyInBursts(keys, to: &burst)
        for key in keys { _ = oneByOne.update(key) }
        #expect(burst.settings == oneByOne.settings)
        #expect(burst.statusMessage == oneByOne.statusMessage)
        #expect(burst.statusMessage?.contains("not applied") == true)
    }

    /// Random mashing of every bound key (but quit, and more points or steps, which only make the
    /// test slow), in bursts too short to drop keys and one by one, ends in the same state.
    @Test(arguments: [1, 2, 3])
    func mashedKeysEndTheSameAsOneByOne(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let keys = KeyTable.bindings.filter { ![.quit, .countUp, .stepsUp].contains($0.action) }.flatMap(\.keys)
        let events: [InputEvent] = (0..<150).map { _ in
            Int.random(in: 0..<20, using: &generator) == 0 ? .mouse(x: Int.random(in: 0..<80, using: &generator), y: 5) : .key(keys.randomElement(using: &generator)!)
        }
        var burst = ExplorerModel(settings: smallSettings(steps: 5, count: 100), probeSize: 16)
        _ = burst.update(.resize(width: 80, height: 24))
        var oneByOne = burst
        _ = Self.applyInBursts(events, size: ExplorerModel.maximumRunKeysPerBurst, to: &burst)
        for event in events { _ = oneByOne.update(event) }
        #expect(burst.settings == oneByOne.settings)
        #expect(burst.mode == oneByOne.mode)
        #expect(burst.runs.map(\.cursor) == oneByOne.runs.map(\.cursor))
        #expect(burst.runs.map(\.settings) == oneByOne.runs.map(\.settings))
        #expect(burst.isPlaying == oneByOne.isPlaying)
        #expect(burst.options == oneByOne.options)
        #expect(burst.trackedPoints == oneByOne.trackedPoints)
        #expect(burst.statusMessage == oneByOne.statusMessage)
        #expect(burst.settingRestarts <= oneByOne.settingRestarts)
    }
}

/// `G` never computes more than one bounded piece per key or tick.
@Suite struct SeekingTests {
    @Test func jumpingToTheEndOfALargeRunGoesOnInBoundedPieces() {
        var model = ExplorerModel(settings: smallSettings(steps: 10, count: 100), probeSize: 16)
        model.pointStepsPerUpdate = 300
        model.perform(.jumpToEnd)
        #expect(model.focusedRun.cursor == 3)
        #expect(model.isSeekingEnd && model.isPlaying)
        #expect(model.tickIntervalMilliseconds == 0, "no waiting between pieces")
        _ = model.update(.tick)
        #expect(model.focusedRun.cursor == 6)
        _ = model.update(.tick)
        _ = model.update(.tick)
        #expect(model.focusedRun.isAtEnd)
        #expect(!model.isSeekingEnd && !model.isPlaying)
    }

    @Test func anotherPlaybackKeyStopsTheSeekButAViewKeyDoesNot() {
        var model = ExplorerModel(settings: smallSettings(steps: 10, count: 100), probeSize: 16)
        model.pointStepsPerUpdate = 300
        model.perform(.jumpToEnd)
        model.perform(.cycleLayer)
        #expect(model.isSeekingEnd)
        model.perform(.stepBack)
        #expect(!model.isSeekingEnd && !model.isPlaying)
        #expect(model.focusedRun.cursor == 2)
    }

    @Test func compareModeSharesTheBudgetBetweenTheSides() {
        var model = ExplorerModel(settings: smallSettings(steps: 10, count: 100), probeSize: 16)
        model.pointStepsPerUpdate = 400
        model.perform(.modeCompare)
        model.perform(.jumpToEnd)
        #expect(model.runs.map(\.cursor) == [2, 2])
    }

    @Test func invertModeSeeksInPiecesToo() {
        var model = ExplorerModel(settings: smallSettings(steps: 10, count: 100), probeSize: 16)
        model.pointStepsPerUpdate = 500
        model.perform(.modeInvert)
        model.perform(.jumpToEnd)
        #expect(model.inversion?.cursor == 5)
        while model.isSeekingEnd { _ = model.update(.tick) }
        #expect(model.inversion?.isAtEnd == true)
    }
}

/// A small deterministic generator (SplitMix64) for repeatable random tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
