import Canvas
import CCurses
import Foundation

/// The interactive terminal: reads keys, mouse clicks and resizes, and draws frames by writing
/// only the cells that changed, in one flush.
///
/// Opening saves the terminal state and guarantees it comes back: on ``close()``, at exit, on
/// SIGINT/SIGTERM/SIGHUP/SIGQUIT and on crash signals (SEGV, BUS, ILL, FPE, ABRT, TRAP). Input is raw, so Ctrl-C arrives as
/// `.key(.control("c"))`. While waiting for input the process sleeps in the kernel (no CPU).
/// Use one `CursesTerminal` at a time, from one thread.
///
/// ```swift
/// let terminal = try CursesTerminal.open(recordingTo: nil)
/// defer { terminal.close() }
/// var frame = Frame(width: terminal.width, height: terminal.height)
/// frame.put("press q", x: 0, y: 0)
/// terminal.draw(frame)
/// while terminal.nextEvent(timeoutMilliseconds: 100) != .key(.character("q")) {}
/// ```
public final class CursesTerminal {
    /// Columns and rows of the terminal, updated on resize.
    public private(set) var width: Int
    public private(set) var height: Int
    /// Colours the terminal shows (from `NO_COLOR`, `COLORTERM` and terminfo).
    public let colorDepth: ColorDepth
    /// The locale is UTF-8, so braille and block glyphs can be drawn.
    public let supportsUnicode: Bool
    /// Colour pairs the terminal offers, and how many are in use (diagnostics).
    public var colorPairCapacity: Int { Int(pairs.capacity) }
    public var colorPairsInUse: Int { pairs.count }

    private var isOpen = true
    private var previous: Frame?
    private var pairs: ColorPairTable
    private let mapper: ColorMapper
    private let attributeBits: [(CellAttributes, attr_t)]
    private let synchronizedOutput: Bool
    private var recorder: AsciicastRecorder?
    private let encoder: AnsiDiffEncoder
    private let started = ContinuousClock.now
    private var glyphBuffer = [wchar_t](repeating: 0, count: 8)

    /// Opens the terminal on standard input and output, optionally recording an asciicast v2 file.
    ///
    /// - Throws: ``TerminalUnavailable`` when either stream is not a TTY, `TERM` is unset or
    ///   `dumb`, curses cannot start, another terminal is open, or the recording cannot be created.
    public static func open(recordingTo recording: URL? = nil) throws(TerminalUnavailable) -> CursesTerminal {
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"]
        try TerminalUnavailable.check(stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, term: term)
        guard ccurses_guard_is_armed() == 0 else { throw TerminalUnavailable(.alreadyOpen) }
        let recorder = try recording.map { url throws(TerminalUnavailable) in try AsciicastRecorder(url: url) }

        setlocale(LC_ALL, "")
        let codeset = String(cString: ccurses_codeset()).uppercased()
        let unicode = codeset == "UTF-8" || codeset == "UTF8"
        ccurses_guard_prepare()
        guard ccurses_start() == 1 else {
            ccurses_guard_close()
            throw TerminalUnavailable(.cursesFailed(term: term ?? ""))
        }
        ccurses_guard_arm()
        return CursesTerminal(environment: environment, term: term ?? "", unicode: unicode, recorder: recorder)
    }

    private init(environment: [String: String], term: String, unicode: Bool, recorder: AsciicastRecorder?) {
        raw()
        noecho()
        nonl()
        intrflush(ccurses_stdscr(), false)
        keypad(ccurses_stdscr(), true)
        leaveok(ccurses_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        mousemask(ccurses_button1_pressed() | ccurses_button1_clicked(), nil)
        mouseinterval(0)

        var colors: Int? = nil
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(ccurses_colors())
        }
        colorDepth = ColorDepth.detect(environment: environment, colors: colors)
        mapper = ColorMapper(depth: colorDepth, directColor: (colors ?? 0) >= 1 << 24)
        pairs = ColorPairTable(capacity: colors == nil ? 0 : ccurses_color_pairs())
        supportsUnicode = unicode
        encoder = AnsiDiffEncoder(mapper: mapper, unicode: unicode)
        attributeBits = [
            (.bold, ccurses_attr_bold()), (.dim, ccurses_attr_dim()), (.italic, ccurses_attr_italic()),
            (.underline, ccurses_attr_underline()), (.reverse, ccurses_attr_reverse()),
        ]
        synchronizedOutput = SynchronizedOutput.isSafe(term: term, environment: environment)
        var rows: Int32 = 0, columns: Int32 = 0
        ccurses_size(&rows, &columns)
        width = Int(columns)
        height = Int(rows)
        self.recorder = recorder
        recorder?.start(width: width, height: height, timestamp: Int(Date().timeIntervalSince1970), environment: environment)
        recorder?.output("\u{1B}[?25l", at: 0)
    }

    deinit { close() }

    /// The curses library's version string, for diagnostics (for example "ncurses 6.4.20221231").
    public static var cursesVersion: String { String(cString: curses_version()) }

    /// Waits up to `timeoutMilliseconds` (0: just poll, negative: forever) for input; nil when
    /// none came. Events the explorer has no use for (mouse releases, unknown keys) are skipped
    /// without ending the wait early.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard isOpen else { return nil }
        let deadline = ContinuousClock.now + .milliseconds(max(0, timeoutMilliseconds))
        while true {
            let remaining = timeoutMilliseconds < 0 ? -1 : max(0, Self.milliseconds(until: deadline))
            timeout(Int32(clamping: remaining))
            var value: UInt32 = 0
            let status = ccurses_get_wch(&value)
            if status == ERR { return nil }
            if let event = event(status: status, value: value) { return event }
            if remaining == 0 { return nil }
        }
    }

    private func event(status: Int32, value: UInt32) -> InputEvent? {
        guard status == KEY_CODE_YES else { return KeyDecoder.key(character: value).map(InputEvent.key) }
        let code = Int32(bitPattern: value)
        switch code {
        case KEY_RESIZE:
            var rows: Int32 = 0, columns: Int32 = 0
            ccurses_size(&rows, &columns)
            width = Int(columns)
            height = Int(rows)
            previous = nil
            recorder?.resize(width: width, height: height, at: elapsedSeconds)
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0
            var state: mmask_t = 0
            guard ccurses_get_mouse(&x, &y, &state) == 1,
                  state & (ccurses_button1_pressed() | ccurses_button1_clicked()) != 0 else { return nil }
            return .mouse(x: Int(x), y: Int(y))
        default:
            if let key = KeyDecoder.key(keyCode: code) { return .key(key) }
            guard code > KEY_MAX, let name = keyname(code) else { return nil }
            return KeyDecoder.key(extendedKeyName: String(cString: name)).map(InputEvent.key)
        }
    }

    /// Draws `frame` (clipped to the terminal), writing only cells that differ from the last
    /// frame drawn, then flushes once, inside synchronized output where that is safe.
    public func draw(_ frame: Frame) {
        guard isOpen else { return }
        let full = previous == nil || previous?.width != frame.width || previous?.height != frame.height
        if full { erase() }
        let runs = FrameDiff.changedRuns(from: full ? nil : previous, to: frame)
        for run in runs where run.y < height {
            for x in run.x..<min(run.x + run.count, width) {
                put(frame[x, run.y], after: x > 0 ? frame[x - 1, run.y] : nil, x: x, y: run.y)
            }
        }
        if synchronizedOutput {
            wnoutrefresh(ccurses_stdscr())
            ccurses_write_raw(SynchronizedOutput.begin)
            doupdate()
            ccurses_write_raw(SynchronizedOutput.end)
        } else {
            refresh()
        }
        if let recorder, !runs.isEmpty {
            recorder.output(encoder.encode(frame, runs: runs, clearFirst: full), at: elapsedSeconds)
        }
        previous = frame
    }

    private func put(_ cell: Cell, after left: Cell?, x: Int, y: Int) {
        guard let text = CellGlyph.text(for: cell, after: left, unicode: supportsUnicode) else { return }
        var attributes = ccurses_attr_normal()
        for (attribute, bits) in attributeBits where cell.attributes.contains(attribute) { attributes |= bits }
        let foreground = ColorMapper.cursesNumber(mapper.resolve(cell.foreground, role: .foreground))
        let background = ColorMapper.cursesNumber(mapper.resolve(cell.background, role: .background))
        let pair = pairs.pair(foreground: foreground, background: background) { number, fg, bg in
            init_extended_pair(number, fg, bg) == OK
        }
        var count = 0
        for scalar in text.unicodeScalars where count < 5 {
            glyphBuffer[count] = wchar_t(truncatingIfNeeded: scalar.value)
            count += 1
        }
        glyphBuffer[count] = 0
        _ = glyphBuffer.withUnsafeBufferPointer { buffer in
            ccurses_put_cell(Int32(y), Int32(x), buffer.baseAddress, attributes, pair)
        }
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, cooked mode) and
    /// closes the recording. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        recorder?.output("\u{1B}[0m\u{1B}[?25h", at: elapsedSeconds)
        recorder?.close()
        recorder = nil
        ccurses_guard_close()
    }

    private var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int {
        let left = deadline - ContinuousClock.now
        return Int(left.components.seconds) * 1000 + Int(left.components.attoseconds / 1_000_000_000_000_000)
    }
}
