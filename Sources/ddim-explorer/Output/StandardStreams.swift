import Foundation
import Synchronization
import ToyWorld

/// Checked writes to standard output and standard error.
///
/// Every write is checked: a full disk or a closed stream is an error (exit status 1), never a crash
/// or lost data with status 0. A reader that goes away (`sample | head -1`) ends the process quietly
/// by SIGPIPE, as other Unix tools do.
///
/// ```swift
/// try writeToStandardOutput("x,y\n0.5,1\n")   // throws StandardStreamError on a full disk
/// ```
enum StandardStreams {
    /// Set once any write to standard error failed; the process then ends with a failure status.
    static let standardErrorFailed = Atomic<Bool>(false)

    /// Restores the default SIGPIPE action (a parent may have ignored it), so a closed pipe ends us quietly.
    static func prepare() {
        signal(SIGPIPE, SIG_DFL)
    }

    /// Writes every byte of `bytes` to `descriptor`, retrying after interruptions; returns 0 or the errno.
    static func write(_ bytes: some Sequence<UInt8>, to descriptor: Int32) -> Int32 {
        let array = Array(bytes)
        return array.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// Ends the process the way a Unix tool does when its reader has gone: by SIGPIPE, silently.
    static func endOnBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }
}

/// A failed write to standard output, in words.
struct StandardStreamError: Error, CustomStringConvertible {
    var code: Int32

    var description: String {
        let reason = code == EBADF ? "it is closed" : FileWriteError.Reason(errno: code).words
        return "cannot write to standard output: \(reason)"
    }
}

/// Writes `text` to standard output; a broken pipe ends the process quietly, any other failure throws.
func writeToStandardOutput(_ text: String) throws {
    let code = StandardStreams.write(text.utf8, to: STDOUT_FILENO)
    if code == EPIPE { StandardStreams.endOnBrokenPipe() }
    if code != 0 { throw StandardStreamError(code: code) }
}

/// Writes a line to standard error (messages never go to stdout, which carries the data). A failure is
/// remembered and turns the exit status into a failure, since there is nowhere left to report it.
func printToStandardError(_ message: String) {
    writeToStandardError(message + "\n")
}

/// Writes `text` as it is (progress lines rewrite themselves with "\r"); a failure is remembered for the exit status.
func writeToStandardError(_ text: String) {
    let code = StandardStreams.write(text.utf8, to: STDERR_FILENO)
    if code != 0 { StandardStreams.standardErrorFailed.store(true, ordering: .relaxed) }
}

/// Collects output in a buffer and writes it in large pieces, for output too large to build as one string.
///
/// ```swift
/// var output = BufferedStandardOutput()
/// for line in lines { try output.append(line) }
/// try output.flush()
/// ```
struct BufferedStandardOutput {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    /// Appends `text`, writing the buffer out once it is full.
    mutating func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes what is buffered.
    mutating func flush() throws {
        let code = StandardStreams.write(buffer, to: STDOUT_FILENO)
        buffer.removeAll(keepingCapacity: true)
        if code == EPIPE { StandardStreams.endOnBrokenPipe() }
        if code != 0 { throw StandardStreamError(code: code) }
    }
}
