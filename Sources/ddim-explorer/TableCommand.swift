import ArgumentParser
import DDIM
import Foundation
import ToyWorld

/// `ddim-explorer table`: the DDIM paper's Table 1 and Table 2 on toy data with the exact denoiser.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Reproduce the DDIM paper's Table 1 (quality vs eta and steps) and Table 2 (inversion error) on toy data.",
        discussion: """
        Table 1: for eta = 0, 0.2, 0.5, 1 and the paper's large variance sigma-hat (rows) and S = 10, 20, 50, \
        100, 1000 steps (columns), the distance between generated points and an independent data sample \
        (lower is better), with the noise floor (the same distance between two data samples) in a note, \
        and the wall time per sample. Table 2: DDIM inversion x0 -> x_T -> x0 for S = 10, 20, 50, 100, 200, \
        500, 1000 and the mean squared reconstruction error per coordinate. The model is the exact denoiser \
        unless --model names a learned one: with the exact model every difference comes from the sampler, \
        with a learned one the sampler also meets the network's errors (run both to compare). Each Table 1 cell averages --repeats runs (mean ± \
        standard error). Markdown by default; --format csv or json for scripts. On 2 cores the default table \
        (eight Gaussians) takes well under a minute in a release build; point-set datasets use the slower \
        kernel denoiser and smaller default counts.

        Examples:
          ddim-explorer table
          ddim-explorer table --dataset two-moons --count 1000
          ddim-explorer table --skip quad --format json > table.json
          ddim-explorer table --tables 1 --step-counts 10,100 --count 500
          ddim-explorer table --dataset two-moons --model learned --tables 1
          ddim-explorer table --tables 1 --step-counts 2,5,10,20,50,100 --plot
        """
    )

    @Option(help: ArgumentHelp("Points per Table 1 run (>= 2). Default: 4000 for Gaussian mixtures (closed-form denoiser), 500 for point sets and --bandwidth (kernel denoiser, slower).",
                               valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Independent runs (seeds seed, seed+1, ...) averaged in each Table 1 cell (>= 1); the standard error is shown with ±. Default: 3.",
                               valueName: "n"))
    var repeats: Int = 3

    @Option(help: ArgumentHelp("Points inverted and decoded for Table 2 (>= 1). Default: 1000 for Gaussian mixtures, 300 for point sets.",
                               valueName: "n"))
    var inversionCount: Int?

    @Option(help: ArgumentHelp("Seed of the noise and of the data samples. Default: 0.", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Table 1 columns. Default: 10,20,50,100,1000.", valueName: "list"))
    var stepCounts: StepList = StepList(PaperTables.generationStepCounts)

    @Option(help: ArgumentHelp("Table 2 columns. Default: 10,20,50,100,200,500,1000.", valueName: "list"))
    var inversionStepCounts: StepList = StepList(PaperTables.reconstructionStepCounts)

    @Option(help: ArgumentHelp("Which tables: 1, 2 or both. Default: both.", valueName: "which"))
    var tables: TableSelection = .both

    @Option(help: "Output format: markdown, csv or json.")
    var format: TableFormat = .markdown

    @Flag(help: "After Table 1, draw it as curves: MMD × 100 against S, one symbol per row (0 = eta 0, 2 = eta 0.2, 5 = eta 0.5, 1 = eta 1, s = sigma-hat), the noise floor dotted. Markdown only.")
    var plot = false

    @OptionGroup(title: "Model")
    var model: ModelOptions

    @OptionGroup(title: "Scheduler")
    var scheduler: SchedulerOptions

    @OptionGroup var nonFinite: NonFiniteOptions

    @OptionGroup(title: "Data")
    var data: DataOptions

    func run() throws {
        try reportingErrors {
            let settings = try tableSettings()
            if plot && format != .markdown {
                throw CommandError("--plot draws a text chart: use it with --format markdown, not --format \(format.rawValue)")
            }
            if plot && tables == .two {
                throw CommandError("--plot draws Table 1: use it with --tables 1 or both, not --tables 2")
            }
            let train = settings.configuration.numTrainTimesteps
            for (name, list) in [("--step-counts", stepCounts), ("--inversion-step-counts", inversionStepCounts)] {
                if let bad = list.values.first(where: { $0 < 1 || $0 > train }) {
                    throw CommandError.invalid(name, "\(bad)", allowed: "step counts in 1 ... \(train)")
                }
            }
            // Every step count's timesteps are checked before any sampling (a bad steps_offset fails at once).
            for steps in Set(stepCounts.values + inversionStepCounts.values) {
                var scheduler = try DDIMScheduler(configuration: settings.configuration)
                try scheduler.setTimesteps(steps)
            }
            guard (1...Self.maximumRepeats).contains(repeats) else {
                throw CommandError.invalid("--repeats", "\(repeats)", allowed: "an integer from 1 to \(Self.maximumRepeats)")
            }
            let usesKernel = settings.makeDataset().mixture == nil || settings.bandwidth != nil
            let inversionCount = self.inversionCount ?? (usesKernel ? 300 : 1000)
            guard inversionCount >= 1 else {
                throw CommandError.invalid("--inversion-count", "\(inversionCount)", allowed: "an integer >= 1")
            }
            let longest = (stepCounts.values + inversionStepCounts.values).max() ?? 1
            let bytesPerPoint = MemoryBudget.bytesPerChainPoint(steps: longest, keepsHistory: true, printedStates: 0)
            try MemoryBudget.standard.check("--inversion-count", value: inversionCount, unit: "point", bytesPerUnit: bytesPerPoint)
            let start = DispatchTime.now().uptimeNanoseconds
            var generation: GenerationTable?
            var reconstruction: ReconstructionTable?
            if tables != .two {
                generation = try PaperTables.generation(
                    settings: settings, stepCounts: stepCounts.values, repeats: repeats, metric: TableMetric.standard,
                    progress: { done, total in Self.progress("table 1", done, total) })
            }
            if tables != .one {
                var inversion = settings
                inversion.count = inversionCount
                reconstruction = try PaperTables.reconstruction(
                    settings: inversion, stepCounts: inversionStepCounts.values,
                    progress: { done, total in Self.progress("table 2", done, total) })
            }
            if !nonFinite.allowNonfinite { try Self.checkFinite(generation, reconstruction, settings: settings) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let report = TableReport(settings: settings, datasetName: data.data ?? settings.datasetName, generation: generation,
                                     reconstruction: reconstruction, totalSeconds: seconds)
            try writeToStandardOutput(report.text(format))
            if plot, let generation { try writeToStandardOutput(GenerationChart.text(generation)) }
            printToStandardError(String(format: "done in %.1f s", seconds))
        }
    }

    /// The base run: the data options, the scheduler options, count and seed.
    func tableSettings() throws -> RunSettings {
        var settings = RunSettings()
        settings.seed = seed
        try data.apply(to: &settings, model: model, scheduler: scheduler)
        let defaultCount = settings.makeDataset().mixture == nil || settings.bandwidth != nil ? 500 : 4000
        let count = self.count ?? defaultCount
        guard count >= 2 else { throw CommandError.invalid("--count", "\(count)", allowed: "an integer >= 2") }
        let longest = stepCounts.values.max() ?? 1
        try MemoryBudget.standard.check("--count", value: count, unit: "point",
                                        bytesPerUnit: MemoryBudget.bytesPerChainPoint(steps: longest, keepsHistory: true, printedStates: 0))
        settings.count = count
        return settings
    }

    /// Throws a ``NonFiniteResult`` (exit status 3) naming the first cell that is NaN or infinite.
    static func checkFinite(_ generation: GenerationTable?, _ reconstruction: ReconstructionTable?, settings: RunSettings) throws {
        for row in generation?.rows ?? [] {
            if let cell = row.cells.first(where: { !$0.distance.isFinite }) {
                throw NonFiniteResult(row: "\(row.setting)", steps: cell.steps, settings: row.setting.applied(to: settings))
            }
        }
        if let reconstruction, let index = reconstruction.meanSquaredErrors.firstIndex(where: { !$0.isFinite }) {
            throw NonFiniteResult(row: "inversion error", steps: reconstruction.stepCounts[index], settings: settings)
        }
    }

    /// The most runs `--repeats` averages per cell.
    static let maximumRepeats = 10_000

    /// Progress on one rewritten stderr line when stderr is a terminal; silent otherwise.
    static func progress(_ label: String, _ done: Int, _ total: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        writeToStandardError("\r\(label): \(done)/\(total) runs\u{1B}[K")
        if done == total { writeToStandardError("\n") }
    }
}

/// Which of the two tables to compute.
enum TableSelection: String, CaseIterable, ExpressibleByArgument {
    case one = "1", two = "2", both
}

/// Layouts of `table`'s output.
enum TableFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, csv, json
}

/// A comma-separated list of step counts, e.g. `10,20,50`.
struct StepList: ExpressibleByArgument, Sendable {
    var values: [Int]

    init(_ values: [Int]) { self.values = values }

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        values = parts.compactMap { $0 }
    }

    var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}

/// The metric of Table 1: ToyWorld's RBF-kernel MMD.
enum TableMetric {
    static let standard = SampleMetric(name: "MMD") { generated, data in
        Double(SampleQuality.mmd(generated, data))
    }
}
