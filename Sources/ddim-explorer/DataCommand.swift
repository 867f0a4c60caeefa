import ArgumentParser
import Foundation
import ToyWorld

/// `ddim-explorer data`: print points drawn from a dataset itself, or list the datasets.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Print points drawn from a dataset itself (the target of sampling), or list the datasets.",
        discussion: """
        Prints CSV with the header x,y (the same layout as `sample`), or JSON with --format json. \
        --data FILE prints the points read from a file (subsampled to --count when given, standardized with --standardize).

        Examples:
          ddim-explorer data --list
          ddim-explorer data --dataset two-moons --count 1000 --seed 3
          ddim-explorer data --data mine.csv --standardize
        """
    )

    @Flag(help: "List every dataset with a one-line description (CSV name,description, or JSON).")
    var list = false

    @Option(help: ArgumentHelp("Number of points (>= 1). Default: 2000 (all points for --data).", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Seed of the draw. Default: 0.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup var format: FormatOptions

    @OptionGroup(title: "Data")
    var data: DataOptions

    func run() throws {
        try reportingErrors {
            if list {
                try writeToStandardOutput(Self.datasetList().text(format.format))
                return
            }
            if let count {
                guard count >= 1 else { throw CommandError.invalid("--count", "\(count)", allowed: "an integer >= 1") }
                try MemoryBudget.standard.check("--count", value: count, unit: "point", bytesPerUnit: 4 * MemoryLayout<Float>.stride)
            }
            let points: SampleBatch
            if let user = try data.userPoints() {
                points = count.map { Dataset.points(user, name: data.data ?? "data").sample(count: $0, seed: seed) } ?? user
            } else {
                let kind = try data.datasetKind() ?? RunSettings().dataset
                points = Dataset.builtin(kind).sample(count: count ?? RunSettings().count, seed: seed)
            }
            try PointStream.write(points, format: format.format)
        }
    }

    /// Every built-in dataset with its summary.
    static func datasetList() -> DataTable {
        DataTable(columns: ["name", "description"],
                  rows: DatasetKind.allCases.map { [.text($0.rawValue), .text($0.summary)] })
    }
}
