import Canvas

/// The help overlay: every key of ``KeyTable``, grouped, in as many columns as the screen needs.
enum HelpOverlay {
    static let title = "Keys — ? or Esc closes"

    /// The entries in help order: a heading line per group, then its keys.
    static func entries() -> [(keys: String, summary: String, isHeading: Bool)] {
        var result: [(String, String, Bool)] = []
        for group in KeyGroup.allCases {
            result.append((group.rawValue, "", true))
            for binding in KeyTable.bindings where binding.group == group {
                result.append((binding.label, binding.summary, false))
            }
            if group == .view { result.append(("click", "track the nearest point", false)) }
        }
        return result
    }

    static func draw(in bounds: Rect, ascii: Bool, into frame: inout Frame) {
        let rect = bounds.inset(by: bounds.width >= 90 ? 3 : 1)
        guard rect.width >= 20, rect.height >= 5 else { return }
        for y in rect.y..<rect.maxY { frame.put(String(repeating: " ", count: rect.width), x: rect.x, y: y, foreground: .default, background: .default, attributes: []) }
        let inside = Panel(title: title, border: ascii ? .ascii : .double, titleAlignment: .center).draw(into: &frame, rect: rect)
        var items = entries()
        // Drop the headings when the keys alone do not fit otherwise.
        var columns = Int((Double(items.count) / Double(max(1, inside.height))).rounded(.up))
        if columns * 24 > inside.width {
            items = items.filter { !$0.isHeading }
            columns = Int((Double(items.count) / Double(max(1, inside.height))).rounded(.up))
        }
        let columnWidth = inside.width / max(1, columns)
        let keyWidth = min(11, max(4, columnWidth / 3))
        for (index, item) in items.enumerated() {
            let column = index / max(1, inside.height), row = index % max(1, inside.height)
            let x = inside.x + column * columnWidth, y = inside.y + row
            guard y < inside.maxY, x < inside.maxX else { continue }
            if item.isHeading {
                frame.put(Text.fit(item.keys, columnWidth - 1), x: x, y: y, attributes: [.bold, .underline])
            } else {
                frame.put(Text.fit(item.keys, keyWidth), x: x, y: y, attributes: .bold)
                frame.put(Text.fit(item.summary, columnWidth - keyWidth - 2), x: x + keyWidth + 1, y: y)
            }
        }
    }
}
