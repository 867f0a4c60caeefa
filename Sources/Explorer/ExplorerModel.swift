import Foundation
import ToyWorld
import Canvas

/// The whole state of the explorer: the runs, the mode, the view toggles and the UI state.
///
/// It changes only through ``update(_:)`` (pure: events in, effects out) and is drawn only by
/// ``view(width:height:depth:glyphs:)`` (pure: model in, frame out), so the UI is tested
/// without a terminal.
///
/// ```swift
/// var model = ExplorerModel(settings: RunSettings())
/// _ = model.update(.key(.character("e")))          // eta 0.1, chain restarted from the same x_T
/// let frame = model.view(width: 80, height: 24, depth: .monochrome, glyphs: .ascii)
/// ```
public struct ExplorerModel: Sendable {
    public internal(set) var mode: ExplorerMode = .single
    /// One run, or two in compare mode (left, right).
    public internal(set) var runs: [ChainRun]
    /// The run the setting keys change (0 left, 1 right).
    public internal(set) var focusedSide = 0
    public var options = ViewOptions()
    public internal(set) var isPlaying = false
    /// `G` on a run too large to finish in one update: ticks carry on towards the end, a bounded
    /// piece each (see ``pointStepsPerUpdate``), and any other playback key stops it.
    public internal(set) var isSeekingEnd = false
    /// Index into ``SettingLadders/speeds``.
    public internal(set) var speedIndex = 5
    public internal(set) var showsHelp = false
    /// A one-off message for the status line (cleared by the next key).
    public internal(set) var statusMessage: String?
    /// The terminal size last reported by a resize event.
    public internal(set) var terminalWidth = 80
    public internal(set) var terminalHeight = 24
    /// Rows of the points whose trails and arrows are drawn.
    public internal(set) var trackedPoints: [Int] = [0, 1, 2]
    public internal(set) var lessonIndex = 0
    public internal(set) var pageIndex = 0
    public internal(set) var inversion: InversionRun?
    public internal(set) var interpolation: InterpolationRun?
    /// Where `w` saves the scheduler configuration.
    public var configurationPath: String
    /// The most chain work (points × steps) one key or tick may compute, so that the explorer
    /// reads the keyboard again soon whatever was pressed.
    public var pointStepsPerUpdate = 200_000
    /// Points the live quality probe compares with the data.
    public let probeSize: Int
    /// The settings the explorer started with, restored when a lesson ends.
    var settingsBeforeLesson: RunSettings?
    /// Inside ``update(burst:)``: the settings each edited side will run, built once the burst's
    /// setting keys are all applied (nil outside a burst).
    var pendingSettings: [Int: RunSettings]?
    /// How many times setting changes restarted the runs (each restart recomputes their start).
    public internal(set) var settingRestarts = 0

    /// The shipped learned model of a dataset, for lesson pages that use one (nil: none found;
    /// the page then runs the exact model and says so). Set by the executable, which can read
    /// model files.
    public var learnedModels: @Sendable (DatasetKind) -> RunModel? = { _ in nil }

    /// The most points that may be tracked at once.
    public static let maximumTrackedPoints = 8


    /// A model on `settings`, paused at x_T.
    public init(settings: RunSettings, configurationPath: String = "scheduler_config.json",
                probeSize: Int = ChainRun.defaultProbeSize) {
        let fitted = ChainRun.fitted(settings)
        self.runs = [ChainRun(settings: fitted, probeSize: probeSize)]
        self.configurationPath = configurationPath
        self.probeSize = probeSize
        if fitted.count != settings.count {
            statusMessage = "points lowered to \(fitted.count) so that every state fits in memory"
        }
    }

    /// The run the setting keys change.
    public var focusedRun: ChainRun { runs[min(focusedSide, runs.count - 1)] }
    /// The settings the setting keys change.
    public var settings: RunSettings { focusedRun.settings }

    /// Playback speed in chain steps per second.
    public var speed: Double { SettingLadders.speeds[speedIndex] }

    /// How long the event loop may sleep before the next tick: nil while paused (sleep until a key).
    public var tickIntervalMilliseconds: Int? {
        guard isPlaying else { return nil }
        if isSeekingEnd { return 0 }
        return max(33, Int((1000 / speed).rounded()))
    }

    /// Chain steps per tick, so fast speeds do not need more than about 30 frames a second.
    var stepsPerTick: Int {
        let interval = Double(tickIntervalMilliseconds ?? 1000)
        return max(1, Int((speed * interval / 1000).rounded()))
    }

    /// The lesson page on screen in lesson mode.
    public var lessonPage: LessonPage? {
        guard mode == .lesson, Lesson.all.indices.contains(lessonIndex) else { return nil }
        let pages = Lesson.all[lessonIndex].pages
        return pages.indices.contains(pageIndex) ? pages[pageIndex] : nil
    }

    /// A warning about NaN or infinity anywhere on screen, or a run's error.
    public var warning: String? {
        for (side, run) in runs.enumerated() {
            let name = runs.count > 1 ? (side == 0 ? "left: " : "right: ") : ""
            if let step = run.firstNonFiniteStep {
                return "⚠ \(name)NaN/inf at step \(step)" + nonFiniteHint(run.settings)
            }
            if let error = run.error { return "⚠ \(name)\(error)" }
        }
        if mode == .invert, let inversion {
            if let error = inversion.error { return "⚠ \(error)" }
            if inversion.hasNonFiniteValues { return "⚠ NaN/inf in the inversion" + nonFiniteHint(inversion.settings) }
        }
        if mode == .interpolate, let interpolation {
            if let error = interpolation.error { return "⚠ \(error)" }
            if interpolation.hasNonFiniteValues { return "⚠ NaN/inf in the interpolation" + nonFiniteHint(interpolation.settings) }
        }
        for (side, run) in runs.enumerated() {
            if let warning = NoisyStartWarning(run: run) {
                return "⚠ " + (runs.count > 1 ? (side == 0 ? "left: " : "right: ") : "") + warning.text
            }
        }
        return nil
    }

    private func nonFiniteHint(_ settings: RunSettings) -> String {
        let configuration = settings.configuration
        if configuration.rescaleBetasZeroSnr && configuration.predictionType == .epsilon {
            return " (zero SNR + epsilon: x0 = (x - 1·eps)/0; try p for v_prediction)"
        }
        return ""
    }
}
