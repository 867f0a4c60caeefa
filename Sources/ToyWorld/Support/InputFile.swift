#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files the way Unix tools do: regular files, pipes, FIFOs, `/dev/stdin`, `/dev/null` and
/// process substitution (`--data <(...)`) alike, in chunks, with errors that say why in words.
///
/// ```swift
/// let bytes = try InputFile.readAll("scheduler_config.json", limit: 16 << 20)
/// try InputFile.forEachChunk("points.csv") { chunk in parser.consume(chunk) }
/// ```
public enum InputFile {
    /// Calls `body` with successive chunks of the file at `path` until its end.
    public static func forEachChunk(
        _ path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw FileReadError(path: path, errno: EISDIR)
        }
        var buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, errno: errno)
            }
            if count == 0 { return }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    /// The whole file at `path`; more than `limit` bytes is an error (a config file is not a stream without end).
    public static func readAll(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            try forEachChunk(path, chunkSize: 1 << 16) { chunk in
                guard bytes.count + chunk.count <= limit else { throw FileReadError(path: path, exceeding: limit) }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as FileReadError {
            throw error
        } catch {
            throw FileReadError(path: path, reason: "\(error)")
        }
        return bytes
    }
}

/// Why a file could not be read, in words ("no such file", "permission denied", "it is a directory", ...).
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The path as the caller gave it.
    public var path: String
    /// The reason in words.
    public var reason: String
    /// The limit of ``InputFile/readAll(_:limit:)`` when the file was larger than it, else nil.
    public var exceededLimit: Int?

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The error of a file larger than `limit` bytes.
    public init(path: String, exceeding limit: Int) {
        self.init(path: path, reason: "larger than \(limit) bytes")
        exceededLimit = limit
    }

    /// The error of a failed system call that set `errno`.
    public init(path: String, errno code: Int32) {
        self.path = path
        switch code {
        case ENOENT: reason = "no such file"
        case EISDIR: reason = "it is a directory"
        default: reason = FileWriteError.Reason(errno: code).words
        }
    }

    public var description: String { "cannot read '\(path)': \(reason)" }
}
