import CHeapTuning

/// Keeps freed step outputs in the heap so the next step's new arrays reuse their memory.
///
/// glibc's `malloc` serves blocks above its mmap threshold with fresh mappings and returns the
/// free top of the heap to the kernel above its trim threshold, so each new output array of a
/// large batch (8 MB at N = 1e6 points × 2) is memory whose every page faults on first write:
/// that costs several times the step itself. The first step that allocates an output of at least
/// ``minimumElements`` raises both thresholds once for the process (mmap: 32 MB, glibc's
/// largest; trim: 256 MB), so an output freed by the caller is handed to the next allocation
/// of its size, already mapped. Outputs above 32 MB are still mapped fresh. With another C
/// library this does nothing.
///
/// ```swift
/// HeapRecycling.prepare(forElements: 2_000_000)   // before allocating an 8 MB output
/// ```
enum HeapRecycling {
    /// Outputs smaller than this (256 KB) stay below glibc's default thresholds anyway.
    static let minimumElements = 1 << 16
    static let mmapThresholdBytes: Int32 = 32 << 20
    static let trimThresholdBytes: Int32 = 256 << 20

    /// Raises the thresholds (once per process: later calls return at once) when an output of
    /// `count` floats is about to be allocated. Returns whether they are raised.
    @discardableResult
    static func prepare(forElements count: Int) -> Bool {
        guard count >= minimumElements else { return false }
        return cheap_keep_freed_blocks(mmapThresholdBytes, trimThresholdBytes) == 1
    }
}
