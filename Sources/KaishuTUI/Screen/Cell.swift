/// A terminal size in character cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    public var description: String { "\(columns)x\(rows)" }
}

/// A position on the screen, 0-based.
public struct Point: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// How a cell is drawn: the role it plays, and whether it lies in the highlighted row.
///
/// Selection is a flag rather than a role so a highlighted row keeps its meaning: the days-left
/// figure of the selected case is still red on the selection background.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var selected: Bool

    public init(_ role: Role, selected: Bool = false) {
        self.role = role
        self.selected = selected
    }

    public static let text = Style(.text)
}

/// One character cell of the screen.
///
/// A wide character (two columns) sits in its first cell with `width == 2`; the cell to its
/// right is a *continuation* (`width == 0`, empty text) that the renderer skips. This is the
/// ratatui/ncurses model: a cursor never lands inside a character.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, or `""` in a continuation cell.
    public var text: String
    /// 1 or 2 for a cell that starts a character, 0 for a continuation.
    public var width: UInt8
    public var style: Style

    public init(_ text: String, width: UInt8 = 1, style: Style = .text) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    public var isContinuation: Bool { width == 0 }
}
