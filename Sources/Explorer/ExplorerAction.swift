/// Everything a key (or the help overlay) can ask the explorer to do.
///
/// The key table (``KeyTable``) maps keys to actions; ``ExplorerModel/update(_:)`` performs them.
///
/// ```swift
/// var model = ExplorerModel(settings: RunSettings())
/// model.perform(.etaUp)
/// ```
public enum ExplorerAction: String, CaseIterable, Sendable {
    // Playback
    case togglePlay, stepForward, stepBack, jumpToStart, jumpToEnd, speedUp, speedDown
    // Sampler settings
    case etaUp, etaDown, stepsUp, stepsDown, cycleSchedule, cycleSpacing
    case toggleClipping, clipRangeUp, clipRangeDown, toggleThresholding, cyclePrediction
    case toggleAlphaToOne, toggleZeroSNR
    // Data
    case newSeed, countUp, countDown, nextDataset, previousDataset
    // View
    case cycleLayer, toggleDataOverlay, toggleTrails, toggleArrows, cycleGlyphs, toggleColor, cycleCurve
    // Modes
    case modeSingle, modeCompare, modeInvert, modeInterpolate, toggleLessons, lessonNext, lessonPrevious, switchFocus
    // Application
    case saveConfiguration, toggleHelp, dismiss, quit
}
