import Foundation
import Synchronization

/// Set by the SIGINT handler; a global so that the C handler can reach it without a context.
private let interruptRaised = Atomic<Bool>(false)

/// Turns Ctrl-C (SIGINT) into a flag that a long loop polls, so it can stop cleanly and save its work.
///
/// The handler is a plain signal handler that only stores to an atomic (async-signal-safe), so the
/// signal is caught on whichever thread the kernel delivers it to: the training's worker threads included.
///
/// ```swift
/// let interrupt = InterruptFlag.install()
/// while !interrupt.isRaised { work() }
/// interrupt.uninstall()
/// ```
struct InterruptFlag {
    /// Raises the flag when SIGINT arrives, from now on (instead of SIGINT's default action).
    static func install() -> InterruptFlag {
        interruptRaised.store(false, ordering: .relaxed)
        signal(SIGINT) { _ in interruptRaised.store(true, ordering: .relaxed) }
        // A parent may have started us with SIGINT blocked (the mask is inherited); threads started
        // from here on inherit the unblocked mask.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        return InterruptFlag()
    }

    /// True once Ctrl-C was pressed.
    var isRaised: Bool { interruptRaised.load(ordering: .relaxed) }

    /// Restores SIGINT's default action.
    func uninstall() {
        signal(SIGINT, SIG_DFL)
    }
}
