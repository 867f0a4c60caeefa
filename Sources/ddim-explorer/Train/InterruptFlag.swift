import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) into a flag that a long loop polls, so it can stop cleanly and save its work.
///
/// ```swift
/// let interrupt = InterruptFlag.install()
/// while !interrupt.isRaised { work() }
/// interrupt.uninstall()
/// ```
final class InterruptFlag {
    /// The flag itself, shared with the signal handler's queue.
    private final class Raised: Sendable {
        let value = Atomic<Bool>(false)
    }

    private let raised = Raised()
    private let source: any DispatchSourceSignal

    private init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    }

    /// Ignores SIGINT's default action from now on and raises the flag when it arrives.
    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        let raised = flag.raised
        flag.source.setEventHandler { raised.value.store(true, ordering: .relaxed) }
        flag.source.resume()
        return flag
    }

    /// True once Ctrl-C was pressed.
    var isRaised: Bool { raised.value.load(ordering: .relaxed) }

    /// Restores SIGINT's default action.
    func uninstall() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
