import ArgumentParser
import DDIM
import Foundation
import Learned

/// `ddim-explorer bench`: times the hot paths in this process and prints a table.
///
/// ```
/// swift run -c release ddim-explorer bench
/// swift run -c release ddim-explorer bench --diffusers diffusers.json --format json
/// ```
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the scheduler step, noise and more against the memory bound (use a release build).",
        discussion: """
            Every row is the median time per run over repeated samples, measured in this process. \
            Step rows compare DDIMScheduler.step on N 2-D points with the memory-traffic bound \
            (read 2 and write 2 arrays of N*2 floats) measured beside them; the step(into:) rows \
            alternate their samples with the bound's and report the median of the per-pair ratios. \
            For diffusers' side run Tests/Scripts/bench_diffusers.py and pass its JSON with --diffusers; \
            for PyTorch's side of the learned rows run Tests/Scripts/bench_torch_mlp.py (add --scheduler for \
            the step rows too) and pass its JSON the same way. The learned rows time the default ToyMLP: one \
            evaluation of 100,000 points and one AdamW training step at batch 512, with the library's threads \
            over row blocks and, for comparison, with OpenBLAS's own threads.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Flag(help: "A fast smoke run: small sizes, few samples.")
    var quick = false

    @Option(help: "Output format.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("diffusers/PyTorch timings (JSON from Tests/Scripts/bench_diffusers.py or bench_torch_mlp.py) to compare with.", valueName: "file"))
    var diffusers: String?

    enum Group: String, ExpressibleByArgument, CaseIterable {
        case step, noise, toyworld, canvas, explorer, learned, quality
    }

    @Option(help: ArgumentHelp("Run only these groups (repeatable): step (with the memory bound), noise, toyworld, canvas, explorer, learned; and quality (trains a model on two moons for about 30 s; only when asked for)."))
    var only: [Group] = []

    @Option(help: "Threads for the step and the bound (default: active processors).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Timed samples per benchmark (default: 15, or 3 with --quick).")
    var samples: Int?

    func run() throws {
        try reportingErrors(runBenchmarks)
    }

    /// The most threads and samples the flags accept.
    static let maximumThreads = 4096, maximumSamples = 10_000

    private func runBenchmarks() throws {
        guard (1...Self.maximumThreads).contains(threads) else {
            throw CommandError.invalid("--threads", "\(threads)", allowed: "an integer from 1 to \(Self.maximumThreads)")
        }
        if let samples, !(1...Self.maximumSamples).contains(samples) {
            throw CommandError.invalid("--samples", "\(samples)", allowed: "an integer from 1 to \(Self.maximumSamples)")
        }
        let loadAverage = Self.loadAverage()
        let diffusersTimings = try diffusers.map { try DiffusersTimings(contentsOf: URL(fileURLWithPath: $0)) }
        let sampleCount = samples ?? (quick ? 3 : 15)
        let timer = BenchTimer(samples: sampleCount, minimumSampleSeconds: quick ? 0.001 : 0.01)
        let sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]

        let groups = only.isEmpty ? Set(Group.allCases).subtracting([.quality]) : Set(only)
        var rows: [BenchRow] = []
        if groups.contains(.step) {
            rows += try StepBenchmarks(sizes: sizes, threads: threads).run(timer: timer)
        }
        if groups.contains(.noise) {
            rows += try NoiseBenchmarks(count: quick ? 100_000 : 2_000_000).run(timer: timer)
        }
        if groups.contains(.toyworld) {
            rows += try ToyWorldBenchmarks(points: quick ? 50 : 10_000, steps: quick ? 10 : 50, showTargets: !quick)
                .run(timer: timer)
            rows.append(try PointsFileBenchmark(rows: quick ? 10_000 : 5_000_000, showTarget: !quick).run(timer: timer))
        }
        if groups.contains(.canvas) {
            rows += CanvasBenchmarks(points: quick ? 10_000 : 100_000, showTargets: !quick).run(timer: timer)
        }
        if groups.contains(.explorer) {
            rows += ExplorerBenchmarks(points: quick ? 100 : 10_000, showTargets: !quick).run(timer: timer)
        }
        if groups.contains(.learned) {
            rows += try LearnedBenchmarks(points: quick ? 2_000 : 100_000, batch: quick ? 64 : 512, threads: threads,
                                          showTargets: !quick).run(timer: timer)
        }

        var notes: [String] = []
        if groups.contains(.quality) {
            let (qualityRows, qualityNotes) = try LearnedQualityBenchmark(dataset: .twoMoons).run()
            rows += qualityRows
            notes += qualityNotes
        }
        if let diffusersTimings {
            for index in rows.indices where rows[index].group == "step" {
                if let eta = rows[index].eta,
                   let milliseconds = diffusersTimings.milliseconds(size: rows[index].size, eta: eta) {
                    rows[index].compare(toDiffusersMilliseconds: milliseconds)
                }
            }
            // The library's own rows of the learned group (not the OpenBLAS-threads comparison rows).
            for index in rows.indices where ["learned", "learned-training"].contains(rows[index].group) {
                let training = rows[index].group == "learned-training"
                if let milliseconds = diffusersTimings.mlpMilliseconds(size: rows[index].size, training: training) {
                    rows[index].compare(toDiffusersMilliseconds: milliseconds)
                }
            }
        }
        let report = BenchReport(
            settings: .init(threads: threads, samples: sampleCount, quick: quick, optimized: Self.isOptimizedBuild,
                            loadAverage: loadAverage),
            rows: rows,
            notes: notes,
            diffusersSource: diffusersTimings.map {
                "diffusers \($0.diffusers) DDIMScheduler.step, torch \($0.torch) CPU, \($0.threads) threads"
                    + ($0.mlp == nil ? "" : "; learned rows: the same MLP layout in PyTorch (Tests/Scripts/bench_torch_mlp.py)")
                    + ($0.loadAverage.map { ", load average " + $0.map { String(format: "%.2f", $0) }.joined(separator: " ") } ?? "")
            }
        )
        try writeToStandardOutput((format == .json ? try report.json() : report.markdown()) + "\n")
    }

    /// "1.02 0.85 0.60" from /proc/loadavg, or nil where it does not exist.
    static func loadAverage() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ").prefix(3)
        return fields.count == 3 ? fields.joined(separator: " ") : nil
    }

    static var isOptimizedBuild: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }
}
