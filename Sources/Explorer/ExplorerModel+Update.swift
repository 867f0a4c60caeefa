import Foundation
import ToyWorld
import Canvas

extension ExplorerModel {
    /// Applies one event and returns what the outside world must do. Pure: no I/O, no clock.
    ///
    /// ```swift
    /// let effects = model.update(.key(.character("q")))   // [.quit]
    /// ```
    public mutating func update(_ event: InputEvent) -> [ExplorerEffect] {
        switch event {
        case .key(let key):
            guard let action = KeyTable.action(for: key) else {
                statusMessage = "unbound key \(describe(key)); press ? for help"
                return []
            }
            statusMessage = nil
            if showsHelp && action != .quit {
                showsHelp = false
                if action == .toggleHelp || action == .dismiss { return [] }
            }
            return perform(action)
        case .mouse(let x, let y):
            pick(x: x, y: y)
            return []
        case .resize(let width, let height):
            terminalWidth = max(0, width)
            terminalHeight = max(0, height)
            return []
        case .tick:
            if isPlaying { tick() }
            return []
        }
    }

    /// Performs one action as its key would.
    @discardableResult
    public mutating func perform(_ action: ExplorerAction) -> [ExplorerEffect] {
        if !action.changesOnlyTheView { isSeekingEnd = false }
        switch action {
        case .togglePlay:
            if !isPlaying && isAtEnd { jumpAll(toStart: true) }
            isPlaying.toggle()
        case .stepForward: isPlaying = false; stepAll(forward: true)
        case .stepBack: isPlaying = false; stepAll(forward: false)
        case .jumpToStart: isPlaying = false; jumpAll(toStart: true)
        case .jumpToEnd: isPlaying = false; jumpAll(toStart: false)
        case .speedUp: speedIndex = min(speedIndex + 1, SettingLadders.speeds.count - 1)
        case .speedDown: speedIndex = max(speedIndex - 1, 0)

        case .etaUp: changeSettings { $0.stepEta(up: true) }
        case .etaDown: changeSettings { $0.stepEta(up: false) }
        case .stepsUp:
            changeSettings { s in
                let ladder = SettingLadders.steps.filter { $0 <= s.configuration.numTrainTimesteps }
                s.steps = SettingLadders.next(after: s.steps, in: ladder)
            }
        case .stepsDown:
            changeSettings { s in
                let ladder = SettingLadders.steps.filter { $0 <= s.configuration.numTrainTimesteps }
                s.steps = SettingLadders.previous(before: s.steps, in: ladder)
            }
        case .cycleSchedule:
            changeSettings { $0.configuration.betaSchedule = SettingLadders.cycle($0.configuration.betaSchedule) }
        case .cycleSpacing:
            changeSettings { $0.configuration.timestepSpacing = SettingLadders.cycle($0.configuration.timestepSpacing) }
        case .toggleClipping: changeSettings { $0.configuration.clipSample.toggle() }
        case .clipRangeUp:
            changeSettings { s in
                s.configuration.clipSampleRange = SettingLadders.next(after: s.configuration.clipSampleRange, in: SettingLadders.clipRanges)
                s.configuration.clipSample = true
            }
        case .clipRangeDown:
            changeSettings { s in
                s.configuration.clipSampleRange = SettingLadders.previous(before: s.configuration.clipSampleRange, in: SettingLadders.clipRanges)
                s.configuration.clipSample = true
            }
        case .toggleThresholding: changeSettings { $0.configuration.thresholding.toggle() }
        case .cyclePrediction:
            changeSettings { $0.configuration.predictionType = SettingLadders.cycle($0.configuration.predictionType) }
        case .toggleAlphaToOne: changeSettings { $0.configuration.setAlphaToOne.toggle() }
        case .toggleZeroSNR: changeSettings { $0.configuration.rescaleBetasZeroSnr.toggle() }

        case .newSeed: changeAllSettings { $0.seed = $0.seed &+ 1 }
        case .countUp: changeAllSettings { $0.count = SettingLadders.next(after: $0.count, in: SettingLadders.counts) }
        case .countDown: changeAllSettings { $0.count = SettingLadders.previous(before: $0.count, in: SettingLadders.counts) }
        case .nextDataset: changeAllSettings { $0.cycleDataset(by: 1) }
        case .previousDataset: changeAllSettings { $0.cycleDataset(by: -1) }

        case .cycleLayer: options.layer = SettingLadders.cycle(options.layer)
        case .toggleDataOverlay: options.showsData.toggle()
        case .toggleTrails: options.showsTrails.toggle()
        case .toggleArrows: options.showsArrows.toggle()
        case .cycleGlyphs: options.glyphs = SettingLadders.cycle(options.glyphs ?? .braille)
        case .toggleColor: options.colorEnabled.toggle()
        case .cycleCurve: options.curve = SettingLadders.cycle(options.curve)

        case .modeSingle: enter(.single)
        case .modeCompare: enter(.compare)
        case .modeInvert: enter(.invert)
        case .modeInterpolate: enter(.interpolate)
        case .toggleLessons: enter(mode == .lesson ? .single : .lesson)
        case .lessonNext: turnLessonPage(by: 1)
        case .lessonPrevious: turnLessonPage(by: -1)
        case .switchFocus:
            if runs.count > 1 {
                focusedSide = 1 - focusedSide
                statusMessage = "keys now change the \(focusedSide == 0 ? "left" : "right") run"
            } else {
                statusMessage = "Tab switches sides in compare mode (press 2)"
            }

        case .saveConfiguration:
            return [.saveConfiguration(URL(fileURLWithPath: configurationPath))]
        case .toggleHelp: showsHelp.toggle()
        case .dismiss:
            if mode != .single { enter(.single) }
        case .quit: return [.quit]
        }
        return []
    }

    /// Reports the result of a ``ExplorerEffect/saveConfiguration(_:)`` effect on the status line.
    public mutating func configurationSaved(to url: URL, error: String?) {
        statusMessage = error.map { "could not save \(url.path): \($0)" } ?? "saved \(url.lastPathComponent)"
    }

    // MARK: - Playback

    var isAtEnd: Bool {
        switch mode {
        case .invert: return inversion?.isAtEnd ?? true
        case .interpolate: return false
        default: return runs.allSatisfy { $0.isAtEnd || $0.chain == nil }
        }
    }

    mutating func tick() {
        if isSeekingEnd {
            if advanceAllTowardsEnd() {
                isSeekingEnd = false
                isPlaying = false
            }
            return
        }
        for _ in 0..<stepsPerTick {
            switch mode {
            case .interpolate:
                interpolation?.advanceAlpha()
            case .invert:
                if inversion?.stepForward() != true { isPlaying = false }
            default:
                stepAll(forward: true)
                if isAtEnd { isPlaying = false }
            }
            if !isPlaying || warning != nil { break }
        }
        if warning != nil { isPlaying = false }
    }

    mutating func stepAll(forward: Bool) {
        switch mode {
        case .invert:
            if forward { inversion?.stepForward() } else { inversion?.stepBack() }
        case .interpolate:
            interpolation?.moveAlpha(by: forward ? 1 : -1)
        default:
            for side in runs.indices {
                if forward { runs[side].stepForward() } else { runs[side].stepBack() }
            }
        }
    }

    mutating func jumpAll(toStart: Bool) {
        guard toStart else {
            if !advanceAllTowardsEnd() {
                isSeekingEnd = true
                isPlaying = true
            }
            return
        }
        switch mode {
        case .invert: inversion?.jumpToStart()
        case .interpolate: interpolation?.moveAlpha(to: 0)
        default: for side in runs.indices { runs[side].jumpToStart() }
        }
    }

    /// One bounded piece of the way to the end (``pointStepsPerUpdate`` shared by the runs); true at the end.
    private mutating func advanceAllTowardsEnd() -> Bool {
        switch mode {
        case .invert:
            return inversion?.advanceTowardsEnd(pointStepBudget: pointStepsPerUpdate) ?? true
        case .interpolate:
            interpolation?.moveAlpha(to: .max)
            return true
        default:
            var atEnd = true
            for side in runs.indices {
                atEnd = runs[side].advanceTowardsEnd(pointStepBudget: pointStepsPerUpdate / runs.count) && atEnd
            }
            return atEnd
        }
    }

    // MARK: - Settings

    /// Changes the focused run's settings and restarts it from the same initial noise (inside a
    /// burst, once the burst's setting keys are all applied: see ``update(burst:)``).
    mutating func changeSettings(_ edit: (inout RunSettings) -> Void) {
        let side = min(focusedSide, runs.count - 1)
        var settings = plannedSettings(side)
        edit(&settings)
        plan([side: settings])
    }

    /// Changes settings shared by every run (data, seed, count), restarting them all.
    mutating func changeAllSettings(_ edit: (inout RunSettings) -> Void) {
        var planned: [Int: RunSettings] = [:]
        for side in runs.indices {
            var settings = plannedSettings(side)
            edit(&settings)
            planned[side] = settings
        }
        plan(planned)
    }

    /// The settings side `side` runs, or will run once the burst's edits are built.
    private func plannedSettings(_ side: Int) -> RunSettings {
        pendingSettings?[side] ?? runs[side].settings
    }

    /// Builds the edited settings into runs now, or, inside a burst, keeps them for ``buildPendingSettings()``.
    /// Settings that would not fit in memory are refused as a whole.
    private mutating func plan(_ planned: [Int: RunSettings]) {
        for settings in planned.values {
            if let problem = ChainRun.memoryProblem(settings) {
                statusMessage = "not applied: \(problem)"
                return
            }
        }
        if let count = planned.values.first?.count {
            trackedPoints = trackedPoints.filter { $0 < count }
            if trackedPoints.isEmpty { trackedPoints = [0] }
        }
        if pendingSettings != nil {
            pendingSettings?.merge(planned) { _, new in new }
        } else {
            pendingSettings = planned
            buildPendingSettings()
        }
    }

    /// Restarts every run whose settings were edited, and the mode's own run, once.
    mutating func buildPendingSettings() {
        guard let planned = pendingSettings else { return }
        pendingSettings = nil
        guard !planned.isEmpty else { return }
        settingRestarts += 1
        for (side, settings) in planned.sorted(by: { $0.key < $1.key }) where runs.indices.contains(side) {
            runs[side] = ChainRun(settings: settings, probeSize: probeSize, reusing: runs[side])
            isPlaying = mode != .invert && mode != .interpolate ? true : isPlaying
        }
        rebuildModeRuns()
    }

    private mutating func rebuildModeRuns() {
        switch mode {
        case .invert: inversion = InversionRun(settings: settings); isPlaying = true
        case .interpolate: interpolation = InterpolationRun(settings: settings)
        default: break
        }
    }

    // MARK: - Modes

    mutating func enter(_ newMode: ExplorerMode) {
        if mode == .lesson && newMode != .lesson, let saved = settingsBeforeLesson {
            runs = [ChainRun(settings: saved, probeSize: probeSize)]
            settingsBeforeLesson = nil
        }
        let base = focusedRun.settings
        let kept = runs[min(focusedSide, runs.count - 1)]
        showsHelp = false
        focusedSide = 0
        switch newMode {
        case .single:
            runs = [kept]
            statusMessage = "single run"
        case .compare:
            var right = base
            right.configuration.varianceKind = .ddim
            right.eta = base.eta == 0 && base.configuration.varianceKind == .ddim ? 1 : 0
            var left = kept
            left.jumpToStart()
            runs = [left, ChainRun(settings: right, probeSize: probeSize, reusing: kept)]
            isPlaying = true
            statusMessage = "compare: same x_T, different settings; Tab picks the side the keys change"
        case .invert:
            runs = [kept]
            inversion = InversionRun(settings: base)
            isPlaying = true
            statusMessage = "invert: data → DDIM inversion → noise → DDIM → data"
        case .interpolate:
            runs = [kept]
            interpolation = InterpolationRun(settings: base)
            isPlaying = true
            statusMessage = "interpolate: slerp between the noise of seeds \(base.seed) and \(base.seed &+ 1)"
        case .lesson:
            settingsBeforeLesson = base
            lessonIndex = 0
            pageIndex = 0
        }
        mode = newMode
        if newMode != .invert { inversion = nil }
        if newMode != .interpolate { interpolation = nil }
        if newMode == .lesson { applyLessonPage() }
    }

    mutating func turnLessonPage(by offset: Int) {
        guard mode == .lesson else {
            statusMessage = "press L for the lessons"
            return
        }
        var lesson = lessonIndex, page = pageIndex + offset
        if page >= Lesson.all[lesson].pages.count {
            lesson += 1
            page = 0
        } else if page < 0 {
            lesson -= 1
            page = lesson >= 0 ? Lesson.all[lesson].pages.count - 1 : 0
        }
        guard Lesson.all.indices.contains(lesson) else {
            statusMessage = offset > 0 ? "end of the lessons; L leaves" : "first page"
            return
        }
        lessonIndex = lesson
        pageIndex = page
        applyLessonPage()
    }

    mutating func applyLessonPage() {
        guard let page = lessonPage else { return }
        let base = settingsBeforeLesson ?? focusedRun.settings
        let presets = [page.left] + (page.right.map { [$0] } ?? [])
        let learned = learnedModels
        runs = presets.map { ChainRun(settings: ChainRun.fitted($0.applied(to: base, learned: learned)), probeSize: probeSize) }
        focusedSide = 0
        isPlaying = true
        trackedPoints = page.trackedPoints ?? trackedPoints
        statusMessage = "lesson \(lessonIndex + 1)/\(Lesson.all.count), page \(pageIndex + 1)/\(Lesson.all[lessonIndex].pages.count): Enter next"
        if presets.contains(where: { $0.model == .learned }) && runs.contains(where: { $0.settings.model == nil }) {
            statusMessage = "no shipped learned model found (Assets/models): this page runs the exact model, so its text may not hold"
        }
    }

    // MARK: - Mouse

    mutating func pick(x: Int, y: Int) {
        let layout = ExplorerLayout(width: terminalWidth, height: terminalHeight, model: self)
        for (side, rect) in layout.clouds.enumerated() where rect.contains(x: x, y: y) {
            let points: SampleBatch?
            switch mode {
            case .invert: points = inversion?.current
            case .interpolate: points = interpolation?.current
            default: points = runs[min(side, runs.count - 1)].current
            }
            guard let points, points.count > 0 else { return }
            let world = CloudGeometry.world(x: x, y: y, in: rect.inset(by: 1))
            guard let row = CloudGeometry.nearest(to: world, in: points) else { return }
            trackedPoints.removeAll { $0 == row }
            trackedPoints.append(row)
            if trackedPoints.count > ExplorerModel.maximumTrackedPoints { trackedPoints.removeFirst() }
            if runs.count > 1 { focusedSide = side }
            statusMessage = "tracking point \(row) (\(trackedPoints.count) tracked)"
            return
        }
    }

    private func describe(_ key: Key) -> String {
        switch key {
        case .character(let c): return "'\(c)'"
        case .control(let c): return "Ctrl-\(c)"
        case .function(let n): return "F\(n)"
        default: return "\(key)"
        }
    }
}

extension RunSettings {
    /// Moves eta one notch along 0, 0.1, …, 1, σ̂.
    mutating func stepEta(up: Bool) {
        if up {
            if eta >= 1 {
                configuration.varianceKind = .largeSigmaHat
                eta = 1
            } else {
                eta = SettingLadders.next(after: eta + 0.0001, in: SettingLadders.etas)
            }
        } else if configuration.varianceKind == .largeSigmaHat {
            configuration.varianceKind = .ddim
            eta = 1
        } else {
            eta = SettingLadders.previous(before: eta - 0.0001, in: SettingLadders.etas)
        }
    }

    /// Moves to the next (or previous) built-in dataset.
    mutating func cycleDataset(by offset: Int) {
        userPoints = nil
        dataset = SettingLadders.cycle(dataset, by: offset)
    }
}
