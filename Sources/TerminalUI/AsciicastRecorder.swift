import Points
import Foundation

/// Records what the terminal showed as an asciicast v2 file that `asciinema play` replays:
/// a JSON header line, then one `[seconds, "o", text]` line per drawn frame (and `"r"` on resize).
///
/// The path is opened as `open(2)` opens it: a symlink is followed and its target written, a
/// device or FIFO is written in place (a FIFO needs a reader already), a regular file is created
/// or truncated. When a write fails (a full disk, a reader gone), recording stops and
/// ``failure`` says why; the caller reports it.
///
/// ```swift
/// let recorder = try AsciicastRecorder(url: URL(fileURLWithPath: "session.cast"))
/// recorder.start(width: 80, height: 24, timestamp: 1_700_000_000, environment: ["TERM": "xterm-256color"])
/// recorder.output("\u{1B}[1;1Hhello", at: 0.25)
/// recorder.close()
/// if let failure = recorder.failure { print(failure) }
/// ```
final class AsciicastRecorder {
    private var descriptor: Int32
    private var bytesWritten = 0
    /// Why the recording stopped early, in words ("No space left on device after 4096 bytes").
    private(set) var failure: String?

    /// Opens the file for writing (creating or truncating a regular file).
    init(url: URL) throws(TerminalUnavailable) {
        let path = url.path
        var info = stat()
        let isFIFO = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
        // A FIFO opened for writing blocks until a reader comes: refuse instead of hanging.
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (isFIFO ? O_NONBLOCK : 0)
        descriptor = Glibc.open(path, flags, 0o666)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO && isFIFO ? "no process is reading the FIFO" : String(cString: strerror(errno))
            throw TerminalUnavailable(.recordingFailed(path: path, reason: reason))
        }
        if isFIFO { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
    }

    func start(width: Int, height: Int, timestamp: Int, environment: [String: String]) {
        write(AsciicastFormat.header(width: width, height: height, timestamp: timestamp, environment: environment))
    }

    func output(_ text: String, at seconds: Double) {
        guard !text.isEmpty else { return }
        write(AsciicastFormat.event(seconds: seconds, kind: "o", data: text))
    }

    func resize(width: Int, height: Int, at seconds: Double) {
        write(AsciicastFormat.event(seconds: seconds, kind: "r", data: "\(width)x\(height)"))
    }

    /// Closes the file; later calls, and writes after it, do nothing.
    func close() {
        guard descriptor >= 0 else { return }
        if Glibc.close(descriptor) != 0 && failure == nil { fail() }
        descriptor = -1
    }

    private func write(_ line: String) {
        guard descriptor >= 0 else { return }
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                fail()
                Glibc.close(descriptor)
                descriptor = -1
                return
            }
            bytes = bytes.dropFirst(written)
            bytesWritten += written
        }
    }

    private func fail() {
        failure = "\(String(cString: strerror(errno))) after \(bytesWritten) bytes"
    }

    deinit { close() }
}

/// The text of asciicast v2 lines. Pure.
enum AsciicastFormat {
    /// The header: version, size, start time and the terminal environment (`TERM`, `SHELL`).
    static func header(width: Int, height: Int, timestamp: Int, environment: [String: String]) -> String {
        let env = ["SHELL", "TERM"].compactMap { key in environment[key].map { "\(jsonString(key)): \(jsonString($0))" } }
        return "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
            + "\"title\": \"ddim-explorer\", \"env\": {\(env.joined(separator: ", "))}}"
    }

    /// One event line: `[seconds, kind, data]`, seconds with microsecond precision.
    static func event(seconds: Double, kind: String, data: String) -> String {
        let micros = max(0, Int((seconds * 1_000_000).rounded()))
        let time = "\(micros / 1_000_000).\(String(repeating: "0", count: 6 - String(micros % 1_000_000).count))\(micros % 1_000_000)"
        return "[\(time), \(jsonString(kind)), \(jsonString(data))]"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }
}
