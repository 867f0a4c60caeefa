import ArgumentParser
import Foundation

/// Where the points come from: a built-in dataset or a CSV/TSV file, and the exact denoiser's bandwidth.
///
/// ```
/// ddim-explorer sample --dataset two-moons
/// ddim-explorer sample --data my-points.csv --standardize --bandwidth 0
/// ```
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Built-in dataset (list them with `ddim-explorer data --list`). Default: eight-gaussians (two-moons for explore).",
                               valueName: "name"))
    var dataset: String?

    @Option(help: ArgumentHelp("Your own points: a CSV or TSV file of x,y rows (header optional, # comments).",
                               valueName: "file"))
    var data: String?

    @Flag(help: "Standardize the --data points to zero mean and unit standard deviation per coordinate.")
    var standardize = false

    @Option(help: ArgumentHelp(
        "Kernel width of the exact denoiser over a point set (>= 0). 0 is the empirical 'ideal denoiser': it can only reproduce (memorize) the reference points. Default: the dataset's own noise (closed form for Gaussian mixtures).",
        valueName: "h"))
    var bandwidth: Float?

    init() {}
}
