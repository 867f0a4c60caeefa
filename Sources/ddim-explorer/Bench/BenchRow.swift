/// One line of the benchmark report.
///
/// ```swift
/// BenchRow(group: "step", name: "DDIMScheduler.step eta=0", size: 1_000_000, eta: 0, timing: timing)
/// ```
struct BenchRow: Codable, Sendable, Equatable {
    /// Which family of benchmarks the row belongs to (`memory`, `noise`, `step`, ...).
    var group: String
    /// What was timed.
    var name: String
    /// Problem size: points for the step and sampling rows, values for noise rows.
    var size: Int
    /// The eta of a step row.
    var eta: Float?
    /// Median milliseconds per run.
    var medianMilliseconds: Double
    /// Fastest sample, milliseconds per run.
    var minimumMilliseconds: Double
    /// Median CPU milliseconds per run, all threads of the process together.
    var cpuMilliseconds: Double
    /// Items (points or values) per second at the median.
    var itemsPerSecond: Double
    /// The median of the memory-traffic bound for the same size (step rows).
    var boundMilliseconds: Double?
    /// medianMilliseconds / boundMilliseconds.
    var ratioToBound: Double?
    /// diffusers' median for the same size and eta, from `--diffusers FILE`.
    var diffusersMilliseconds: Double?
    /// diffusersMilliseconds / medianMilliseconds.
    var speedUp: Double?
    /// Target from the issues, when one exists (for example "< 15 ms").
    var target: String?
    /// Sum of the values the timed work returned (proves the work was done).
    var checksum: Double

    init(group: String, name: String, size: Int, eta: Float? = nil, timing: BenchTimer.Timing, target: String? = nil) {
        self.group = group
        self.name = name
        self.size = size
        self.eta = eta
        self.medianMilliseconds = timing.medianSeconds * 1e3
        self.minimumMilliseconds = timing.minimumSeconds * 1e3
        self.cpuMilliseconds = timing.medianCPUSeconds * 1e3
        self.itemsPerSecond = Double(size) / max(timing.medianSeconds, 1e-12)
        self.target = target
        self.checksum = timing.checksum
    }

    /// Records the memory bound measured for this row's size, and the ratio to it: by default
    /// this row's median over the bound's, or one measured in paired samples.
    mutating func compare(toBoundMilliseconds bound: Double, ratio: Double? = nil) {
        boundMilliseconds = bound
        ratioToBound = ratio ?? medianMilliseconds / bound
    }

    /// Records diffusers' time for this row's size and eta.
    mutating func compare(toDiffusersMilliseconds diffusers: Double) {
        diffusersMilliseconds = diffusers
        speedUp = diffusers / medianMilliseconds
    }
}
