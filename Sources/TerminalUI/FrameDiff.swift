import Canvas

/// A horizontal run of cells to (re)write: row `y`, columns `x ..< x + count`.
public struct CellRun: Sendable, Hashable {
    public var y: Int
    public var x: Int
    public var count: Int

    public init(y: Int, x: Int, count: Int) {
        self.y = y
        self.x = x
        self.count = count
    }
}

/// Which cells changed between two frames, as runs to rewrite. Pure, so the terminal backend
/// and the asciicast recorder share it and tests check it without a terminal.
///
/// ```swift
/// FrameDiff.changedRuns(from: nil, to: frame)      // every row, full width
/// FrameDiff.changedRuns(from: old, to: new)        // only what differs
/// ```
public enum FrameDiff {
    /// The runs of cells of `new` that differ from `old`; every row when `old` is nil or of
    /// another size. Unchanged gaps of at most `mergeGap` cells inside a row are folded into one
    /// run (rewriting a few cells is cheaper than moving the cursor). A run never starts on the
    /// right half of a wide character: it then starts at its left half.
    public static func changedRuns(from old: Frame?, to new: Frame, mergeGap: Int = 0) -> [CellRun] {
        guard let old, old.width == new.width, old.height == new.height else {
            return new.width == 0 ? [] : (0..<new.height).map { CellRun(y: $0, x: 0, count: new.width) }
        }
        var runs: [CellRun] = []
        let width = new.width
        old.cells.withUnsafeBufferPointer { before in
            new.cells.withUnsafeBufferPointer { after in
                for y in 0..<new.height {
                    let row = y * width
                    var start = -1, end = -1
                    for x in 0..<width where before[row + x] != after[row + x] {
                        let touchesWideCharacter = after[row + x].text.isEmpty || before[row + x].text.isEmpty
                        let first = touchesWideCharacter && x > 0 ? x - 1 : x
                        if start >= 0 && first - end <= mergeGap {
                            end = x + 1
                            continue
                        }
                        if start >= 0 { runs.append(CellRun(y: y, x: start, count: end - start)) }
                        start = first
                        end = x + 1
                    }
                    if start >= 0 { runs.append(CellRun(y: y, x: start, count: end - start)) }
                }
            }
        }
        return runs
    }
}
