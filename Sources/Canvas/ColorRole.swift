/// Whether a colour is for the glyph or for the cell behind it: a foreground fitted to 16 or 8
/// colours never turns black unless it is near black itself, so text stays visible on a dark terminal.
///
/// ```swift
/// ColorDepth.palette8.convert(.rgb(40, 40, 90), role: .foreground)   // .palette(4), not 0
/// ```
public enum ColorRole: Sendable {
    case foreground, background
}
