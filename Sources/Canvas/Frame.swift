/// A grid of terminal cells: what one screen (or one exported picture) shows.
///
/// Widgets draw into a `Frame`; the terminal backend diffs two frames and flushes the
/// changed cells; tests compare ``plainText`` with expected lines.
///
/// ```swift
/// var frame = Frame(width: 20, height: 3)
/// frame.put("hello", x: 1, y: 1)
/// print(frame.plainText)
/// ```
public struct Frame: Sendable, Hashable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    /// The whole frame as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; reading outside the frame gives a blank cell and
    /// writing outside it does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Resets every cell to `fill`, keeping the storage (no allocation when the size is unchanged).
    public mutating func clear(_ fill: Cell = .blank) {
        for i in cells.indices { cells[i] = fill }
    }

    /// Resizes the frame, clearing it.
    public mutating func resize(width: Int, height: Int) {
        let w = max(0, width), h = max(0, height)
        if w == self.width && h == self.height { clear(); return }
        self = Frame(width: w, height: h)
    }

    /// Writes `text` one character a cell from (`x`, `y`), clipped to the frame (and to
    /// `clip` when given), keeping each cell's colours unless new ones are given. Returns
    /// the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, foreground: TerminalColor? = nil, background: TerminalColor? = nil, attributes: CellAttributes? = nil, clip: Rect? = nil) -> Int {
        let limit = (clip ?? bounds).intersection(bounds)
        var column = x
        for character in text {
            let width = character.terminalWidth
            if width == 0 { continue }
            if limit.contains(x: column, y: y) && (width == 1 || limit.contains(x: column + 1, y: y)) {
                var cell = self[column, y]
                cell.text = String(character)
                if let foreground { cell.foreground = foreground }
                if let background { cell.background = background }
                if let attributes { cell.attributes = attributes }
                self[column, y] = cell
                if width == 2 {
                    var right = cell
                    right.text = ""
                    self[column + 1, y] = right
                }
            }
            column += width
        }
        return column
    }

    /// The frame as text: one line per row, trailing spaces removed, continuation cells skipped.
    public var plainText: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

extension Frame {
    /// Sets every cell of `rect` (clipped to the frame) to `cell`.
    ///
    /// ```swift
    /// frame.fill(Rect(x: 0, y: 0, width: 10, height: 2), with: Cell(" ", background: .palette(4)))
    /// ```
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = cell }
        }
    }
}
