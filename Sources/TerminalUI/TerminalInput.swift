import CCurses
import Glibc

/// Waiting for the terminal: for bytes on standard input or for a resize (SIGWINCH, which the
/// terminal guard turns into a readable descriptor), sleeping in the kernel meanwhile.
///
/// ```swift
/// switch TerminalInput.wait(milliseconds: 25) {
/// case .input: break      // read(2) will not block
/// case .resized: break    // ccurses_take_resize has the new size
/// case .quiet: break      // nothing within 25 ms
/// }
/// ```
enum TerminalInput {
    enum Readiness: Equatable {
        case input, resized, quiet
    }

    /// Waits up to `milliseconds` (negative: without limit). A resize is reported before input.
    static func wait(milliseconds: Int) -> Readiness {
        var descriptors = [
            pollfd(fd: ccurses_resize_descriptor(), events: Int16(POLLIN), revents: 0),
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = Int32(clamping: max(-1, milliseconds))
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        // Interrupted by a signal: SIGWINCH has also written to the resize descriptor.
        if ready < 0 { return errno == EINTR ? .resized : .quiet }
        if descriptors[0].revents & Int16(POLLIN) != 0 { return .resized }
        if descriptors[1].revents != 0 { return .input }
        return .quiet
    }
}
