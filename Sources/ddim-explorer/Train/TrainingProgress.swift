import Foundation

/// The live progress line of `train` on stderr: step, the loss averaged over the last 100 steps,
/// steps per second and the time left. On a terminal one line is rewritten in place (`\r`) a few
/// times a second; otherwise a full line is printed every few seconds.
///
/// ```swift
/// var progress = TrainingProgress(totalSteps: 4000, startStep: 0)
/// progress.report(step: 120, loss: 0.41)
/// progress.finish()
/// ```
struct TrainingProgress {
    let totalSteps: Int
    let startStep: Int
    let isTerminal = isatty(STDERR_FILENO) == 1
    let start = DispatchTime.now().uptimeNanoseconds
    private var lastReport: UInt64 = 0
    private var wroteInPlace = false

    init(totalSteps: Int, startStep: Int) {
        self.totalSteps = totalSteps
        self.startStep = startStep
    }

    /// Seconds since the start.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// The line for `step` with recent mean loss `loss`.
    func line(step: Int, loss: Float) -> String {
        let seconds = elapsed
        let rate = seconds > 0 ? Double(step - startStep) / seconds : 0
        let eta = rate > 0 ? Double(totalSteps - step) / rate : 0
        return String(format: "step %d/%d  loss %.4f  %.0f steps/s  ETA %@", step, totalSteps, Double(loss), rate,
                      Self.duration(eta))
    }

    /// Reports `step` when it is time to (every 0.2 s on a terminal, every 5 s otherwise).
    mutating func report(step: Int, loss: Float) {
        let now = DispatchTime.now().uptimeNanoseconds
        let interval: UInt64 = isTerminal ? 200_000_000 : 5_000_000_000
        guard now - max(lastReport, start) >= interval else { return }
        lastReport = now
        write(line(step: step, loss: loss))
    }

    /// Ends an in-place line so the next message starts on its own line.
    mutating func finish() {
        if wroteInPlace { writeToStandardError("\n") }
        wroteInPlace = false
    }

    private mutating func write(_ text: String) {
        if isTerminal {
            writeToStandardError("\r\(text)\u{1B}[K")
            wroteInPlace = true
        } else {
            writeToStandardError(text + "\n")
        }
    }

    /// "42 s", "3 min 05 s".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole) s" : String(format: "%d min %02d s", whole / 60, whole % 60)
    }
}
