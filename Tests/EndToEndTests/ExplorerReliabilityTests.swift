import Foundation
import Testing

/// Issue #14's explorer cases, on the real binary in tmux panes set up as a user's shell would
/// be (no backtracer settings, core dump limits as they are): signals, escape sequences under
/// several TERMs, a flood of keys, recordings and saves that fail.
@Suite(.serialized, .enabled(if: TmuxSession.shouldRun, "tmux is not installed: skipping the terminal tests (they fail instead under CI=true)"))
struct ExplorerReliabilityTests {
    let explorer = ExplorerTerminalTests()
    static let statusAtStart = ExplorerTerminalTests.statusAtStart
    static let patience = ExplorerTerminalTests.patience

    /// After the explorer ended: the normal screen, a visible cursor, no mouse reporting, normal
    /// cursor keys, and cooked terminal modes.
    func expectRestored(_ session: TmuxSession, screen: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let modes = try session.modes()
        #expect(modes["alternate_on"] == "0", "left the alternate screen", sourceLocation: sourceLocation)
        #expect(modes["cursor_flag"] == "1", "cursor shown", sourceLocation: sourceLocation)
        #expect(modes["mouse_any_flag"] == "0" && modes["mouse_sgr_flag"] == "0", "mouse reporting off: \(modes)", sourceLocation: sourceLocation)
        #expect(modes["keypad_cursor_flag"] == "0", "normal cursor keys", sourceLocation: sourceLocation)
        #expect(!screen.contains(Self.statusAtStart), "the explorer's screen is gone", sourceLocation: sourceLocation)
        explorer.expectShellUsable(screen, sourceLocation: sourceLocation)
    }

    /// The signals whose default action dumps core: reported with a backtrace.
    static let coreSignals: [(Int32, String)] = [
        (SIGSEGV, "SIGSEGV"), (SIGABRT, "SIGABRT"), (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"), (SIGILL, "SIGILL"),
        (SIGTRAP, "SIGTRAP"), (SIGQUIT, "SIGQUIT"), (SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"), (SIGSYS, "SIGSYS"),
    ]

    /// The other signals whose default action ends the process: silent, like SIGTERM.
    static let endingSignals: [(Int32, String)] = [
        (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"), (SIGPROF, "SIGPROF"),
        (SIGIO, "SIGIO"), (SIGPWR, "SIGPWR"), (SIGSTKFLT, "SIGSTKFLT"), (SIGPIPE, "SIGPIPE"),
        (__libc_current_sigrtmin(), "SIGRTMIN"), (__libc_current_sigrtmax(), "SIGRTMAX"),
    ]

    /// Every signal ends the explorer at once with the signal's status (128 + n, as the shell
    /// reports it), never waiting at Swift's backtracer prompt, and leaves a usable terminal.
    @Test(arguments: coreSignals + endingSignals)
    func aSignalEndsTheExplorerAtOnceAndRestoresTheTerminal(signal: Int32, name: String) throws {
        // Wide and tall, so that the report, the status and stty's output fit on the screen unwrapped.
        let session = try explorer.startExplorer(width: 200, height: 60)
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        #expect(try session.modes()["alternate_on"] == "1")
        let pid = try #require(childProcesses(of: try session.panePID()).first)
        let start = ContinuousClock.now
        #expect(kill(pid, signal) == 0)
        let screen = try session.waitFor("SHELL-DONE", timeout: .seconds(30))
        let elapsed = ContinuousClock.now - start
        // Swift's backtracer would wait 30 s at its prompt; the guard ends the process at once
        // (the bound is loose for a debug build on a busy machine, polling included).
        #expect(elapsed < .seconds(5), "\(name) took \(elapsed) to end the explorer")
        #expect(screen.contains("EXIT=\(128 + signal)"), "\(name):\n\(screen)")
        let reported = screen.contains("ended by \(name)") && screen.contains("the terminal was restored")
        #expect(reported == Self.coreSignals.contains { $0.0 == signal }, "only core-dumping signals report themselves:\n\(screen)")
        try expectRestored(session, screen: screen)
    }

    /// Escape sequences the explorer does not use are consumed whole, whatever TERM says: inside
    /// tmux, TERM=xterm-256color made `ESC[4~` (End) switch to mode 4, an X10 click at column 81
    /// (the byte 'q') quit, `ESC[12q` quit, and SGR clicks leaked keys that changed the point count.
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func unknownSequencesAndClicksNeverActAsKeys(term: String) throws {
        let session = try explorer.startExplorer("--steps 5", prefix: "TERM=\(term)")
        defer { session.kill() }
        try session.waitFor("eta=0.0 steps=5")
        let escape: UInt8 = 0x1B
        let csi = [escape, UInt8(ascii: "[")]
        try session.sendBytes(csi + Array("12q".utf8))
        try session.sendBytes(csi + [UInt8(ascii: "M"), 32, 32 + 81, 32 + 5])          // X10 press at column 81
        try session.sendBytes(csi + [UInt8(ascii: "M"), 35, 32 + 120, 32 + 5])         // X10 release at column 120
        try session.sendBytes(csi + Array("<0;81;5M".utf8) + csi + Array("<0;81;5m".utf8))   // SGR press and release
        try session.sendBytes(csi + Array("2~".utf8))                                   // Insert: was mode 2
        try session.sendBytes(csi + Array("200~q4<\u{1B}[A".utf8) + csi + Array("201~".utf8))   // a bracketed paste
        try session.sendBytes([escape, UInt8(ascii: "]")] + Array("11;?".utf8) + [0x07])   // OSC
        try session.sendBytes(csi + Array("4~".utf8))                                   // End: the last step, not mode 4
        let screen = try session.waitFor("step 5/5", timeout: Self.patience)
        #expect(screen.contains("single") && !screen.contains("compare") && !screen.contains("interpolate"), "\(screen)")
        #expect(screen.contains("n=300"), "the point count did not change:\n\(screen)")
        #expect(!screen.contains("EXIT="))
        try session.sendKeys("e")
        try session.waitFor("eta=0.1 steps=5", timeout: Self.patience)
        try session.sendKeys("q")
        let ended = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(ended.contains("EXIT=0"))
    }

    /// A lone Esc still works as Esc: it closes the help.
    @Test func aLoneEscapeClosesTheHelp() throws {
        let session = try explorer.startExplorer(prefix: "TERM=xterm-256color")
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("?")
        try session.waitFor("? or Esc closes")
        try session.sendBytes([0x1B])
        try session.waitUntil("the help to close") { !$0.contains("? or Esc closes") && $0.contains(Self.statusAtStart) }
    }

    /// 3000 mashed keys, then `q`: the explorer quits promptly (it used to work through the
    /// queued runs for 400 s). The keys are setting, stepping, view, help and compare-mode keys;
    /// left out are those whose one bounded piece of work still takes seconds in a debug build
    /// (more points, running to the end, the invert, interpolate and lesson modes).
    @Test func qRightAfterABurstOfMashedKeysQuitsPromptly() throws {
        let session = try explorer.startExplorer()
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        var generator = SystemRandomNumberGenerator()
        let keys = Array("eEsSbtcdp[]nN<vVlhg 12\t?+-xX")
        let mash = String((0..<3000).map { _ in keys.randomElement(using: &generator)! })
        try session.type(mash)
        let start = ContinuousClock.now
        try session.sendKeys("q")
        let screen = try session.waitFor("SHELL-DONE", timeout: .seconds(120))
        let elapsed = ContinuousClock.now - start
        #expect(screen.contains("EXIT=0"))
        // At most 8 keys that move or restart the runs per batch of input: about a second each
        // in a debug build on a busy machine, and a few batches.
        #expect(elapsed < .seconds(60), "q took \(elapsed) after 3000 keys")
        try expectRestored(session, screen: screen)
    }

    /// A temporary directory for one test, removed by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `--record /dev/full`: the first write fails; the explorer says so and exits 2 at once.
    @Test func recordingOntoAFullDeviceFailsWithAMessage() throws {
        let session = try explorer.startExplorer("--record /dev/full 2>&1", width: 160)
        defer { session.kill() }
        let screen = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("could not record to '/dev/full': No space left on device"), "\(screen)")
        try expectRestored(session, screen: screen)
    }

    /// A recording that fails midway (a file size limit stands in for a full disk): the explorer
    /// stops, restores the terminal, names the file and the reason, and exits 1.
    @Test func aRecordingThatFailsMidwayStopsTheExplorerWithStatusOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cast = directory.appendingPathComponent("session.cast")
        // SIGXFSZ ignored (as it is inherited), so the write fails with EFBIG instead of killing.
        let session = try explorer.startExplorer("--record \(cast.path)", prefix: "trap \"\" XFSZ; ulimit -f 8;", width: 160)
        defer { session.kill() }
        try session.waitUntil("the explorer to start or stop", timeout: Self.patience) {
            $0.contains(Self.statusAtStart) || $0.contains("SHELL-DONE")
        }
        // Key presses redraw until the 4 KB limit is reached.
        var screen = ""
        for _ in 0..<60 {
            if let ended = try? session.waitFor("SHELL-DONE", timeout: .seconds(1)) {
                screen = ended
                break
            }
            try session.sendKeys("v")
        }
        #expect(screen.contains("EXIT=1"), "\(screen)")
        #expect(screen.contains("recording to '\(cast.path)' failed: File too large after"), "\(screen)")
        try expectRestored(session, screen: screen)
    }

    /// `--record existing.cast` with a TERM curses cannot use: exit 2, and the file is untouched
    /// (it is opened only once the terminal has started).
    @Test func anUnusableTermLeavesAnExistingRecordingAlone() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cast = directory.appendingPathComponent("existing.cast")
        try Data("an earlier session\n".utf8).write(to: cast)
        let session = try explorer.startExplorer("--record \(cast.path)", prefix: "TERM=no-such-terminal-type", width: 200)
        defer { session.kill() }
        let screen = try session.waitFor("SHELL-DONE", timeout: Self.patience)
        #expect(screen.contains("EXIT=2"))
        #expect(try String(contentsOf: cast, encoding: .utf8) == "an earlier session\n")
    }

    /// `--record link.cast` where link.cast is a symlink: the recording goes to its target and the link stays.
    @Test func recordingOntoASymlinkWritesItsTarget() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.cast"), link = directory.appendingPathComponent("link.cast")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let session = try explorer.startExplorer("--record \(link.path)")
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("q")
        #expect(try session.waitFor("SHELL-DONE", timeout: Self.patience).contains("EXIT=0"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\"version\": 2"))
    }

    /// `w` when the disk is full (a file size limit stands in): the existing file keeps its bytes
    /// and the status line names the path and the reason in words.
    @Test func aFailedSaveKeepsTheOldFileAndSaysWhy() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("scheduler_config.json")
        let old = "{\"_class_name\": \"DDIMScheduler\"}\n" + String(repeating: " ", count: 100) + "\n"
        try Data(old.utf8).write(to: config)
        // No byte may be written to a file: the write fails as on a full disk.
        let session = try explorer.startExplorer("--save-config \(config.path)", prefix: "trap \"\" XFSZ; ulimit -f 0;", width: 200)
        defer { session.kill() }
        try session.waitFor(Self.statusAtStart)
        try session.sendKeys("w")
        let screen = try session.waitFor("could not save", timeout: Self.patience)
        #expect(screen.contains("could not save \(config.path): file too large"), "\(screen)")
        #expect(try String(contentsOf: config, encoding: .utf8) == old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["scheduler_config.json"], "no temporary file left behind: \(leftovers)")
        try session.sendKeys("q")
        #expect(try session.waitFor("SHELL-DONE", timeout: Self.patience).contains("EXIT=0"))
    }
}
