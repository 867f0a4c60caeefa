#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written, naming the path and the reason in words.
///
/// ```swift
/// do {
///     try AtomicFile.write("hello\n", to: "/read-only/out.txt")
/// } catch {
///     print(error)   // cannot write '/read-only/out.txt': permission denied
/// }
/// ```
public struct FileWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The reason, in a form tests and callers can match on.
    public enum Reason: Equatable, Sendable {
        case permissionDenied
        case noSpaceLeft
        case directoryMissing
        case nameTooLong
        case isDirectory
        case notADirectory
        case readOnlyFileSystem
        case tooManySymbolicLinks
        /// Any other failure of the system call, by its `errno`.
        case system(Int32)

        /// The reason for a failed system call that set `errno`.
        public init(errno code: Int32) {
            switch code {
            case EACCES, EPERM: self = .permissionDenied
            case ENOSPC, EDQUOT: self = .noSpaceLeft
            case ENOENT: self = .directoryMissing
            case ENAMETOOLONG: self = .nameTooLong
            case EISDIR: self = .isDirectory
            case ENOTDIR: self = .notADirectory
            case EROFS: self = .readOnlyFileSystem
            case ELOOP: self = .tooManySymbolicLinks
            default: self = .system(code)
            }
        }

        /// The reason in words: "permission denied", "no space left on the device", ...
        public var words: String {
            switch self {
            case .permissionDenied: "permission denied"
            case .noSpaceLeft: "no space left on the device"
            case .directoryMissing: "the directory does not exist"
            case .nameTooLong: "the file name is too long"
            case .isDirectory: "it is a directory"
            case .notADirectory: "a part of the path is not a directory"
            case .readOnlyFileSystem: "the file system is read-only"
            case .tooManySymbolicLinks: "too many levels of symbolic links"
            case .system(let code): String(cString: strerror(code)).lowercased()
            }
        }
    }

    /// The path as the caller gave it.
    public var path: String
    /// Why the write failed.
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot write '\(path)': \(reason.words)"
    }
}
