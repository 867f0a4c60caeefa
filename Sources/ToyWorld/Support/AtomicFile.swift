import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Replaces a file's contents all at once: the bytes go to a temporary file beside the target, are
/// flushed to disk, and the temporary file is renamed over the target. A crash or an error at any
/// point leaves either the old file or the new one, never a half-written one. A symlink is followed:
/// its target is replaced and the link stays. An existing target keeps its permissions.
///
/// ```swift
/// try AtomicFile.write(Data("x,y\n".utf8), to: URL(fileURLWithPath: "points.csv"))
/// ```
public enum AtomicFile {
    /// Writes `data` to `url` atomically (see the type's description).
    public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
        let target = url.resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(path: target.path, step: "create a temporary file in \(directory.path)", code: errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do throws(AtomicFileError) {
            try writeAll(data, to: descriptor, path: target.path)
            var status = stat()
            if stat(target.path, &status) == 0 { fchmod(descriptor, status.st_mode & 0o7777) }
            guard fsync(descriptor) == 0 else { throw AtomicFileError(path: target.path, step: "flush", code: errno) }
            closed = true
            guard close(descriptor) == 0 else { throw AtomicFileError(path: target.path, step: "close", code: errno) }
            guard rename(temporary.path, target.path) == 0 else { throw AtomicFileError(path: target.path, step: "rename", code: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(AtomicFileError) {
        let failure: Int32? = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw AtomicFileError(path: path, step: "write", code: failure) }
    }
}

/// Why an ``AtomicFile`` write failed: the file, the step and the system's reason.
///
/// ```swift
/// // cannot write /root/x.csv (create a temporary file in /root): Permission denied
/// ```
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was to be written.
    public var path: String
    /// The step that failed.
    public var step: String
    /// The `errno` value.
    public var code: Int32

    public var description: String {
        "cannot write \(path) (\(step)): \(String(cString: strerror(code)))"
    }
}
