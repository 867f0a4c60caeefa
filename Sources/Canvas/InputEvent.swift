/// What the user (or the clock) did: the input of the explorer's update function.
///
/// The terminal backend turns curses input into these; tests build them directly.
///
/// ```swift
/// let events: [InputEvent] = [.key(.character("e")), .key(.right), .resize(width: 80, height: 24), .tick]
/// ```
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    /// A mouse click at a cell (column, row).
    case mouse(x: Int, y: Int)
    case resize(width: Int, height: Int)
    /// Time passed (the play loop's clock).
    case tick
}

/// A key press, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// A control combination, for example `.control("c")` for Ctrl-C.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}
