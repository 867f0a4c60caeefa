import Foundation

/// What the update function asks the outside world to do: the only way the pure model reaches
/// the terminal or the file system.
///
/// ```swift
/// for effect in model.update(.key(.character("q"))) {
///     if case .quit = effect { running = false }
/// }
/// ```
public enum ExplorerEffect: Sendable, Hashable {
    /// Leave the explorer (restore the terminal, exit 0).
    case quit
    /// Write the focused run's scheduler configuration as diffusers JSON to this file, then
    /// report back with ``ExplorerModel/configurationSaved(to:error:)``.
    case saveConfiguration(URL)
}
