/// Why the interactive terminal could not be opened.
///
/// The explorer needs a real terminal on standard input and standard output. Callers print
/// the description and exit with status 2:
///
/// ```swift
/// do { terminal = try CursesTerminal.open(recordingTo: nil) }
/// catch let error as TerminalUnavailable { print(error, to: &standardError); exit(2) }
/// ```
public struct TerminalUnavailable: Error, CustomStringConvertible, Equatable {
    /// The specific reason.
    public enum Reason: Equatable, Sendable {
        /// The named stream (`"standard input"` or `"standard output"`) is not a TTY.
        case notATerminal(stream: String)
        /// `TERM` is unset or empty.
        case terminalTypeUnset
        /// `TERM` names a terminal that cannot position the cursor (for example `dumb`).
        case terminalTooLimited(term: String)
        /// curses could not start for `TERM` (for example no terminfo entry).
        case cursesFailed(term: String)
        /// A terminal is already open in this process.
        case alreadyOpen
        /// The recording file could not be created.
        case recordingFailed(path: String, reason: String)
    }

    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// What to run instead when there is no interactive terminal.
    public static let headlessHint =
        "For headless use, `ddim-explorer render` draws the cloud to a file or stdout and `ddim-explorer sample` writes the samples."

    public var description: String {
        switch reason {
        case .notATerminal(let stream):
            return "ddim-explorer needs an interactive terminal, but \(stream) is not a TTY. \(Self.headlessHint)"
        case .terminalTypeUnset:
            return "ddim-explorer needs an interactive terminal, but TERM is not set. Set TERM (for example TERM=xterm-256color). \(Self.headlessHint)"
        case .terminalTooLimited(let term):
            return "ddim-explorer needs a terminal that can position the cursor, but TERM is '\(term)'. \(Self.headlessHint)"
        case .cursesFailed(let term):
            return "ddim-explorer could not start curses for TERM '\(term)' (is its terminfo entry installed?). \(Self.headlessHint)"
        case .alreadyOpen:
            return "ddim-explorer already has the terminal open; close it before opening another."
        case .recordingFailed(let path, let reason):
            return "ddim-explorer could not record to '\(path)': \(reason)."
        }
    }

    /// Checks the preconditions that do not need curses: both streams are TTYs and TERM is usable.
    ///
    /// ```swift
    /// try TerminalUnavailable.check(stdinIsTTY: true, stdoutIsTTY: true, term: "xterm-256color")  // passes
    /// ```
    public static func check(stdinIsTTY: Bool, stdoutIsTTY: Bool, term: String?) throws(TerminalUnavailable) {
        guard stdinIsTTY else { throw TerminalUnavailable(.notATerminal(stream: "standard input")) }
        guard stdoutIsTTY else { throw TerminalUnavailable(.notATerminal(stream: "standard output")) }
        guard let term, !term.isEmpty else { throw TerminalUnavailable(.terminalTypeUnset) }
        if ["dumb", "unknown", "emacs"].contains(term) { throw TerminalUnavailable(.terminalTooLimited(term: term)) }
    }
}
