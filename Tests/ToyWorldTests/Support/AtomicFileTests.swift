import Foundation
import Testing
@testable import ToyWorld

/// A fresh directory under the temporary directory, removed by `remove()`.
private struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "atomic-file-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try? FileManager.default.removeItem(atPath: path)
    }

    func contents(_ name: String) -> String? {
        try? String(contentsOfFile: path + name, encoding: .utf8)
    }

    /// The names in the directory (to check that no temporary file is left behind).
    var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

/// The text a reader thread received, handed to the test thread.
private final class Received: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: String?

    func set(_ text: String) {
        condition.lock()
        value = text
        condition.signal()
        condition.unlock()
    }

    func waitForValue() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { if !condition.wait(until: Date().addingTimeInterval(10)) { break } }
        return value
    }
}

@Suite struct AtomicFileTests {
    @Test func writesANewFileAndReplacesAnExistingOne() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try AtomicFile.write("first\n", to: scratch.path + "out.txt")
        #expect(scratch.contents("out.txt") == "first\n")
        try AtomicFile.write("second\n", to: scratch.path + "out.txt")
        #expect(scratch.contents("out.txt") == "second\n")
        #expect(scratch.names == ["out.txt"])
    }

    @Test func keepsTheModeOfTheFileItReplaces() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.path + "script.sh"
        try AtomicFile.write("old", to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: file)
        try AtomicFile.write("new", to: file)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    @Test func followsASymbolicLinkAndKeepsIt() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try AtomicFile.write("target", to: scratch.path + "real.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "link.txt", withDestinationPath: "real.txt")
        try AtomicFile.write("through the link", to: scratch.path + "link.txt")
        #expect(scratch.contents("real.txt") == "through the link")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "link.txt")
        #expect(destination == "real.txt")
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "link.txt", withDestinationPath: "new.txt")
        try AtomicFile.write("made", to: scratch.path + "link.txt")
        #expect(scratch.contents("new.txt") == "made")
        #expect(scratch.names == ["link.txt", "new.txt"])
    }

    @Test func writesDevicesDirectlyWithoutReplacingThem() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func writesAFIFODirectly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.path + "pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(fd, &buffer, buffer.count)
            close(fd)
            received.set(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self))
        }
        reader.start()
        try AtomicFile.write("through the pipe", to: fifo)
        #expect(received.waitForValue() == "through the pipe")
        var info = stat()
        #expect(stat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aFailedWriteLeavesTheExistingFileWhole() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.path + "keep.txt"
        try AtomicFile.write("precious", to: file)
        let writer = try AtomicFileWriter(path: file)
        try writer.append(Array("half a".utf8))
        writer.discard()
        #expect(scratch.contents("keep.txt") == "precious")
        #expect(scratch.names == ["keep.txt"])
    }

    @Test func aFullDiskIsNamedAndTheTargetIsKept() throws {
        // /dev/full is a device, so it is written directly and reports ENOSPC.
        #expect(throws: FileWriteError(path: "/dev/full", reason: .noSpaceLeft)) {
            try AtomicFile.write("x", to: "/dev/full")
        }
    }

    @Test(arguments: [
        ("missing-dir/out.txt", FileWriteError.Reason.directoryMissing),
        (String(repeating: "n", count: 300), .nameTooLong),
        ("", .isDirectory),
        ("keep.txt/child", .notADirectory),
    ])
    func failuresNameThePathAndTheReason(name: String, reason: FileWriteError.Reason) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try AtomicFile.write("x", to: scratch.path + "keep.txt")
        let path = scratch.path + name
        #expect(throws: FileWriteError(path: path, reason: reason)) { try AtomicFile.write("y", to: path) }
        #expect(scratch.names == ["keep.txt"])
    }

    @Test func aReadOnlyDirectoryIsPermissionDenied() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: scratch.path)
        let path = scratch.path + "out.txt"
        #expect(throws: FileWriteError(path: path, reason: .permissionDenied)) { try AtomicFile.write("y", to: path) }
    }

    @Test func messagesAreWords() {
        let error = FileWriteError(path: "/x/y.svg", reason: .noSpaceLeft)
        #expect(error.description == "cannot write '/x/y.svg': no space left on the device")
        #expect(FileWriteError.Reason(errno: EACCES).words == "permission denied")
        #expect(FileWriteError.Reason(errno: EISDIR).words == "it is a directory")
    }
}
