import Foundation

/// Times a piece of work itself: one warm-up run, then `samples` timed samples, each of enough
/// back-to-back runs to last at least `minimumSampleSeconds`; reports the median time per run.
///
/// The work returns a `Float` derived from its result; the timer adds them into a checksum that
/// ends up in the report, so the optimizer cannot drop the work.
///
/// ```swift
/// let timer = BenchTimer(samples: 15, minimumSampleSeconds: 0.005)
/// let timing = timer.measure { Float(expensive().count) }
/// timing.medianSeconds
/// ```
struct BenchTimer: Sendable {
    /// Timed samples per benchmark (the median is over these).
    var samples: Int
    /// Each sample repeats the work until it has run at least this long.
    var minimumSampleSeconds: Double

    /// The result of one measurement.
    struct Timing: Sendable {
        /// Median seconds per run of the work.
        var medianSeconds: Double
        /// Fastest sample, seconds per run.
        var minimumSeconds: Double
        /// Median CPU seconds per run of the whole process (all threads): the work done, which
        /// other programs on the machine disturb less than the wall clock.
        var medianCPUSeconds: Double
        /// Runs of the work per sample.
        var runsPerSample: Int
        /// Sum of every value the work returned (keeps the work observable).
        var checksum: Double
    }

    /// Measures `work`, which must do the same job on every call.
    func measure(_ work: () throws -> Float) rethrows -> Timing {
        var sampler = try Sampler(work, minimumSampleSeconds: minimumSampleSeconds)
        for _ in 0..<max(1, samples) { try sampler.takeSample(work) }
        return sampler.timing
    }

    /// Timed samples of one piece of work: a warm-up run, then samples of enough back-to-back
    /// runs to last at least the minimum sample time.
    struct Sampler {
        let runs: Int
        private(set) var perRun: [Double] = []
        private(set) var cpuPerRun: [Double] = []
        private var checksum: Double

        init(_ work: () throws -> Float, minimumSampleSeconds: Double) rethrows {
            var checksum = Double(try work())   // warm-up: caches, page faults, lazy setup
            let first = try BenchTimer.seconds { checksum += Double(try work()) }
            runs = max(1, Int((minimumSampleSeconds / max(first, 1e-9)).rounded(.up)))
            self.checksum = checksum
        }

        mutating func takeSample(_ work: () throws -> Float) rethrows {
            let cpuStart = BenchTimer.processCPUSeconds()
            var sum = 0.0
            let elapsed = try BenchTimer.seconds {
                for _ in 0..<runs { sum += Double(try work()) }
            }
            checksum += sum
            perRun.append(elapsed / Double(runs))
            cpuPerRun.append((BenchTimer.processCPUSeconds() - cpuStart) / Double(runs))
        }

        var timing: Timing {
            let wall = perRun.sorted(), cpu = cpuPerRun.sorted()
            return Timing(medianSeconds: BenchTimer.median(ofSorted: wall), minimumSeconds: wall[0],
                          medianCPUSeconds: BenchTimer.median(ofSorted: cpu), runsPerSample: runs, checksum: checksum)
        }
    }

    /// The median of an ascending, non-empty array.
    static func median(ofSorted values: [Double]) -> Double {
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// CPU seconds used so far by all threads of this process.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Wall-clock seconds `body` takes (monotonic clock).
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }
}
