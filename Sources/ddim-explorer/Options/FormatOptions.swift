import ArgumentParser

/// The machine-readable layouts of the headless commands' stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Comma-separated values with a header line.
    case csv
    /// One JSON document.
    case json
}

/// `--format csv|json`, shared by the commands that print points or tables.
///
/// ```
/// ddim-explorer sample --format json
/// ```
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: csv (with a header line) or json.")
    var format: OutputFormat = .csv

    init() {}
}
