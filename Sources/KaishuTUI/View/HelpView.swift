/// The `?` overlay: the key table, as the code dispatches it, in a scrollable box.
public enum HelpView {
    static func box(in size: Size) -> Rect {
        let columns = size.columns >= 60 ? size.columns - 4 : size.columns
        return Rect(row: 0, column: (size.columns - columns) / 2, rows: size.rows, columns: columns)
    }

    /// Lines of the table visible at once.
    public static func bodyRows(in size: Size) -> Int { max(1, box(in: size).rows - 3) }

    static func draw(_ screen: inout Screen, scroll: Int, keys: KeyMap) {
        let rect = box(in: screen.size)
        screen.fill(rect, style: Style(.dialog))
        screen.box(rect, title: "Keys (generated from the key table)")
        let lines = keys.helpLines()
        let rows = bodyRows(in: screen.size)
        let keyWidth = min(24, max(10, rect.columns / 3))
        let x = rect.column + 2
        let width = rect.columns - 4
        for offset in 0..<rows {
            let index = scroll + offset
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            let row = rect.row + 1 + offset
            if line.heading {
                screen.put(fitting: line.text, row: row, column: x, width: width, style: Style(.header))
            } else {
                screen.put(fitting: line.keys, row: row, column: x, width: keyWidth, style: Style(.key))
                screen.put(fitting: line.text, row: row, column: x + keyWidth + 1, width: max(0, width - keyWidth - 1))
            }
        }
        let more = scroll + rows < lines.count
        let footer = (more ? "j/k, PgDn scroll  " : "") + "any other key closes"
        screen.put(fitting: footer, row: rect.row + rect.rows - 2, column: x, width: width, style: Style(.muted))
    }
}
