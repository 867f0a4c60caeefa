import Canvas

extension ExplorerModel {
    /// Applies events that arrived together (keys typed while the explorer was busy, a held key)
    /// with bounded work, in order, as ``update(_:)`` would one by one, except that a run of
    /// setting keys (a held `e`, `s` then `b`) restarts the runs once, with all their edits, not once per key.
    ///
    /// Stops after the first event that asks for an effect (`w`, `q`) so that the caller performs
    /// it on the model as that event left it; returns the effects and how many events were
    /// applied. Call again with the rest.
    ///
    /// ```swift
    /// let keys = Array(repeating: InputEvent.key(.character("e")), count: 30) + [.key(.character("q"))]
    /// let (effects, applied) = model.update(burst: keys[...])   // one restart at eta σ̂, then [.quit], 31
    /// ```
    public mutating func update(burst events: ArraySlice<InputEvent>) -> (effects: [ExplorerEffect], applied: Int) {
        pendingSettings = [:]
        defer { buildPendingSettings() }
        var applied = 0
        for event in events {
            applied += 1
            if !Self.canWaitForPendingSettings(event) { buildPendingSettings(); pendingSettings = [:] }
            let effects = update(event)
            if !effects.isEmpty { return (effects, applied) }
        }
        return ([], applied)
    }

    /// Events that neither read the runs nor ask for an effect: setting edits (which join the
    /// pending ones), view toggles, playback speed, help, resizes.
    private static func canWaitForPendingSettings(_ event: InputEvent) -> Bool {
        switch event {
        case .resize: return true
        case .mouse, .tick: return false
        case .key(let key):
            guard let action = KeyTable.action(for: key) else { return true }
            return action.editsSettings || action.changesOnlyTheView
        }
    }
}

extension ExplorerAction {
    /// The action edits run settings (the sampler and data keys), so it restarts runs.
    var editsSettings: Bool {
        switch self {
        case .etaUp, .etaDown, .stepsUp, .stepsDown, .cycleSchedule, .cycleSpacing, .toggleClipping,
             .clipRangeUp, .clipRangeDown, .toggleThresholding, .cyclePrediction, .toggleAlphaToOne,
             .toggleZeroSNR, .newSeed, .countUp, .countDown, .nextDataset, .previousDataset:
            return true
        default:
            return false
        }
    }

    /// The action changes how things are drawn or played back, never the runs.
    var changesOnlyTheView: Bool {
        switch self {
        case .speedUp, .speedDown, .cycleLayer, .toggleDataOverlay, .toggleTrails, .toggleArrows,
             .cycleGlyphs, .toggleColor, .cycleCurve, .toggleHelp:
            return true
        default:
            return false
        }
    }
}
