/// Hands out curses colour pairs for (foreground, background) colour numbers, creating each once.
///
/// When the terminal's pairs run out (only 64 under `TERM=screen`) or creating one fails, it
/// falls back to the foreground on the default background, then to pair 0 (default colours),
/// so a full table degrades colours instead of drawing black on black.
///
/// ```swift
/// var table = ColorPairTable(capacity: 256)
/// let pair = table.pair(foreground: 196, background: -1) { number, fg, bg in init_extended_pair(number, fg, bg) == OK }
/// ```
struct ColorPairTable {
    struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Number of pairs the terminal has (`COLOR_PAIRS`); pair 0 is reserved for default colours.
    let capacity: Int32
    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1

    init(capacity: Int32) { self.capacity = capacity }

    /// Pairs created so far.
    var count: Int { Int(next - 1) }

    mutating func pair(foreground: Int32, background: Int32, create: (Int32, Int32, Int32) -> Bool) -> Int32 {
        let colors = Colors(foreground: foreground, background: background)
        if foreground == -1 && background == -1 { return 0 }
        if let known = pairs[colors] { return known }
        if next < capacity && create(next, foreground, background) {
            pairs[colors] = next
            next += 1
            return next - 1
        }
        let fallback = background == -1 ? 0 : pair(foreground: foreground, background: -1, create: create)
        pairs[colors] = fallback
        return fallback
    }
}
