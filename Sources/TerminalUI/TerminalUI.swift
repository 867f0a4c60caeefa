import CCurses

/// The ncurses backend: the only Swift module that talks to the terminal.
public enum TerminalUI {
    /// The curses library's version string, for diagnostics.
    public static var cursesVersion: String { String(cString: curses_version()) }
}
