import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files so that a failure never empties or truncates an existing one.
///
/// The bytes go to a temporary file beside the target, which is flushed to disk and only then renamed
/// over it, so readers see the old file or the new one, never a part. A symbolic link is followed to its
/// target: the target is replaced and the link kept. A device, FIFO or socket (`/dev/stdout`,
/// `/dev/null`, a named pipe) and the `/proc` links behind `/dev/stdout` are written directly.
/// An existing regular file keeps its permission bits.
///
/// ```swift
/// try AtomicFile.write("x,y\n0.5,1.5\n", to: "points.csv")
/// try AtomicFile.write(svgBytes, to: "/dev/stdout")        // written directly
/// ```
///
/// Every failure is a ``FileWriteError`` that names the path and the reason.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `data` to the file at `url` (a file URL).
    public static func write(_ data: Data, to url: URL) throws(FileWriteError) {
        try write([UInt8](data), to: url.path)
    }

    /// Writes `bytes` to `path`, replacing an existing regular file only once all bytes are on disk.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        let writer = try AtomicFileWriter(path: path)
        do {
            try writer.append(bytes)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// Writes a file in pieces with the guarantees of ``AtomicFile``: nothing replaces the target
/// until ``commit()`` succeeds, and ``discard()`` (or a failure) leaves the target as it was.
///
/// ```swift
/// let writer = try AtomicFileWriter(path: "run.cast")
/// try writer.append(Array("header\n".utf8))
/// try writer.append(Array("event\n".utf8))
/// try writer.commit()
/// ```
///
/// Devices and FIFOs are written directly, piece by piece, so `commit()` only closes them.
public final class AtomicFileWriter {
    /// The path as the caller gave it (used in messages).
    public let path: String
    private let destination: Destination
    private var descriptor: Int32
    private var isFinished = false

    private enum Destination {
        /// Bytes go to `temporary`, renamed to `target` on commit.
        case replace(target: String, temporary: String)
        /// Bytes go straight to the path (a device, FIFO or socket).
        case direct
    }

    /// Opens `path` for writing: a temporary file beside the (link-resolved) target, or the device itself.
    public init(path: String) throws(FileWriteError) {
        self.path = path
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: .directoryMissing) }
        let resolved = try Self.resolve(path)
        switch resolved {
        case .direct:
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: .init(errno: errno)) }
            descriptor = fd
            destination = .direct
        case .regular(let target, let existingMode):
            let temporary = Self.temporaryName(beside: target)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: .init(errno: errno)) }
            if let existingMode, fchmod(fd, existingMode & 0o7777) != 0 {
                let code = errno
                close(fd)
                unlink(temporary)
                throw FileWriteError(path: path, reason: .init(errno: code))
            }
            descriptor = fd
            destination = .replace(target: target, temporary: temporary)
        }
    }

    deinit {
        discard()
    }

    /// Appends `bytes`; on failure the target is untouched (call ``discard()`` or let the writer go).
    public func append(_ bytes: [UInt8]) throws(FileWriteError) {
        guard !isFinished else { throw FileWriteError(path: path, reason: .system(EBADF)) }
        let code: Int32 = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if code != 0 { throw FileWriteError(path: path, reason: .init(errno: code)) }
    }

    /// Flushes the bytes to disk and renames the temporary file over the target.
    public func commit() throws(FileWriteError) {
        guard !isFinished else { throw FileWriteError(path: path, reason: .system(EBADF)) }
        isFinished = true
        switch destination {
        case .direct:
            if close(descriptor) != 0, errno != EINTR {
                throw FileWriteError(path: path, reason: .init(errno: errno))
            }
        case .replace(let target, let temporary):
            var code: Int32 = 0
            if fsync(descriptor) != 0 { code = errno }
            if close(descriptor) != 0, code == 0, errno != EINTR { code = errno }
            if code == 0, rename(temporary, target) != 0 { code = errno }
            if code != 0 {
                unlink(temporary)
                throw FileWriteError(path: path, reason: .init(errno: code))
            }
        }
    }

    /// Abandons the write: removes the temporary file and leaves the target as it was.
    public func discard() {
        guard !isFinished else { return }
        isFinished = true
        close(descriptor)
        if case .replace(_, let temporary) = destination { unlink(temporary) }
    }

    // MARK: - Resolving the path

    private enum Resolved {
        case direct
        /// A regular file (or a new one) at `target`, with the mode of the file it replaces.
        case regular(target: String, existingMode: mode_t?)
    }

    /// Decides how `path` is written, following symbolic links by hand so the link itself is kept.
    private static func resolve(_ path: String) throws(FileWriteError) -> Resolved {
        if path.utf8.count >= Int(PATH_MAX) { throw FileWriteError(path: path, reason: .nameTooLong) }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw FileWriteError(path: path, reason: .isDirectory)
            case S_IFREG: break
            default: return .direct
            }
        } else if errno != ENOENT {
            throw FileWriteError(path: path, reason: .init(errno: errno))
        }
        var current = path
        for _ in 0..<40 {
            var link = stat()
            guard lstat(current, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else {
                return try regularTarget(current, original: path)
            }
            let target = try readLink(current, original: path)
            if target.hasPrefix("/proc/") || current.hasPrefix("/proc/") {
                return .direct
            }
            current = target.hasPrefix("/") ? target : directory(of: current) + target
        }
        throw FileWriteError(path: path, reason: .tooManySymbolicLinks)
    }

    /// Checks the final, non-link target: its name fits, its directory exists, and its mode if it exists.
    private static func regularTarget(_ target: String, original: String) throws(FileWriteError) -> Resolved {
        let name = target.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if name.utf8.count > 255 { throw FileWriteError(path: original, reason: .nameTooLong) }
        var info = stat()
        if stat(target, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                if info.st_mode & S_IFMT == S_IFDIR { throw FileWriteError(path: original, reason: .isDirectory) }
                return .direct
            }
            if access(target, W_OK) != 0 { throw FileWriteError(path: original, reason: .init(errno: errno)) }
            return .regular(target: target, existingMode: info.st_mode)
        }
        guard errno == ENOENT else { throw FileWriteError(path: original, reason: .init(errno: errno)) }
        var parent = stat()
        let folder = directory(of: target)
        if stat(folder.isEmpty ? "." : folder, &parent) != 0 {
            throw FileWriteError(path: original, reason: .init(errno: errno))
        }
        guard parent.st_mode & S_IFMT == S_IFDIR else { throw FileWriteError(path: original, reason: .notADirectory) }
        return .regular(target: target, existingMode: nil)
    }

    private static func readLink(_ link: String, original: String) throws(FileWriteError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw FileWriteError(path: original, reason: .init(errno: errno)) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The directory part of `path` with its trailing slash ("" for a bare name).
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A hidden, unique name in the target's directory, short enough for any file system.
    private static func temporaryName(beside target: String) -> String {
        let name = target.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "file"
        let stem = String(decoding: name.utf8.prefix(200), as: UTF8.self)
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return directory(of: target) + ".\(stem).\(unique).tmp"
    }
}
