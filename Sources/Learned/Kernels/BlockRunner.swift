import Dispatch
import Foundation

/// Runs a fixed list of row blocks on a few threads, one workspace per thread. Which thread runs
/// a block never changes what the block computes, so results do not depend on the thread count.
///
/// ```swift
/// BlockRunner.run(blocks: 8, threads: 2) { worker, block in ... }
/// ```
enum BlockRunner {
    /// The default number of threads: the active processor count (read once: asking the system
    /// allocates, and a training step must not).
    static let defaultThreads = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body(worker, block)` for every block in 0..<blocks; worker is in 0..<min(threads, blocks)
    /// and each worker runs its blocks in increasing order (worker w takes blocks w, w + n, ...).
    static func run(blocks: Int, threads: Int, _ body: (Int, Int) -> Void) {
        let workers = max(1, min(threads, blocks))
        guard workers > 1 else {
            for block in 0..<blocks { body(0, block) }
            return
        }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for block in stride(from: worker, to: blocks, by: workers) { work(worker, block) }
            }
        }
    }
}
