import Foundation
import Testing

/// Drives a command inside a private, detached tmux server, like a user at a terminal:
/// type keys, read the screen, resize the window. Each session has its own socket, so tests
/// never touch the user's tmux, and the server is killed when the session ends (also on deinit).
///
/// ```swift
/// let session = try TmuxSession(command: "sh", width: 80, height: 24)
/// defer { session.kill() }
/// try session.sendKeys("echo hi", "Enter")
/// _ = try session.waitFor("hi")
/// ```
final class TmuxSession {
    /// Why a tmux step failed, with what the screen showed at the time when known.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The tmux executable, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Running under CI (`CI=true` or `CI=1`), where a missing tmux is a failure, not a skip.
    static let isCI: Bool = ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    /// Whether tests that need tmux should run: always under CI (so a missing tmux fails them),
    /// elsewhere only when tmux is installed.
    static let shouldRun = isCI || executable != nil

    let socket: String
    private let tmux: String
    private var socketPath: String?
    private var isAlive = true

    /// Starts `command` (run by `sh -c`) in a new detached `width` x `height` window.
    /// `environment` is set for the command; `LANG`/`LC_ALL` default to `C.UTF-8`.
    init(command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
        guard let tmux = Self.executable else {
            throw Failure(description: "tmux is not installed (CI=\(Self.isCI)); install it (apt-get install tmux) to run the end-to-end terminal tests")
        }
        self.tmux = tmux
        socket = "ddim-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        try run(arguments)
        // Keep the window at the requested size whatever clients attach (none do).
        try run(["set-option", "-g", "window-size", "manual"])
        socketPath = try run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// Sends tmux key names (`"Enter"`, `"Escape"`, `"C-c"`, `"Right"`, `"F1"`) or text.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", "0"] + keys)
    }

    /// Sends `text` literally, character by character (no key-name lookup).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "0", "-l", text])
    }

    /// Sends raw bytes, whatever they are (escape sequences, bytes that are not UTF-8).
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", "0", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// The pane's terminal modes as tmux tracks them: `alternate_on`, `cursor_flag`,
    /// `keypad_cursor_flag`, `mouse_any_flag`, `mouse_sgr_flag` ("1" on, "0" off).
    func modes() throws -> [String: String] {
        let names = ["alternate_on", "cursor_flag", "keypad_cursor_flag", "mouse_any_flag", "mouse_sgr_flag"]
        let text = try run(["display-message", "-p", "-t", "0", names.map { "#{\($0)}" }.joined(separator: " ")])
        let values = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        return Dictionary(uniqueKeysWithValues: zip(names, values))
    }

    /// The visible screen as text, one line per row; with `escapes`, including colour sequences.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the pane's command (the `sh -c` running it).
    func panePID() throws -> Int32 {
        let text = try run(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text) else { throw Failure(description: "tmux reported pane pid '\(text)'") }
        return pid
    }

    /// How often ``waitUntil(_:timeout:escapes:_:)`` looks at the screen: each look runs tmux,
    /// which competes for the CPU with the program under test.
    static let pollInterval = 0.05

    /// Polls the screen every ``pollInterval`` until `predicate` holds, returning that screen (with colour
    /// sequences when `escapes`); throws with the last screen after `timeout`.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(15), escapes: Bool = false, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try capture(escapes: escapes)
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        throw Failure(description: "timed out after \(timeout) waiting for \(what); the screen showed:\n\(screen)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(15)) throws -> String {
        try waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Kills the tmux server and everything in it. Safe to call more than once.
    func kill() {
        guard isAlive else { return }
        isAlive = false
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    /// Runs one tmux command and returns its standard output.
    ///
    /// Not through Foundation's `Process`: the tmux server that `new-session` forks inherits the
    /// client's descriptors, including the one `Process` watches to notice the exit, so
    /// `waitUntilExit` would never return. So: `posix_spawn` with output to temporary files,
    /// every other descriptor closed in the child, default signal handling, and a plain `waitpid`.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UInt32.random(in: 0...UInt32.max))")
        let outputPath = base.path + ".out", errorPath = base.path + ".err"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for descriptor in Self.openDescriptors() where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // The test runner blocks and ignores signals; the tmux server must start with defaults,
        // or it never notices its panes exit (SIGCHLD) and survives kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = Self.serverEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "could not start \(tmux): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitedNormally = status & 0x7F == 0
        let exitCode = (status >> 8) & 0xFF
        guard exitedNormally && exitCode == 0 else {
            let message = ((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (wait status \(status)): \(message)")
        }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// The environment the tmux server (and so every pane) starts from: the test runner's, minus
    /// what describes the runner's own output rather than a terminal (`swift test` may set
    /// `NO_COLOR` when its output is piped), any enclosing tmux, and any backtracer setting (panes
    /// get what a user's shell has). Tests add their own with `-e`.
    private static let serverEnvironment: [String: String] = {
        let dropped: Set<String> = ["NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "TMUX", "TMUX_PANE", "TERM_PROGRAM",
                                     "SWIFT_BACKTRACE"]
        return ProcessInfo.processInfo.environment.filter { !dropped.contains($0.key) }
    }()

    /// The descriptors open in this process (from `/proc/self/fd`).
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}

/// Where the built `ddim-explorer` binary is: beside the test bundle (or one level up).
func builtExplorerPath() -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = directory.appendingPathComponent("ddim-explorer").path
    if FileManager.default.fileExists(atPath: beside) { return beside }
    return directory.deletingLastPathComponent().appendingPathComponent("ddim-explorer").path
}

/// Reads a process's CPU time (user + system) in clock ticks from `/proc/<pid>/stat`.
func cpuTicks(of pid: Int32) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
    return user + system
}

/// The children of a process (from `/proc/<pid>/task/<pid>/children`).
func childProcesses(of pid: Int32) -> [Int32] {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return [] }
    return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
}
