import Explorer

/// Small, fast settings for model tests: few points, few steps.
func smallSettings(steps: Int = 10, count: Int = 200) -> RunSettings {
    var settings = RunSettings()
    settings.dataset = .twoMoons
    settings.count = count
    settings.steps = steps
    settings.configuration.clipSample = false
    return settings
}

/// The key that the help shows first for an action.
func key(for action: ExplorerAction) -> Key? {
    KeyTable.binding(for: action)?.keys.first
}

extension ExplorerModel {
    /// Presses the first key bound to `action`, as the user would.
    @discardableResult
    mutating func press(_ action: ExplorerAction) -> [ExplorerEffect] {
        guard let key = key(for: action) else { return [] }
        return update(.key(key))
    }
}
