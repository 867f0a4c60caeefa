import DDIM
import Foundation

/// Records what the terminal showed as an asciicast v2 file that `asciinema play` replays:
/// a JSON header line, then one `[seconds, "o", text]` line per drawn frame (and `"r"` on resize).
///
/// ```swift
/// let recorder = try AsciicastRecorder(url: URL(fileURLWithPath: "session.cast"))
/// recorder.start(width: 80, height: 24, timestamp: 1_700_000_000, environment: ["TERM": "xterm-256color"])
/// recorder.output("\u{1B}[1;1Hhello", at: 0.25)
/// recorder.close()
/// ```
final class AsciicastRecorder {
    private var handle: FileHandle?

    /// Creates (or truncates) the file.
    init(url: URL) throws(TerminalUnavailable) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw TerminalUnavailable(.recordingFailed(path: url.path, reason: "cannot create the file (does the directory exist and is it writable?)"))
        }
        do { handle = try FileHandle(forWritingTo: url) } catch {
            throw TerminalUnavailable(.recordingFailed(path: url.path, reason: error.localizedDescription))
        }
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

    /// Flushes and closes the file; later calls do nothing.
    func close() {
        try? handle?.close()
        handle = nil
    }

    private func write(_ line: String) {
        guard let handle else { return }
        do { try handle.write(contentsOf: Data((line + "\n").utf8)) } catch { close() }
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
