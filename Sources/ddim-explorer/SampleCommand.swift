import ArgumentParser
import Foundation
import ToyWorld

/// `ddim-explorer sample`: run the DDIM chain with the exact denoiser and print the points.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Run the DDIM chain on a toy dataset and print the generated points.",
        discussion: """
        Prints the final points as CSV with the header x,y (or JSON with --format json). With --every K it \
        prints the state after every K steps as well (step 0 is the initial noise x_T), with a step column. \
        The same arguments always give byte-identical output, whatever the number of cores.

        Examples:
          ddim-explorer sample --count 5 --steps 10 --seed 1
          ddim-explorer sample --dataset two-moons --eta 1 --steps 20 > moons.csv
          ddim-explorer sample --every 10 --steps 50 --format json
          ddim-explorer sample --scheduler-config sd.json --spacing trailing
          ddim-explorer sample --data mine.csv --standardize --bandwidth 0
        """
    )

    @Option(help: ArgumentHelp("Also print every K-th state, with a step column (K >= 1).", valueName: "K"))
    var every: Int?

    @Option(help: ArgumentHelp("Split the work into at most N threads (>= 1). Default: one per core. The output is the same for any N.",
                               valueName: "n"))
    var threads: Int?

    @OptionGroup var format: FormatOptions

    @OptionGroup var options: RunOptions

    func run() throws {
        try reportingErrors {
            if let every, every < 1 {
                throw CommandError.invalid("--every", "\(every)", allowed: "an integer >= 1")
            }
            if let threads, threads < 1 {
                throw CommandError.invalid("--threads", "\(threads)", allowed: "an integer >= 1")
            }
            let parallelism = threads.map { Parallelism(chunks: $0) } ?? .automatic
            var chain = try SamplingChain(settings: options.settings(), parallelism: parallelism)
            try chain.runToEnd()
            if chain.hasNonFiniteValues {
                printToStandardError("warning: the chain produced NaN or infinite values")
            }
            try writeToStandardOutput(PointTables.chain(chain, every: every).text(format.format))
        }
    }
}
