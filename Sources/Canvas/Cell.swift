/// One terminal cell: a grapheme with its colours and attributes.
///
/// A wide character (for example a CJK ideograph) occupies its cell and the next; the next
/// cell then holds ``Cell/continuation`` so that renderers skip it.
///
/// ```swift
/// let dot = Cell("⣿", foreground: .rgb(250, 200, 80))
/// ```
public struct Cell: Sendable, Hashable {
    /// What the cell shows: one grapheme cluster, or "" for the right half of a wide one.
    public var text: String
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(_ text: String = " ", foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: CellAttributes = []) {
        self.text = text
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// An empty cell with default colours.
    public static let blank = Cell()
    /// The right half of a wide character.
    public static let continuation = Cell("")
}
