import Foundation
import Dispatch

/// How a batch computation is split across cores.
///
/// Every computation in `ToyWorld` that uses it works row by row, so the result is identical
/// for any number of chunks; only the wall time changes.
///
/// ```swift
/// let serial = Parallelism(chunks: 1)
/// let auto = Parallelism.automatic      // one chunk per active core, for large batches
/// ```
public struct Parallelism: Sendable, Hashable {
    /// The number of disjoint chunks the rows are split into (at least 1).
    public var chunks: Int
    /// Batches with fewer rows than this run on the calling thread.
    public var minimumRowsPerChunk: Int

    /// Splits into `chunks` pieces, never smaller than `minimumRowsPerChunk` rows.
    public init(chunks: Int, minimumRowsPerChunk: Int = 64) {
        self.chunks = max(1, chunks)
        self.minimumRowsPerChunk = max(1, minimumRowsPerChunk)
    }

    /// One chunk per active processor.
    public static var automatic: Parallelism {
        Parallelism(chunks: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Calls `body` once per disjoint, contiguous range covering `0..<rows`, possibly concurrently.
    @inlinable
    func forEachChunk(rows: Int, _ body: @Sendable (Range<Int>) -> Void) {
        guard rows > 0 else { return }
        let pieces = max(1, min(chunks, rows / minimumRowsPerChunk))
        if pieces == 1 {
            body(0..<rows)
            return
        }
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            let start = rows * piece / pieces
            let end = rows * (piece + 1) / pieces
            body(start..<end)
        }
    }
}
