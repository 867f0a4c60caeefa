/// Synchronized output (`CSI ? 2026 h` ... `CSI ? 2026 l`): the terminal shows a frame only once
/// it is complete, so large updates never tear. Terminals that do not know the mode ignore it,
/// but some consoles print stray characters, so it is used only where it is known to be harmless.
///
/// ```swift
/// SynchronizedOutput.isSafe(term: "xterm-256color", environment: [:])   // true
/// SynchronizedOutput.isSafe(term: "linux", environment: [:])            // false
/// ```
public enum SynchronizedOutput {
    public static let begin = "\u{1B}[?2026h"
    public static let end = "\u{1B}[?2026l"

    /// `DDIM_SYNC_OUTPUT=0` or `1` overrides; otherwise xterm-compatible terminal types qualify.
    public static func isSafe(term: String, environment: [String: String]) -> Bool {
        switch environment["DDIM_SYNC_OUTPUT"] {
        case "0": return false
        case "1": return true
        default: break
        }
        let families = ["xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot", "wezterm", "contour", "ghostty", "st-", "iterm", "vte", "gnome", "konsole"]
        return families.contains { term.hasPrefix($0) } || term == "st"
    }
}
