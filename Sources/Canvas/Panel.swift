/// A box with an optional title in its top edge; the content goes in ``contentRect(for:)``.
///
/// ```swift
/// let panel = Panel(title: "two-moons · step 50/50")
/// let inside = panel.draw(into: &frame, rect: Rect(x: 0, y: 0, width: 40, height: 12))
/// renderer.draw(samples, into: &frame, rect: inside, viewport: view, style: style)
/// ```
/// gives
/// ```text
/// ╭─ two-moons · step 50/50 ─────────────╮
/// │                                      │
/// ╰──────────────────────────────────────╯
/// ```
public struct Panel: Sendable, Hashable {
    public var title: String?
    public var border: BorderStyle
    public var titleAlignment: TextAlignment
    /// Colour of the border and title.
    public var color: TerminalColor
    /// Attributes of the title (the border is drawn plain).
    public var titleAttributes: CellAttributes

    public init(title: String? = nil, border: BorderStyle = .rounded, titleAlignment: TextAlignment = .left,
                color: TerminalColor = .default, titleAttributes: CellAttributes = .bold) {
        self.title = title
        self.border = border
        self.titleAlignment = titleAlignment
        self.color = color
        self.titleAttributes = titleAttributes
    }

    /// The inside of the box drawn in `rect`.
    public func contentRect(for rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the box clipped to the frame, clears its inside, and returns the inside.
    /// A rectangle less than 2 cells wide or tall draws nothing and returns an empty rectangle.
    @discardableResult
    public func draw(into frame: inout Frame, rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        func edge(_ character: Character, _ x: Int, _ y: Int) {
            frame.put(String(character), x: x, y: y, foreground: color, attributes: [])
        }
        edge(border.topLeft, rect.x, rect.y)
        edge(border.topRight, right, rect.y)
        edge(border.bottomLeft, rect.x, bottom)
        edge(border.bottomRight, right, bottom)
        for x in (rect.x + 1)..<right {
            edge(border.horizontal, x, rect.y)
            edge(border.horizontal, x, bottom)
        }
        for y in (rect.y + 1)..<bottom {
            edge(border.vertical, rect.x, y)
            edge(border.vertical, right, y)
        }
        let inside = contentRect(for: rect)
        frame.fill(inside)
        if let title, !title.isEmpty, rect.width >= 6 {
            let ascii = border == .ascii
            let text = " " + title.truncated(toWidth: rect.width - 6, ellipsis: ascii ? "..." : "…") + " "
            let spare = rect.width - 4 - text.terminalWidth
            let offset: Int
            switch titleAlignment {
            case .left: offset = 0
            case .center: offset = spare / 2
            case .right: offset = spare
            }
            frame.put(text, x: rect.x + 2 + offset, y: rect.y, foreground: color, attributes: titleAttributes)
        }
        return inside
    }
}
