import Canvas

extension ExplorerModel {
    /// Applies events that arrived together (keys typed or mashed while the explorer was busy, a
    /// held key) in order, as ``update(_:)`` would one by one, but with bounded work:
    /// - a run of setting keys (a held `e`; `s` then `b`) restarts the runs once, with all their
    ///   edits, not once per key; view keys in between do not interrupt the run;
    /// - at most ``maximumRunKeysPerBurst`` keys that move or restart the runs (stepping, modes,
    ///   clicks, setting changes followed by a step) are applied per burst; the rest of those are
    ///   dropped and the status line says how many. Setting and view keys are never dropped.
    ///
    /// Stops after the first event that asks for an effect (`w`, `q`) so that the caller performs
    /// it on the model as that event left it; returns the effects and how many events were
    /// consumed. Call again with the rest.
    ///
    /// ```swift
    /// let keys = Array(repeating: InputEvent.key(.character("e")), count: 30) + [.key(.character("q"))]
    /// let (effects, applied) = model.update(burst: keys[...])   // one restart at eta σ̂, then [.quit], 31
    /// ```
    public mutating func update(burst events: ArraySlice<InputEvent>) -> (effects: [ExplorerEffect], applied: Int) {
        pendingSettings = [:]
        var applied = 0, runKeys = 0, dropped = 0
        defer {
            buildPendingSettings()
            if dropped > 0 { statusMessage = "busy: dropped \(dropped) of the keys typed meanwhile that move or restart the runs" }
        }
        for event in events {
            applied += 1
            if !Self.canWaitForPendingSettings(event) {
                if runKeys >= Self.maximumRunKeysPerBurst && !Self.asksForEffect(event) {
                    dropped += 1
                    continue
                }
                runKeys += 1
                buildPendingSettings()
                pendingSettings = [:]
            }
            let effects = update(event)
            if !effects.isEmpty { return (effects, applied) }
        }
        return ([], applied)
    }

    /// Keys that move or restart the runs applied per burst at most: each costs at most one restart
    /// and ``pointStepsPerUpdate`` of chain work, so a burst of mashed keys ends in bounded time.
    public static let maximumRunKeysPerBurst = 8

    private static func asksForEffect(_ event: InputEvent) -> Bool {
        guard case .key(let key) = event, let action = KeyTable.action(for: key) else { return false }
        return action == .quit || action == .saveConfiguration
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
