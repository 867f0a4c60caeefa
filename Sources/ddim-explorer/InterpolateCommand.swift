import ArgumentParser
import Foundation
import ToyWorld

/// `ddim-explorer interpolate`: slerp between the initial noise of two seeds and decode each mix with DDIM.
struct InterpolateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interpolate",
        abstract: "Interpolate between two noise seeds (slerp, DDIM paper section 5.3) and decode each with DDIM (eta = 0).",
        discussion: """
        Draws x_T for --seed and for --to-seed, mixes them by spherical interpolation at --frames evenly \
        spaced alphas from 0 to 1 (the whole batch is one latent, as an image is in the paper), and decodes \
        every mix with deterministic DDIM. Prints CSV alpha,x,y (or --format json). alpha = 0 gives exactly \
        the points of `sample --seed A --eta 0` with the same options; because DDIM with eta = 0 is a fixed \
        map from noise to data, nearby alphas give nearby point clouds.

        Examples:
          ddim-explorer interpolate --seed 1 --to-seed 2 --frames 5 --count 200
          ddim-explorer interpolate --dataset two-moons --steps 20 --format json
        """
    )

    @Option(help: ArgumentHelp("Seed of the second noise batch. Default: --seed + 1.", valueName: "seed"))
    var toSeed: UInt64?

    @Option(help: ArgumentHelp("Number of alphas from 0 to 1, both included (>= 2). Default: 9.", valueName: "n"))
    var frames: Int = 9

    @OptionGroup var format: FormatOptions

    @OptionGroup var nonFinite: NonFiniteOptions

    @OptionGroup var options: RunOptions

    func run() throws {
        try reportingErrors {
            guard frames >= 2 else { throw CommandError.invalid("--frames", "\(frames)", allowed: "an integer >= 2") }
            let settings = try options.settings()
            guard settings.eta == 0 else {
                throw CommandError.invalid("--eta", "\(settings.eta)", allowed: "0 (interpolation decodes with deterministic DDIM)")
            }
            // Every frame's rows are held until the table is printed.
            let bytesPerFrame = settings.count.multipliedReportingOverflow(by: MemoryBudget.bytesPerPrintedRow)
            try MemoryBudget.standard.check("--frames", value: frames, unit: "frame of \(settings.count) points",
                                            bytesPerUnit: bytesPerFrame.overflow ? Int.max : bytesPerFrame.partialValue,
                                            fixedBytes: settings.count * 8 * MemoryLayout<Float>.stride)
            let interpolation = try NoiseInterpolation(settings: settings, secondSeed: toSeed)
            let alphas = (0..<frames).map { Float($0) / Float(frames - 1) }
            var rows: [[DataValue]] = []
            for alpha in alphas {
                let points = try interpolation.decode(alpha: alpha)
                if !points.isFinite && !nonFinite.allowNonfinite {
                    throw NonFiniteResult(alpha: alpha, settings: settings, scheduler: interpolation.scheduler)
                }
                rows += PointTables.rows(points, leading: [.float(alpha)])
            }
            let dimension = interpolation.first.dimension
            let table = DataTable(columns: ["alpha"] + PointTables.coordinateColumns(dimension), rows: rows)
            try writeToStandardOutput(table.text(format.format))
        }
    }
}
