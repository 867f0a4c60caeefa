/// How many colours a terminal can show, from 24-bit colour down to none.
///
/// ```swift
/// let depth = ColorDepth.detect(environment: ProcessInfo.processInfo.environment, colors: nil)
/// ```
public enum ColorDepth: String, CaseIterable, Sendable {
    case trueColor = "truecolor"
    case palette256 = "256"
    case palette16 = "16"
    case palette8 = "8"
    case monochrome = "mono"

    /// The depth a terminal supports, from its environment and (when known) curses' colour count.
    ///
    /// Rules, first match wins: a non-empty `NO_COLOR` or `TERM=dumb` gives ``monochrome``;
    /// `COLORTERM` of `truecolor` or `24bit` gives ``trueColor``; a curses colour count gives the
    /// largest depth it covers; otherwise `TERM` decides (`*-direct`/`*truecolor` 24-bit,
    /// `*-256color` 256, `*-16color`/`*-88color` 16, any other non-empty `TERM` 8, none monochrome).
    ///
    /// ```swift
    /// ColorDepth.detect(environment: ["TERM": "xterm-256color"], colors: nil)   // .palette256
    /// ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], colors: 256)   // .monochrome
    /// ```
    public static func detect(environment: [String: String], colors: Int?) -> ColorDepth {
        let term = (environment["TERM"] ?? "").lowercased()
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if term == "dumb" { return .monochrome }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        if let colors {
            switch colors {
            case (1 << 24)...: return .trueColor
            case 256...: return .palette256
            case 16...: return .palette16
            case 8...: return .palette8
            default: return .monochrome
            }
        }
        if term.isEmpty { return .monochrome }
        if term.hasSuffix("-direct") || term.hasSuffix("truecolor") || term.hasSuffix("-24bit") { return .trueColor }
        if term.hasSuffix("256color") { return .palette256 }
        if term.hasSuffix("-16color") || term.hasSuffix("-88color") { return .palette16 }
        return .palette8
    }

    /// Whether the depth shows any colour at all.
    public var hasColor: Bool { self != .monochrome }
}
