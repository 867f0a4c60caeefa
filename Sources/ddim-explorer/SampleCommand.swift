import ArgumentParser
import Foundation
import ToyWorld

/// `ddim-explorer sample`: run the DDIM chain (the exact denoiser, or `--model`) and print the points.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Run the DDIM chain on a toy dataset and print the generated points.",
        discussion: """
        Prints the final points as CSV with the header x,y (or JSON with --format json). With --every K it \
        prints the state after every K steps as well (step 0 is the initial noise x_T), with a step column. \
        The same arguments always give byte-identical output, whatever the number of cores. \
        A run that produces NaN or infinity fails with exit status 3 naming the step and the setting to blame \
        (--allow-nonfinite prints the values instead). Without --every only the current state is held, so \
        --count is limited by memory for one batch, not for every step; a --count that does not fit is refused \
        before any work with the bytes it needs.

        Examples:
          ddim-explorer sample --count 5 --steps 10 --seed 1
          ddim-explorer sample --dataset two-moons --eta 1 --steps 20 > moons.csv
          ddim-explorer sample --every 10 --steps 50 --format json
          ddim-explorer sample --scheduler-config sd.json --spacing trailing
          ddim-explorer sample --data mine.csv --standardize --bandwidth 0
          ddim-explorer sample --dataset two-moons --model learned --steps 20
          ddim-explorer sample --model moons.safetensors --noise torch --seed 7
        """
    )

    @Option(help: ArgumentHelp("Also print every K-th state, with a step column (K >= 1).", valueName: "K"))
    var every: Int?

    @Option(help: ArgumentHelp("Split the work into at most N threads (>= 1). Default: one per core. The output is the same for any N.",
                               valueName: "n"))
    var threads: Int?

    @OptionGroup var format: FormatOptions

    @OptionGroup var nonFinite: NonFiniteOptions

    @OptionGroup var options: RunOptions

    /// The most threads `--threads` accepts.
    static let maximumThreads = 4096

    func run() throws {
        try reportingErrors {
            if let every, every < 1 {
                throw CommandError.invalid("--every", "\(every)", allowed: "an integer >= 1")
            }
            if let threads, !(1...Self.maximumThreads).contains(threads) {
                throw CommandError.invalid("--threads", "\(threads)", allowed: "an integer from 1 to \(Self.maximumThreads)")
            }
            let parallelism = threads.map { Parallelism(chunks: $0) } ?? .automatic
            let settings = try options.settings()
            // Without --every only the final state is printed, so only the current state is kept.
            let printedStates = every.map { settings.steps / $0 + 2 } ?? 0
            try MemoryBudget.standard.check(
                "--count", value: settings.count, unit: "point",
                bytesPerUnit: MemoryBudget.bytesPerChainPoint(steps: settings.steps, keepsHistory: every != nil,
                                                              printedStates: printedStates))
            var chain = try SamplingChain(settings: settings, parallelism: parallelism, keepsHistory: every != nil)
            while !chain.isFinished {
                try chain.advance()
                if chain.hasNonFiniteValues && !nonFinite.allowNonfinite { throw NonFiniteResult(chain: chain) }
            }
            if every == nil {
                try PointStream.write(chain.current, format: format.format)
            } else {
                try writeToStandardOutput(PointTables.chain(chain, every: every).text(format.format))
            }
        }
    }
}
