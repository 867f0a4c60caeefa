/// A colour a terminal cell can show, from the richest (truecolor) to the terminal's default.
///
/// ```swift
/// let orange = TerminalColor.rgb(255, 140, 0)
/// let red = TerminalColor.palette(1)
/// ```
public enum TerminalColor: Sendable, Hashable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// One of the terminal's indexed colours (0–7 basic, 8–15 bright, 16–255 the 256-colour cube and greys).
    case palette(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes of a cell.
///
/// ```swift
/// let style: CellAttributes = [.bold, .reverse]
/// ```
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let italic = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
    public static let reverse = CellAttributes(rawValue: 1 << 4)
}
