import Canvas

/// A colour as it will actually be sent to one terminal.
public enum ResolvedColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Maps the canvas's colours to what a terminal of a given depth can show: truecolor as is
/// (when the terminal takes 24-bit colour numbers), otherwise the nearest palette index.
///
/// ```swift
/// let mapper = ColorMapper(depth: .palette256, directColor: false)
/// mapper.resolve(.rgb(255, 0, 0), role: .foreground)   // .indexed(196)
/// ```
struct ColorMapper: Sendable {
    let depth: ColorDepth
    /// The terminal accepts 24-bit RGB colour numbers (terminfo `COLORS` >= 2^24, e.g. `xterm-direct`).
    /// Without it, truecolor depth still falls back to the 256 palette when drawing through curses.
    let directColor: Bool

    func resolve(_ color: TerminalColor, role: ColorRole) -> ResolvedColor {
        switch (depth, color) {
        case (.trueColor, .rgb(let r, let g, let b)) where directColor:
            return .rgb(r, g, b)
        case (.trueColor, .palette(let index)) where directColor && index >= 16:
            let (r, g, b) = XtermPalette.rgb(ofIndex: index)
            return .rgb(r, g, b)
        default:
            // Through curses without direct colour, truecolor falls back to the 256 palette.
            switch (depth == .trueColor ? .palette256 : depth).convert(color, role: role) {
            case .default: return .terminalDefault
            case .palette(let index): return .indexed(index)
            case .rgb(let r, let g, let b): return .rgb(r, g, b)
            }
        }
    }

    /// The depth colours are fitted to in ANSI text: truecolor only when the terminal takes 24-bit colours.
    var textDepth: ColorDepth {
        depth == .trueColor && !directColor ? .palette256 : depth
    }

    /// The curses colour number: -1 for the terminal default, the index, or (direct colour)
    /// `r << 16 | g << 8 | b`, kept at 8 or above because direct-colour terminfo treats 0–7 as
    /// the ANSI colours.
    static func cursesNumber(_ color: ResolvedColor) -> Int32 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let index): return Int32(index)
        case .rgb(let r, let g, let b): return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        }
    }
}
