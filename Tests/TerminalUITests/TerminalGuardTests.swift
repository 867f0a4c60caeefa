import CCurses
import Glibc
import Testing

/// The guard's signal list is signal(7)'s: every signal whose default action ends the process.
@Suite struct TerminalGuardTests {
    @Test func everySignalThatEndsTheProcessIsGuarded() {
        let ending = [SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2,
                      SIGPIPE, SIGALRM, SIGTERM, SIGSTKFLT, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS]
        for signal in ending { #expect(ccurses_signal_ends_process(signal) == 1, "signal \(signal)") }
        for signal in __libc_current_sigrtmin()...__libc_current_sigrtmax() { #expect(ccurses_signal_ends_process(signal) == 1, "real-time signal \(signal)") }
    }

    @Test func signalsThatDoNotEndTheProcessAreLeftAlone() {
        for signal in [SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH] {
            #expect(ccurses_signal_ends_process(signal) == 0, "signal \(signal)")
        }
    }
}
