import Foundation
import Testing

/// The real `ddim-explorer` binary driven in tmux: what a user sees and whether the terminal
/// survives. Run one at a time (each starts a private tmux server).
@Suite(.serialized, .enabled(if: TmuxSession.shouldRun, "tmux is not installed: skipping the terminal tests (they fail instead under CI=true)"))
struct ExplorerTerminalTests {
    /// The status line at start (see Explorer's StatusBar): defaults are eta 0 and 50 steps.
    static let statusAtStart = "eta=0.0 steps=50"

    /// How long to wait for a screen change: generous, because `swift test` runs a debug build,
    /// often on a machine busy compiling, and a setting change recomputes the chain.
    static let patience = Duration.seconds(40)

    /// Starts the explorer in `sh -c '<explorer> --count 300 <arguments>; echo EXIT=$?; stty -a; echo SHELL-DONE; sleep'`,
    /// so that after it exits the screen shows its status and the restored terminal modes.
    /// 300 points keep the debug build responsive; the screen is the same otherwise.
    /// `prefix` goes in front of the binary: shell commands or variable assignments (TERM must be
    /// set there: tmux sets it for the pane itself).
    func startExplorer(_ arguments: String = "", prefix: String = "", width: Int = 100, height: Int = 32, environment: [String: String] = [:]) throws -> TmuxSession {
        let command = "\(prefix) \(builtExplorerPath()) --count 300 \(arguments); echo EXIT=$?; stty -a; echo SHELL-DONE; sleep 600"
        return try TmuxSession(command: "sh -c '\(command)'", width: width, height: height, environment: environment)
    }

    /// The terminal modes after exit are the cooked ones the shell needs.
    func expectShellUsable(_ screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(words.contains(mode) && !words.contains("-\(mode)"), "stty should show \(mode) restored", sourceLocation: sourceLocation)
        }
    }

    static func containsBraille(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }

    @Test func startsAndDrawsTheCloudInBrailleWithTheStatusLine() throws {
        let session = try startExplorer()
        defer { session.kill() }
        let screen = try session.waitFor(Self.statusAtStart)
        #expect(Self.containsBraille(screen), "the cloud should be drawn in braille:\n\(screen)")
        #expect(screen.contains("two-moons n=300"))
        #expect(screen.contains("step 0/50"))
    }

    @Test func theEtaKeyChangesTheStatusLine() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("e")
        try session.waitFor("eta=0.1 steps=50", timeout: Self.patience)
        try session.sendKeys("e")
        try session.waitFor("eta=0.2 steps=50", timeout: Self.patience)
        try session.sendKeys("E")
        try session.waitFor("eta=0.1 steps=50", timeout: Self.patience)
    }

    @Test func questionMarkShowsTheHelpAndEscapeClosesIt() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("?")
        // Wait for the whole box: a capture can land while the terminal is still drawing it.
        let help = try session.waitUntil("the help to be drawn") {
            $0.contains("? or Esc closes") && $0.contains("play / pause") && $0.contains("eta up")
        }
        #expect(help.contains("play / pause"))
        #expect(help.contains("eta up"))
        try session.sendKeys("Escape")
        try session.waitUntil("the help to close") { !$0.contains("? or Esc closes") && $0.contains(Self.statusAtStart) }
    }

    @Test func aTinyWindowShowsTheTooSmallMessageAndRecovers() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.resize(width: 30, height: 8)
        let small = try session.waitFor("too small")
        #expect(!Self.containsBraille(small))
        try session.resize(width: 110, height: 34)
        let restored = try session.waitUntil("the full screen again") { !$0.contains("too small") && $0.contains(Self.statusAtStart) }
        #expect(Self.containsBraille(restored))
    }

    @Test func aNonUTF8LocaleDrawsOnlyASCII() throws {
        let session = try startExplorer(environment: ["LANG": "C", "LC_ALL": "C"])
        defer { session.kill() }
        let screen = try session.waitFor(Self.statusAtStart)
        let foreign = screen.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII on screen: \(String(String.UnicodeScalarView(foreign.prefix(20))))")
        #expect(screen.contains("glyphs=ascii"))
    }

    @Test func eightColourTerminalsAndNoColorStayReadable() throws {
        let screen = try startExplorer(prefix: "TERM=screen")
        defer { screen.kill() }
        let coloured = try screen.waitUntil("colours under TERM=screen", timeout: Self.patience, escapes: true) {
            $0.contains(Self.statusAtStart) && !Self.colourParameters(in: $0).isEmpty
        }
        let colours = Self.colourParameters(in: coloured)
        #expect(colours.allSatisfy { $0 < 38 || ($0 >= 40 && $0 < 48) || $0 == 39 || $0 == 49 }, "only the 8 basic colours: \(Set(colours))")

        let plain = try startExplorer(prefix: "NO_COLOR=1")
        defer { plain.kill() }
        try plain.waitFor(Self.statusAtStart)
        try plain.sendKeys("l")
        try plain.waitFor("step 1/50", timeout: Self.patience)
        let shown = try plain.capture(escapes: true)
        #expect(Self.colourParameters(in: shown).isEmpty, "NO_COLOR: colour parameters \(Self.colourParameters(in: shown).prefix(10))")
        #expect(Self.containsBraille(shown))
    }

    /// The SGR colour parameters (30-49, 90-107) in captured output; a 256/RGB colour counts as 38 or 48.
    static func colourParameters(in text: String) -> [Int] {
        var result: [Int] = []
        for piece in text.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let end = piece.firstIndex(of: "m"), piece[..<end].allSatisfy({ $0.isNumber || $0 == ";" }) else { continue }
            var parameters = piece[..<end].split(separator: ";").compactMap { Int($0) }.makeIterator()
            while let p = parameters.next() {
                if p == 38 || p == 48 {
                    result.append(p)
                    let kind = parameters.next()
                    for _ in 0..<(kind == 2 ? 3 : 1) { _ = parameters.next() }
                } else if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                    result.append(p)
                }
            }
        }
        return result
    }

    @Test func qQuitsWithStatusZeroAndRestoresTheTerminal() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("q")
        let screen = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(screen.contains("EXIT=0"))
        expectShellUsable(screen)
        #expect(!screen.contains(Self.statusAtStart), "the explorer's screen should be gone (alternate screen left)")
    }

    @Test func ctrlCQuitsWithStatusZeroAndRestoresTheTerminal() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("C-c")
        let screen = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(screen.contains("EXIT=0"))
        expectShellUsable(screen)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        let explorer = try #require(childProcesses(of: try session.panePID()).first)
        #expect(kill(explorer, SIGTERM) == 0)
        let screen = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(screen.contains("EXIT=143"), "killed by SIGTERM after restoring")
        expectShellUsable(screen)
    }

    @Test func dumbTerminalExitsTwoWithTheHeadlessHint() throws {
        // tmux sets TERM for its panes itself, so the command overrides it.
        let session = try TmuxSession(command: "sh -c 'TERM=dumb \(builtExplorerPath()) 2>&1; echo EXIT=$?; sleep 600'", width: 200, height: 12)
        defer { session.kill() }
        let screen = try session.waitFor("EXIT=", timeout: Self.patience)
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("render") && screen.contains("sample"))
    }

    @Test func recordsAnAsciicastThatReplaysTheScreen() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let cast = base.appendingPathExtension("cast"), replay = base.appendingPathExtension("txt")
        defer {
            try? FileManager.default.removeItem(at: cast)
            try? FileManager.default.removeItem(at: replay)
        }
        let session = try startExplorer("--record \(cast.path)", width: 90, height: 30)
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("e")
        try session.waitFor("eta=0.1", timeout: Self.patience)
        try session.sendKeys("q")
        try session.waitFor("EXIT=0", timeout: Self.patience)

        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 90)
        #expect(header["height"] as? Int == 30)
        var output = ""
        var lastTime = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let time = try #require(event.first as? Double)
            #expect(time >= lastTime, "event times must not go backwards")
            lastTime = time
            if event[1] as? String == "o", let text = event[2] as? String { output += text }
        }
        // Replaying the recorded output on a terminal of the same size shows the last screen
        // (only changed cells were recorded, so this checks the diffs add up).
        try output.write(to: replay, atomically: true, encoding: .utf8)
        let player = try TmuxSession(command: "sh -c 'cat \(replay.path); sleep 600'", width: 90, height: 30)
        defer { player.kill() }
        let replayed = try player.waitFor("eta=0.1 steps=50")
        #expect(replayed.contains("two-moons n=300"))
        #expect(Self.containsBraille(replayed))
    }

    /// Paused, the explorer sleeps in input: its CPU time over 5 s stays under 1% (the issue
    /// asks for under 1% over 10 s; 5 s keeps the suite short and has the same resolution need).
    @Test func idleWhilePausedCostsNoCPU() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        let explorer = try #require(childProcesses(of: try session.panePID()).first)
        Thread.sleep(forTimeInterval: 0.5)
        let before = try #require(cpuTicks(of: explorer))
        Thread.sleep(forTimeInterval: 5)
        let after = try #require(cpuTicks(of: explorer))
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let share = Double(after - before) / ticksPerSecond / 5
        #expect(share < 0.01, "idle CPU was \(share * 100)%")
    }

    /// A key is on screen quickly: `?` opens and `Esc` closes the help, which costs no
    /// sampling, so this times the input-to-screen path (get_wch, update, diff, flush, plus tmux
    /// and polling). The bound is loose for a debug build on a busy machine; the README records
    /// numbers measured on a release build.
    @Test func aKeyPressIsReflectedQuickly() throws {
        let session = try startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        var times: [Duration] = []
        for _ in 0..<3 {
            var start = ContinuousClock.now
            try session.sendKeys("?")
            try session.waitFor("? or Esc closes", timeout: .seconds(5))
            times.append(ContinuousClock.now - start)
            start = ContinuousClock.now
            try session.sendKeys("Escape")
            try session.waitUntil("the help to close", timeout: .seconds(5)) { !$0.contains("? or Esc closes") }
            times.append(ContinuousClock.now - start)
        }
        let worst = times.max() ?? .zero
        #expect(worst < .seconds(2), "key to screen took \(times)")
    }
}

/// Without a terminal the explorer refuses politely (no tmux needed).
@Suite struct ExplorerWithoutTerminalTests {
    @Test func noTTYExitsTwoPointingToRenderAndSample() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtExplorerPath())
        process.arguments = []
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errorText.contains("render") && errorText.contains("sample"), "stderr was: \(errorText)")
        #expect(errorText.contains("not a TTY"))
    }
}
