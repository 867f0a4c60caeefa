/// How many colours the terminal shows. Local stand-in for Canvas's `ColorDepth` until the
/// canvas branch is merged; the cases and raw values match the contract.
enum ColorDepth: String, CaseIterable, Sendable {
    case trueColor = "truecolor", palette256 = "256", palette16 = "16", palette8 = "8", monochrome = "mono"

    /// `NO_COLOR` (any non-empty value) wins, then `COLORTERM=truecolor|24bit`, then the number
    /// of colours terminfo reports.
    static func detect(environment: [String: String], colors: Int?) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        guard let colors else { return .monochrome }
        if colors >= 1 << 24 { return .trueColor }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .palette16 }
        if colors >= 8 { return .palette8 }
        return .monochrome
    }
}
