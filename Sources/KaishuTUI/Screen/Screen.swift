/// A frame of the workbench: a grid of styled cells plus where the text cursor is.
///
/// `view(state)` builds one of these; the ncurses adapter copies it into ncurses's virtual
/// screen (which sends only what changed), and tests read it back as text (`text`) or as style
/// runs (`styleRuns(row:)`). Writing never splits a grapheme cluster and never leaves half a
/// wide character behind: overwriting either half of one blanks the other half.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should blink (an input field), or `nil` to hide it.
    public var cursor: Point?
    public let measure: DisplayWidth

    public init(size: Size, measure: DisplayWidth = .standard) {
        self.size = size
        self.measure = measure
        self.cells = Array(repeating: .blank, count: size.rows * size.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Rows as text, continuation cells skipped and trailing spaces trimmed: the snapshot form.
    public var text: String {
        (0..<size.rows).map { rowText($0) }.joined(separator: "\n")
    }

    /// One row as text (trailing spaces trimmed).
    public func rowText(_ row: Int) -> String {
        var line = ""
        for column in 0..<size.columns {
            let cell = self[row, column]
            if !cell.isContinuation { line += cell.text }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Consecutive runs of equal style on a row: `(first column, width, style)`.
    public func styleRuns(row: Int) -> [(column: Int, width: Int, style: Style)] {
        var runs: [(column: Int, width: Int, style: Style)] = []
        for column in 0..<size.columns {
            let style = self[row, column].style
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].width += 1
            } else {
                runs.append((column, 1, style))
            }
        }
        return runs
    }

    /// The style of the cell at a point.
    public func style(row: Int, column: Int) -> Style { self[row, column].style }

    // MARK: - Drawing

    /// Writes `text` from `(row, column)`, clipped to `limit` columns (default: to the right
    /// edge). Returns the number of columns written. A wide character that would cross the
    /// limit is replaced by a space. Control characters are drawn as spaces.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, column: Int, limit: Int? = nil,
        style: Style = .text
    ) -> Int {
        guard row >= 0, row < size.rows, column < size.columns else { return 0 }
        let end = min(size.columns, column + (limit ?? size.columns))
        if DisplayWidth.isClusterPerScalar(text) {
            return putScalars(text, row: row, column: column, end: end, style: style)
        }
        return putClusters(text, row: row, column: column, end: end, style: style)
    }

    /// `put`, one grapheme cluster at a time: any text (marks, emoji sequences, ｶﾞ).
    mutating func putClusters(
        _ text: some StringProtocol, row: Int, column: Int, end: Int, style: Style
    ) -> Int {
        var x = column
        for character in text {
            if x >= end { break }
            var cluster = String(character)
            var w = measure.width(of: character)
            if Screen.isControl(character) {
                cluster = " "
                w = 1
            }
            if w == 0 { continue }
            if !place(cluster, width: w, row: row, x: &x, end: end, style: style) { break }
        }
        return max(0, x - column)
    }

    /// `put` for text whose every scalar is a grapheme cluster of its own
    /// (`DisplayWidth.isClusterPerScalar`): the same cells, without grapheme breaking.
    mutating func putScalars(
        _ text: some StringProtocol, row: Int, column: Int, end: Int, style: Style
    ) -> Int {
        var x = column
        for scalar in text.unicodeScalars {
            if x >= end { break }
            let value = scalar.value
            var w: Int
            var cluster: String
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                cluster = " "
                w = 1
            } else {
                w = value < 0x7F ? 1 : measure.width(of: scalar)
                if w == 0 { continue }
                cluster = String(scalar)
            }
            if !place(cluster, width: w, row: row, x: &x, end: end, style: style) { break }
        }
        return max(0, x - column)
    }

    /// Draws one cluster `w` columns wide at `x` and moves past it. Left of the screen it only
    /// advances; where it would cross `end` the remaining columns become spaces and it returns
    /// `false` (nothing more fits).
    private mutating func place(
        _ cluster: String, width w: Int, row: Int, x: inout Int, end: Int, style: Style
    ) -> Bool {
        if x < 0 {
            x += w
            return true
        }
        if x + w > end {
            while x < end {
                setCell(row: row, column: x, Cell(" ", style: style))
                x += 1
            }
            return false
        }
        setCell(row: row, column: x, Cell(cluster, width: UInt8(w), style: style))
        if w == 2 { setCell(row: row, column: x + 1, Cell("", width: 0, style: style)) }
        x += w
        return true
    }

    /// Writes `text` fitted to exactly `width` columns (padded or cut with `…`).
    ///
    /// Text that fits (most cells of a table) is drawn in place with its padding around it, the
    /// same cells as drawing `measure.fit(...)`, without building the padded string.
    public mutating func put(
        fitting text: some StringProtocol, row: Int, column: Int, width: Int,
        align: Alignment = .left, style: Style = .text
    ) {
        guard width > 0 else { return }
        let textWidth = measure.width(of: text)
        // Text that starts with a mark or joiner would join the padding before it into one
        // cluster in the padded string: take the string path so the cells stay the same.
        let joinsPadding =
            align != .left && textWidth < width
            && text.unicodeScalars.first.map { !DisplayWidth.standsAlone($0.value) } == true
        guard textWidth <= width, !joinsPadding else {
            put(
                measure.fit(text, width: width, align: align), row: row, column: column, limit: width,
                style: style)
            return
        }
        let pad = width - textWidth
        let leading =
            switch align {
            case .left: 0
            case .right: pad
            case .center: pad / 2
            }
        fill(row: row, column: column, width: leading, style: style)
        let written = put(text, row: row, column: column + leading, limit: width - leading, style: style)
        fill(row: row, column: column + leading + written, width: width - leading - written, style: style)
    }

    /// Fills `width` cells of a row with spaces in `style`.
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: Style) {
        guard row >= 0, row < size.rows else { return }
        let start = max(0, column)
        let end = min(size.columns, column + (width ?? size.columns))
        guard start < end else { return }
        for x in start..<end { setCell(row: row, column: x, Cell(" ", style: style)) }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        for row in rect.row..<(rect.row + rect.rows) {
            fill(row: row, column: rect.column, width: rect.columns, style: style)
        }
    }

    /// Changes the style of existing cells without touching their text.
    public mutating func restyle(row: Int, column: Int = 0, width: Int? = nil, _ change: (inout Style) -> Void) {
        guard row >= 0, row < size.rows else { return }
        let start = max(0, column)
        let end = min(size.columns, column + (width ?? size.columns))
        guard start < end else { return }
        for x in start..<end { change(&cells[row * size.columns + x].style) }
    }

    /// A box border around `rect` in line-drawing characters (the ncurses adapter draws these
    /// with the terminal's own line drawing set), with an optional title on the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = Style(.border)) {
        guard rect.rows >= 2, rect.columns >= 2 else { return }
        let top = rect.row
        let bottom = rect.row + rect.rows - 1
        let left = rect.column
        let right = rect.column + rect.columns - 1
        for x in (left + 1)..<right {
            put("─", row: top, column: x, style: style)
            put("─", row: bottom, column: x, style: style)
        }
        for y in (top + 1)..<bottom {
            put("│", row: y, column: left, style: style)
            put("│", row: y, column: right, style: style)
        }
        put("┌", row: top, column: left, style: style)
        put("┐", row: top, column: right, style: style)
        put("└", row: bottom, column: left, style: style)
        put("┘", row: bottom, column: right, style: style)
        if let title, rect.columns > 6 {
            let text = measure.truncate(" \(title) ", width: rect.columns - 4)
            put(text, row: top, column: left + 2, style: Style(.dialogTitle, selected: style.selected))
        }
    }

    static func isControl(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first?.value else { return false }
        return first < 0x20 || (0x7F...0x9F).contains(first)
    }

    /// Sets one cell, blanking the other half of any wide character it overwrites.
    private mutating func setCell(row: Int, column: Int, _ cell: Cell) {
        let index = row * size.columns + column
        let old = cells[index]
        if old.isContinuation, column > 0, cell.width != 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if old.width == 2, column + 1 < size.columns, cell.width != 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    /// A rectangle of the given size centred in `size`.
    public static func centered(rows: Int, columns: Int, in size: Size) -> Rect {
        let r = min(rows, size.rows)
        let c = min(columns, size.columns)
        return Rect(row: (size.rows - r) / 2, column: (size.columns - c) / 2, rows: r, columns: c)
    }

    /// The area inside a one-cell border.
    public var inner: Rect { Rect(row: row + 1, column: column + 1, rows: rows - 2, columns: columns - 2) }
}
