/// The cells that differ between two frames, as runs per row: what a renderer has to write.
///
/// The curses adapter writes only these runs into ncurses's virtual screen (ncurses then sends
/// only what changed on its own screen), and the in-memory terminal counts them, so a test can
/// check that moving the highlight rewrites two rows and not the whole window.
public struct ScreenDiff: Hashable, Sendable {
    /// A run of changed cells on one row: `[column, column + width)`.
    public struct Run: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var width: Int
    }

    public var runs: [Run]
    /// Every cell changed (first frame, or a new size).
    public var isFull: Bool

    /// Number of cells to rewrite.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.width } }

    /// The runs that turn `old` into `new`. A run never starts on a wide character's
    /// continuation cell and never ends inside a wide character, so writing it is safe.
    public static func between(_ old: Screen?, _ new: Screen) -> ScreenDiff {
        guard let old, old.size == new.size else {
            let runs = (0..<new.size.rows).map { Run(row: $0, column: 0, width: new.size.columns) }
            return ScreenDiff(runs: runs.filter { $0.width > 0 }, isFull: true)
        }
        var runs: [Run] = []
        let columns = new.size.columns
        for row in 0..<new.size.rows {
            var column = 0
            while column < columns {
                if old[row, column] == new[row, column] {
                    column += 1
                    continue
                }
                var start = column
                // Widen to whole characters on both frames.
                while start > 0 && (new[row, start].isContinuation || old[row, start].isContinuation) { start -= 1 }
                var end = column + 1
                while end < columns && old[row, end] != new[row, end] { end += 1 }
                while end < columns && (new[row, end].isContinuation || old[row, end].isContinuation) { end += 1 }
                if let last = runs.last, last.row == row, last.column + last.width >= start {
                    runs[runs.count - 1].width = end - last.column
                } else {
                    runs.append(Run(row: row, column: start, width: end - start))
                }
                column = end
            }
        }
        return ScreenDiff(runs: runs, isFull: false)
    }
}
