/// Keys and what they do, laid out in as many columns as fit, filled top to bottom.
///
/// ```swift
/// let help = KeyHelpTable([.init(keys: "space", action: "play / pause"), .init(keys: "← →", action: "step")])
/// help.draw(into: &frame, rect: Rect(x: 0, y: 20, width: 80, height: 3))
/// ```
/// gives `space  play / pause    ← →  step` on one row when there is room.
public struct KeyHelpTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var keys: String
        public var action: String

        public init(keys: String, action: String) {
            self.keys = keys
            self.action = action
        }
    }

    public var entries: [Entry]
    /// Colour of the key names (drawn bold).
    public var keyColor: TerminalColor
    /// Blank columns between table columns.
    public var gap: Int

    public init(_ entries: [Entry], keyColor: TerminalColor = .default, gap: Int = 4) {
        self.entries = entries
        self.keyColor = keyColor
        self.gap = gap
    }

    /// How many rows the table needs at `width`.
    public func rowCount(width: Int) -> Int {
        let columns = columnCount(width: width)
        return (entries.count + columns - 1) / columns
    }

    /// Draws the table into `rect` (entries that do not fit are left out) and returns the rows it used.
    @discardableResult
    public func draw(into frame: inout Frame, rect: Rect) -> Int {
        guard !entries.isEmpty, !rect.isEmpty else { return 0 }
        let columns = columnCount(width: rect.width)
        let rows = min(rect.height, (entries.count + columns - 1) / columns)
        let keyWidth = entries.map(\.keys.terminalWidth).max() ?? 0
        let columnWidth = (rect.width - gap * (columns - 1)) / columns
        for (index, entry) in entries.enumerated() {
            let column = index / max(1, (entries.count + columns - 1) / columns)
            let row = index % max(1, (entries.count + columns - 1) / columns)
            guard row < rows, column < columns else { continue }
            let x = rect.x + column * (columnWidth + gap), y = rect.y + row
            let cellRect = Rect(x: x, y: y, width: columnWidth, height: 1).intersection(rect)
            let keys = entry.keys.padded(toWidth: min(keyWidth, columnWidth), alignment: .right)
            let after = frame.put(keys, x: x, y: y, foreground: keyColor, attributes: .bold, clip: cellRect)
            frame.put(entry.action.truncated(toWidth: max(0, x + columnWidth - after - 2)), x: after + 2, y: y, attributes: [], clip: cellRect)
        }
        return rows
    }

    /// As many columns as fit each entry in full (at least one).
    func columnCount(width: Int) -> Int {
        let keyWidth = entries.map(\.keys.terminalWidth).max() ?? 0
        let actionWidth = entries.map(\.action.terminalWidth).max() ?? 0
        let entryWidth = keyWidth + 2 + actionWidth
        return max(1, min(entries.count, (width + gap) / (entryWidth + gap)))
    }
}
