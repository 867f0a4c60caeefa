import ArgumentParser

/// `--allow-nonfinite`: print NaN and infinity as data instead of failing with exit status 3.
///
/// ```
/// ddim-explorer sample --eta 1e30 --allow-nonfinite   # prints nan rows, exit status 0
/// ```
struct NonFiniteOptions: ParsableArguments {
    @Flag(help: "Print the raw values when the run produces NaN or infinity (CSV nan/inf, JSON null) instead of failing with exit status 3.")
    var allowNonfinite = false

    init() {}
}
