/// The style part of a cell after fitting to a colour depth, and the one SGR encoder: the
/// escape sequence from one style to another, used by ``Frame/ansiText(depth:)`` and the
/// terminal backend's recordings alike.
///
/// ```swift
/// let red = SGRStyle(cell: Cell("x", foreground: .rgb(255, 0, 0)), depth: .palette256)
/// red.sequence(from: .plain)   // "\u{1B}[38;5;196m"
/// ```
public struct SGRStyle: Equatable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    /// No colours, no attributes: the terminal after `ESC [ 0 m`.
    public static let plain = SGRStyle(foreground: .default, background: .default, attributes: [])

    public init(foreground: TerminalColor, background: TerminalColor, attributes: CellAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The style of `cell` with its colours fitted to `depth` (``ColorDepth/convert(_:role:)``).
    public init(cell: Cell, depth: ColorDepth) {
        self.init(foreground: depth.convert(cell.foreground, role: .foreground), background: depth.convert(cell.background),
                  attributes: cell.attributes)
    }

    /// A blank that looks the same with no style at all (so it can be trimmed at the end of a line).
    func isInvisibleBlank(text: String) -> Bool {
        (text == " " || text.isEmpty) && background == .default && attributes.isDisjoint(with: [.reverse, .underline])
    }

    /// Whether a space in this style looks the same as a space in `other` (same background, and
    /// neither underlines nor reverses), so that no sequence is needed for it.
    func looksBlankLike(_ other: SGRStyle) -> Bool {
        background == other.background && isInvisibleBlank(text: " ") && other.isInvisibleBlank(text: " ")
    }

    /// The escape sequence that turns `previous` into this style: only what changes, after a
    /// reset (`0`) when something must be switched off.
    public func sequence(from previous: SGRStyle) -> String {
        let mustReset = !previous.attributes.isSubset(of: attributes)
            || (foreground == .default && previous.foreground != .default)
            || (background == .default && previous.background != .default)
        var parameters: [String] = mustReset ? ["0"] : []
        let base = mustReset ? SGRStyle.plain : previous
        for (flag, code) in Self.attributeCodes where attributes.contains(flag) && !base.attributes.contains(flag) {
            parameters.append(code)
        }
        if foreground != base.foreground, let code = Self.colorCode(foreground, background: false) { parameters.append(code) }
        if background != base.background, let code = Self.colorCode(background, background: true) { parameters.append(code) }
        return "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }

    static let attributeCodes: [(CellAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]

    static func colorCode(_ color: TerminalColor, background: Bool) -> String? {
        switch color {
        case .default: return nil
        case .palette(let index) where index < 8: return (background ? "4" : "3") + String(index)
        case .palette(let index) where index < 16: return (background ? "10" : "9") + String(index - 8)
        case .palette(let index): return (background ? "48;5;" : "38;5;") + String(index)
        case .rgb(let r, let g, let b): return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
        }
    }
}
