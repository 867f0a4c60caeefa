import Foundation

/// The memory-traffic bound of a DDIM step: the time to read two arrays (sample and model
/// output) and write two (previous sample and predicted x0) of `count` floats, with a fused
/// element-wise kernel over preallocated buffers, split across threads like the step.
///
/// ```swift
/// var bound = MemoryBound(count: 2_000_000, threads: 2)
/// let timing = timer.measure { bound.run() }
/// ```
final class MemoryBound {
    /// Elements at which the step (and so this kernel) starts splitting across threads.
    static let parallelThreshold = 1 << 15

    let count: Int
    let threads: Int
    private var a: [Float], b: [Float], c: [Float], d: [Float]

    init(count: Int, threads: Int) {
        self.count = count
        self.threads = max(1, threads)
        a = (0..<count).map { Float($0 % 1024) * 0.001 }
        b = (0..<count).map { Float($0 % 512) * 0.002 }
        c = [Float](repeating: 0, count: count)
        d = [Float](repeating: 0, count: count)
    }

    /// One pass: c = a + b, d = a - b. Returns a value of the output.
    func run() -> Float {
        let total = count
        guard total > 0 else { return 0 }
        let chunks = total >= Self.parallelThreshold ? threads : 1
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    d.withUnsafeMutableBufferPointer { d in
                        nonisolated(unsafe) let (pa, pb, pc, pd) = (a.baseAddress!, b.baseAddress!, c.baseAddress!, d.baseAddress!)
                        if chunks == 1 {
                            Self.kernel(pa, pb, pc, pd, 0..<total)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                                Self.kernel(pa, pb, pc, pd, total * chunk / chunks ..< total * (chunk + 1) / chunks)
                            }
                        }
                    }
                }
            }
        }
        return c[count / 2] + d[count - 1]
    }

    @inline(never)
    private static func kernel(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                               _ c: UnsafeMutablePointer<Float>, _ d: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        for i in range {
            let x = a[i], y = b[i]
            c[i] = x + y
            d[i] = x - y
        }
    }
}
