import DDIM

/// Gaussian noise throughput on one thread: the vectorized ``PhiloxGenerator`` fill, the same
/// fill on its scalar path (one xoshiro lane at a time: the reference definition), and
/// ``TorchGenerator``.
///
/// ```swift
/// let rows = try NoiseBenchmarks(count: 2_000_000).run(timer: timer)
/// ```
struct NoiseBenchmarks {
    /// Values per run.
    var count: Int

    /// A mismatch between the vectorized fill and the scalar definition (a bug, never expected).
    struct MismatchError: Error, CustomStringConvertible {
        var index: Int
        var description: String {
            "PhiloxGenerator.fillNormals differs from normal(at:) at value \(index): the SIMD path is not bit-identical in this build"
        }
    }

    func run(timer: BenchTimer) throws -> [BenchRow] {
        let philox = PhiloxGenerator(seed: 3)
        var buffer = [Float](repeating: 0, count: count)
        try checkBitIdentity(philox, count: min(count, 100_003))

        let fill = timer.measure {
            buffer.withUnsafeMutableBufferPointer { philox.fillNormals($0, startingAt: 1, vectorized: true) }
            return buffer[count / 2]
        }
        let scalar = timer.measure {
            buffer.withUnsafeMutableBufferPointer { philox.fillNormals($0, startingAt: 1, vectorized: false) }
            return buffer[count / 2]
        }
        var torch = TorchGenerator(seed: 0)
        let torchTiming = timer.measure {
            buffer.withUnsafeMutableBufferPointer { torch.fillNormals($0) }
            return buffer[count / 2]
        }
        return [
            BenchRow(group: "noise", name: "PhiloxGenerator.fillNormals (SIMD, 1 thread)", size: count, timing: fill),
            BenchRow(group: "noise", name: "PhiloxGenerator.fillNormals, scalar path (1 thread)", size: count, timing: scalar),
            BenchRow(group: "noise", name: "TorchGenerator randn (1 thread)", size: count, timing: torchTiming),
        ]
    }

    /// Checks, in this very build, that the SIMD fill reproduces the scalar definition bit for bit.
    private func checkBitIdentity(_ generator: PhiloxGenerator, count: Int) throws {
        var filled = [Float](repeating: 0, count: count)
        filled.withUnsafeMutableBufferPointer { generator.fillNormals($0, startingAt: 5, vectorized: true) }
        for i in 0..<count where filled[i].bitPattern != generator.normal(at: UInt64(i) + 5).bitPattern {
            throw MismatchError(index: i)
        }
    }
}
