import Canvas
import Foundation
import Testing
@testable import TerminalUI

@Suite struct AnsiDiffEncoderTests {
    let encoder = AnsiDiffEncoder(mapper: ColorMapper(depth: .palette256, directColor: false), unicode: true)

    @Test func changedCellsBecomeCursorMovesColoursAndText() {
        let old = Frame(width: 8, height: 2)
        var new = old
        new.put("hi", x: 3, y: 1, foreground: .palette(2), attributes: [.bold])
        let text = encoder.encode(new, runs: FrameDiff.changedRuns(from: old, to: new), clearFirst: false)
        #expect(text == "\u{1B}[2;4H\u{1B}[1;32mhi\u{1B}[0m")
    }

    @Test func styleIsOnlyRepeatedWhenItChanges() {
        var frame = Frame(width: 4, height: 1)
        frame.put("ab", x: 0, y: 0, foreground: .rgb(255, 0, 0), background: .palette(12))
        frame.put("c", x: 2, y: 0)
        let text = encoder.encode(frame, runs: [CellRun(y: 0, x: 0, count: 3)], clearFirst: false)
        #expect(text == "\u{1B}[1;1H\u{1B}[38;5;196;104mab\u{1B}[0mc")
    }

    @Test func fullFramesClearFirstAndSkipWideHalves() {
        var frame = Frame(width: 3, height: 1)
        frame.put("漢", x: 0, y: 0)
        let text = encoder.encode(frame, runs: FrameDiff.changedRuns(from: nil, to: frame), clearFirst: true)
        #expect(text == "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[1;1H漢 ")
    }

    @Test func trueColourIsWrittenAsRGB() {
        let direct = AnsiDiffEncoder(mapper: ColorMapper(depth: .trueColor, directColor: true), unicode: true)
        var frame = Frame(width: 1, height: 1)
        frame.put("x", x: 0, y: 0, foreground: .rgb(1, 2, 3))
        #expect(direct.encode(frame, runs: [CellRun(y: 0, x: 0, count: 1)], clearFirst: false) == "\u{1B}[1;1H\u{1B}[38;2;1;2;3mx\u{1B}[0m")
    }
}

@Suite struct AsciicastTests {
    @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
        #expect(AsciicastFormat.jsonString("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(AsciicastFormat.jsonString("\u{1B}[0m\n") == "\"\\u001b[0m\\n\"")
        #expect(AsciicastFormat.jsonString("⣿η") == "\"⣿η\"")
    }

    @Test func eventsHaveMicrosecondTimes() {
        #expect(AsciicastFormat.event(seconds: 1.5, kind: "o", data: "x") == "[1.500000, \"o\", \"x\"]")
        #expect(AsciicastFormat.event(seconds: 0.000042, kind: "r", data: "80x24") == "[0.000042, \"r\", \"80x24\"]")
    }

    @Test func aRecordingIsValidAsciicastV2() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terminalui-\(UInt64.random(in: 0...UInt64.max)).cast")
        defer { try? FileManager.default.removeItem(at: url) }
        let recorder = try AsciicastRecorder(url: url)
        recorder.start(width: 80, height: 24, timestamp: 1_700_000_000, environment: ["TERM": "xterm-256color", "HOME": "/root"])
        recorder.output("\u{1B}[1;1Hhello \"world\"", at: 0.25)
        recorder.resize(width: 100, height: 30, at: 1)
        recorder.close()
        recorder.output("ignored after close", at: 2)

        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        #expect(header["height"] as? Int == 24)
        #expect(header["timestamp"] as? Int == 1_700_000_000)
        #expect((header["env"] as? [String: String]) == ["TERM": "xterm-256color"])
        let event = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [Any])
        #expect(event.count == 3)
        #expect(event[1] as? String == "o")
        #expect(event[2] as? String == "\u{1B}[1;1Hhello \"world\"")
        #expect(lines[2] == "[1.000000, \"r\", \"100x30\"]")
    }

    @Test func anUnwritableRecordingPathIsATypedErrorWithTheReason() {
        #expect(throws: TerminalUnavailable(.recordingFailed(path: "/nonexistent-dir/x/session.cast", reason: "No such file or directory"))) {
            _ = try AsciicastRecorder(url: URL(fileURLWithPath: "/nonexistent-dir/x/session.cast"))
        }
    }

    @Test func aSymlinkIsFollowedAndStaysASymlink() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.cast"), link = directory.appendingPathComponent("link.cast")
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let recorder = try AsciicastRecorder(url: link)
        recorder.start(width: 80, height: 24, timestamp: 0, environment: [:])
        recorder.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\"version\": 2"))
        #expect(recorder.failure == nil)
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        let recorder = try AsciicastRecorder(url: URL(fileURLWithPath: "/dev/null"))
        recorder.start(width: 80, height: 24, timestamp: 0, environment: [:])
        recorder.close()
        #expect(recorder.failure == nil)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    }

    @Test func aFullDiskStopsTheRecordingWithTheReason() throws {
        let recorder = try AsciicastRecorder(url: URL(fileURLWithPath: "/dev/full"))
        recorder.start(width: 80, height: 24, timestamp: 0, environment: [:])
        recorder.output("more", at: 1)
        #expect(recorder.failure == "No space left on device after 0 bytes")
        recorder.close()
    }

    @Test func aFIFOWithoutAReaderIsRefusedInsteadOfHanging() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("session.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: TerminalUnavailable(.recordingFailed(path: fifo.path, reason: "no process is reading the FIFO"))) {
            _ = try AsciicastRecorder(url: fifo)
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terminalui-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct TerminalUnavailableTests {
    @Test func missingTTYOrUsableTermIsRefusedWithAHeadlessHint() {
        #expect(throws: TerminalUnavailable(.notATerminal(stream: "standard input"))) {
            try TerminalUnavailable.check(stdinIsTTY: false, stdoutIsTTY: true, term: "xterm")
        }
        #expect(throws: TerminalUnavailable(.notATerminal(stream: "standard output"))) {
            try TerminalUnavailable.check(stdinIsTTY: true, stdoutIsTTY: false, term: "xterm")
        }
        #expect(throws: TerminalUnavailable(.terminalTypeUnset)) {
            try TerminalUnavailable.check(stdinIsTTY: true, stdoutIsTTY: true, term: "")
        }
        #expect(throws: TerminalUnavailable(.terminalTooLimited(term: "dumb"))) {
            try TerminalUnavailable.check(stdinIsTTY: true, stdoutIsTTY: true, term: "dumb")
        }
        let message = TerminalUnavailable(.notATerminal(stream: "standard input")).description
        #expect(message.contains("render") && message.contains("sample") && message.contains("standard input"))
    }

    @Test func aUsableTerminalPasses() throws {
        try TerminalUnavailable.check(stdinIsTTY: true, stdoutIsTTY: true, term: "xterm-256color")
    }

    @Test func openingWithoutATTYThrowsInsteadOfStartingCurses() {
        // `swift test` runs with standard output piped, so this must refuse cleanly.
        guard isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 else { return }
        #expect(throws: TerminalUnavailable.self) { _ = try CursesTerminal.open(recordingTo: nil) }
    }
}
