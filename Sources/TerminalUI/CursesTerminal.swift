import Canvas
import CCurses
import Foundation

/// The interactive terminal: reads keys, mouse clicks and resizes, and draws frames by writing
/// only the cells that changed, in one flush.
///
/// Opening saves the terminal state and guarantees it comes back: on ``close()``, at exit, and on
/// every signal whose default action ends the process (the crash signals report themselves on
/// standard error and end the process at once). Input is raw and decoded by ``KeyDecoder`` from
/// the bytes themselves, so Ctrl-C arrives as `.key(.control("c"))` and escape sequences the
/// explorer does not know are consumed whatever `TERM` says. While waiting for input the process
/// sleeps in the kernel (no CPU). Use one `CursesTerminal` at a time, from one thread.
///
/// ```swift
/// let terminal = try CursesTerminal.open(recordingTo: nil)
/// defer { terminal.close() }
/// var frame = Frame(width: terminal.width, height: terminal.height)
/// frame.put("press q", x: 0, y: 0)
/// terminal.draw(frame)
/// while !terminal.nextEvents(timeoutMilliseconds: 100).contains(.key(.character("q"))) {}
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
    private var decoder = KeyDecoder()
    private var inputBuffer = [UInt8](repeating: 0, count: 4_096)
    /// Standard input reached its end or failed (the terminal went away): no key will come.
    public private(set) var inputEnded = false
    /// Why the recording stopped, once writing it failed (for example a full disk); also after ``close()``.
    public var recordingFailure: String? { recorder?.failure }

    /// Opens the terminal on standard input and output, optionally recording an asciicast v2 file.
    ///
    /// The recording is opened only once curses has started, so an unusable terminal leaves an
    /// existing file as it was; see ``AsciicastRecorder`` for symlinks, devices and FIFOs.
    ///
    /// - Throws: ``TerminalUnavailable`` when either stream is not a TTY, `TERM` is unset or
    ///   `dumb`, curses cannot start, another terminal is open, or the recording cannot be written.
    public static func open(recordingTo recording: URL? = nil) throws(TerminalUnavailable) -> CursesTerminal {
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"]
        try TerminalUnavailable.check(stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1, term: term)
        guard ccurses_guard_is_armed() == 0 else { throw TerminalUnavailable(.alreadyOpen) }

        setlocale(LC_ALL, "")
        let codeset = String(cString: ccurses_codeset()).uppercased()
        let unicode = codeset == "UTF-8" || codeset == "UTF8"
        ccurses_guard_prepare()
        guard ccurses_start() == 1 else {
            ccurses_guard_close()
            throw TerminalUnavailable(.cursesFailed(term: term ?? ""))
        }
        ccurses_guard_arm()
        let terminal = CursesTerminal(environment: environment, term: term ?? "", unicode: unicode)
        if let recording {
            do throws(TerminalUnavailable) {
                try terminal.startRecording(to: recording, environment: environment)
            } catch {
                terminal.close()
                throw error
            }
        }
        return terminal
    }

    private init(environment: [String: String], term: String, unicode: Bool) {
        raw()
        noecho()
        nonl()
        intrflush(ccurses_stdscr(), false)
        keypad(ccurses_stdscr(), true)
        leaveok(ccurses_stdscr(), true)
        curs_set(0)
        // Input is read from the descriptor, not through curses: refreshes need not watch it.
        typeahead(-1)
        // Curses only turns the terminal's mouse reporting on (and off at endwin); KeyDecoder reads the reports.
        mousemask(ccurses_button1_pressed() | ccurses_button1_clicked(), nil)

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
    }

    private func startRecording(to url: URL, environment: [String: String]) throws(TerminalUnavailable) {
        let recorder = try AsciicastRecorder(url: url)
        recorder.start(width: width, height: height, timestamp: Int(Date().timeIntervalSince1970), environment: environment)
        recorder.output("\u{1B}[?25l", at: 0)
        if let failure = recorder.failure { throw TerminalUnavailable(.recordingFailed(path: url.path, reason: failure)) }
        self.recorder = recorder
    }

    deinit { close() }

    /// The curses library's version string, for diagnostics (for example "ncurses 6.4.20221231").
    public static var cursesVersion: String { String(cString: curses_version()) }

    /// Waits up to `timeoutMilliseconds` (0: just poll, negative: forever) for input, then returns
    /// every event that has arrived by then, in order: all pending keys at once, so that a caller
    /// can act on a burst as a whole. Empty when nothing came (or input has ended, see
    /// ``inputEnded``). Mouse releases, motion and unknown escape sequences yield nothing.
    public func nextEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        guard isOpen else { return [] }
        let deadline = ContinuousClock.now + .milliseconds(max(0, timeoutMilliseconds))
        var events: [InputEvent] = []
        var bytesRead = 0
        while !inputEnded && bytesRead < Self.maximumBytesPerBatch {
            // Wait for the first event until the deadline; after that, take only what is waiting.
            let budget = !events.isEmpty ? 0 : timeoutMilliseconds < 0 ? -1 : max(0, Self.milliseconds(until: deadline))
            let quiet = decoder.quietMilliseconds
            let wait = quiet.map { budget < 0 ? $0 : min($0, budget) } ?? budget
            switch TerminalInput.wait(milliseconds: wait) {
            case .input:
                bytesRead += readInput(into: &events)
            case .resized:
                var rows: Int32 = 0, columns: Int32 = 0
                if ccurses_take_resize(&rows, &columns) == 1 { events.append(resized(width: Int(columns), height: Int(rows))) }
            case .quiet:
                // A sequence left open for its whole quiet time is complete as it is (a lone Esc).
                guard let quiet, wait == quiet else { return events }
                decoder.timeOut(into: &events)
            }
        }
        return events
    }

    /// Bytes decoded per call at most, so that a flood of input still returns to the caller.
    static let maximumBytesPerBatch = 65_536

    /// Reads what standard input holds and decodes it; returns the number of bytes read.
    private func readInput(into events: inout [InputEvent]) -> Int {
        let count = inputBuffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 {
            decoder.feed(inputBuffer[0..<count], into: &events)
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            inputEnded = true
        }
        return max(0, count)
    }

    private func resized(width: Int, height: Int) -> InputEvent {
        self.width = width
        self.height = height
        previous = nil
        recorder?.resize(width: width, height: height, at: elapsedSeconds)
        return .resize(width: width, height: height)
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
