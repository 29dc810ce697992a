import KaishuCore
import KaishuLetters

/// The letter pane: the draft over the whole page (the status line stays), a notice or
/// question line, and the pane's keys.
enum LetterView {
    static func rect(in size: Size) -> Rect {
        Rect(row: 0, column: 0, rows: max(5, size.rows - 1), columns: size.columns)
    }

    /// Columns of letter text: inside the border with a space each side.
    static func bodyWidth(in size: Size) -> Int { max(1, rect(in: size).columns - 4) }

    /// Lines of letter text visible at once: the box minus its borders, two notice lines and
    /// the key line.
    static func bodyRows(in size: Size) -> Int { max(1, rect(in: size).rows - 5) }

    static func draw(_ screen: inout Screen, _ pane: LetterPane, state: AppState) {
        let rect = rect(in: screen.size)
        screen.fill(rect, style: Style(.dialog))
        screen.box(rect, title: pane.title)
        let inner = Rect(
            row: rect.row + 1, column: rect.column + 2, rows: bodyRows(in: screen.size),
            columns: bodyWidth(in: screen.size))
        let doc = LetterDocument.document(pane, width: inner.columns, measure: screen.measure)
        doc.draw(into: &screen, rect: inner, first: pane.scroll)
        if pane.scroll + inner.rows < doc.lines.count {
            screen.put(
                "v", row: inner.row + inner.rows - 1, column: rect.column + rect.columns - 2, style: Style(.muted))
        }
        if pane.scroll > 0 {
            screen.put("^", row: inner.row, column: rect.column + rect.columns - 2, style: Style(.muted))
        }

        let noticeRow = rect.row + rect.rows - 4
        let footerRow = rect.row + rect.rows - 2
        if let notice = pane.notice {
            let role: Role =
                switch notice.kind {
                case .info: pane.question != nil ? .warning : .text
                case .success: .success
                case .warning: .warning
                case .error: .error
                }
            let lines = screen.measure.wrap(notice.text, width: inner.columns)
            for (offset, line) in lines.prefix(2).enumerated() {
                let text = offset == 1 && lines.count > 2 ? line + " " + lines[2...].joined(separator: " ") : line
                screen.put(
                    fitting: text, row: noticeRow + offset, column: inner.column, width: inner.columns,
                    style: Style(role))
            }
        }
        var footer: [Span]
        if pane.question != nil {
            footer = [
                Span("y", .key), Span(pane.question == .send ? " send   " : " record   ", .muted),
                Span("any other key", .key), Span(" cancels", .muted),
            ]
        } else if let work = pane.work {
            let what: String =
                switch work {
                case .writing: "writing the file…"
                case .editing: "in your editor…"
                case .sending: "sending: wait for the mail command and the case book"
                case .recording: "recording: wait for the case book"
                }
            footer = [Span(what, .muted)]
        } else {
            footer = [
                Span("j/k", .key), Span(" scroll  ", .muted), Span("w", .key), Span(" write  ", .muted),
                Span("E", .key), Span(" edit  ", .muted),
            ]
            if pane.kind == .email { footer += [Span("s", .key), Span(" send  ", .muted)] }
            footer += [Span("r", .key), Span(" record sent  ", .muted)]
            if pane.kind == .certified { footer += [Span("D", .key), Span(" delivered  ", .muted)] }
            footer += [Span("Esc", .key), Span(" close", .muted)]
        }
        var x = inner.column
        for span in footer where x < inner.column + inner.columns {
            x += screen.put(
                span.text, row: footerRow, column: x, limit: inner.column + inner.columns - x, style: Style(span.role))
        }
    }
}
