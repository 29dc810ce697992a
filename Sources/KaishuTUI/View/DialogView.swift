import KaishuCore

/// The dialogs: outcome picker, stage picker, escalation confirmation and forms. Each is a
/// box centred on the page, sized to its content, with the keys it accepts on its last line.
enum DialogView {
    static func draw(_ screen: inout Screen, _ overlay: Overlay, state: AppState, keys: KeyMap) {
        switch overlay {
        case .outcomePicker(let target):
            outcomePicker(&screen, target, keys: keys)
        case .stagePicker(let target, let stages):
            stagePicker(&screen, target, stages: stages)
        case .escalation(let dialog):
            escalation(&screen, dialog)
        case .form(let form):
            formBox(&screen, form, today: state.today)
        case .filter:
            break  // drawn on the queue's hint line
        case .letter(let pane):
            LetterView.draw(&screen, pane, state: state)
        case .quietHours(let question):
            quietHours(&screen, question, state: state)
        }
    }

    static func boxWidth(_ screen: Screen, preferred: Int = 68) -> Int {
        min(preferred, screen.size.columns - 2)
    }

    /// Draws a box with a title around a document and a footer line; returns the box.
    @discardableResult
    static func box(_ screen: inout Screen, title: String, _ doc: Document, footer: [Span]) -> Rect {
        let maxRows = screen.size.rows - 2
        let rows = min(maxRows, doc.lines.count + 4)
        let rect = Rect.centered(rows: rows, columns: doc.width + 4, in: screen.size)
        screen.fill(rect, style: Style(.dialog))
        screen.box(rect, title: title)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, rows: rect.rows - 3, columns: rect.columns - 4)
        // Bodies longer than the window keep their last lines (errors, the current field).
        let first = max(0, doc.lines.count - inner.rows)
        doc.draw(into: &screen, rect: inner, first: first)
        var x = inner.column
        let footerRow = rect.row + rect.rows - 2
        for span in footer where x < inner.column + inner.columns {
            x += screen.put(
                span.text, row: footerRow, column: x, limit: inner.column + inner.columns - x, style: Style(span.role))
        }
        return rect
    }

    static func header(_ doc: inout Document, _ target: CaseTarget) {
        doc.add(
            [
                Span(target.debtorName, .header), Span("  ¥\(target.outstanding.grouped)", .money),
                Span("  \(target.stage.rawValue)", .stage),
            ], indent: 2)
        doc.blank()
    }

    static func outcomePicker(_ screen: inout Screen, _ target: CaseTarget, keys: KeyMap) {
        var doc = Document(width: boxWidth(screen, preferred: 56) - 4, measure: screen.measure)
        header(&doc, target)
        for binding in keys.bindings(in: .outcomePicker) {
            guard case .pickOutcome(let outcome) = binding.command, let key = binding.keys.first else { continue }
            var spans = [Span(key.name, .key), Span("  " + outcome.label)]
            switch outcome {
            case .promised: spans.append(Span("  (date, amount)", .muted))
            case .callback: spans.append(Span("  (date, time)", .muted))
            default: break
            }
            doc.add(spans, indent: 3)
        }
        box(
            &screen, title: "Log a call: what happened?", doc,
            footer: [Span("1-8", .key), Span(" pick   ", .muted), Span("Esc", .key), Span(" cancel", .muted)])
    }

    static func stagePicker(_ screen: inout Screen, _ target: CaseTarget, stages: [Stage]) {
        var doc = Document(width: boxWidth(screen, preferred: 56) - 4, measure: screen.measure)
        header(&doc, target)
        doc.add("Back down to:", .muted)
        for (index, stage) in stages.enumerated() where index < 9 {
            doc.add(
                [Span("\(index + 1)", .key), Span("  \(stage.rawValue) ", .stage), Span(stage.japaneseName)], indent: 3)
        }
        box(
            &screen, title: "De-escalate", doc,
            footer: [
                Span("1-\(min(9, stages.count))", .key), Span(" pick   ", .muted), Span("Esc", .key),
                Span(" cancel", .muted),
            ])
    }

    static func escalation(_ screen: inout Screen, _ dialog: EscalationDialog) {
        var doc = Document(width: boxWidth(screen) - 4, measure: screen.measure)
        header(&doc, dialog.target)
        var footer: [Span] = [Span("any other key", .key), Span(" cancels", .muted)]
        if dialog.loading != nil {
            doc.add("Loading the case…", .muted)
        } else if !dialog.options.isEmpty {
            let from = dialog.target.stage
            if dialog.options.count > 1 {
                doc.add([Span("From \(from.rawValue) \(from.japaneseName), choose the legal route:", .text)])
                for (index, option) in dialog.options.enumerated() {
                    let mark = index == dialog.selected ? "> " : "  "
                    var spans = [
                        Span(mark, .key), Span("\(index + 1) ", .key),
                        Span("\(option.to.rawValue) \(option.to.japaneseName)", .stage),
                    ]
                    if option.refusal != nil { spans.append(Span("  (refused)", .warning)) }
                    doc.add(spans, indent: 6)
                }
                doc.blank()
            }
            if let option = dialog.selectedOption {
                doc.add(
                    [
                        Span("\(from.rawValue) -> ", .stage),
                        Span("\(option.to.rawValue) \(option.to.japaneseName)", .stageCurrent),
                    ])
                doc.add(option.effect)
                if dialog.costs.indices.contains(dialog.selected), let cost = dialog.costs[dialog.selected],
                    cost.total.isPositive
                {
                    doc.add([Span("Cost about ", .muted), Span(cost.total.description, .money)])
                    if let warning = cost.warning { doc.add(warning, .warning, indent: 2) }
                }
                if let refusal = option.refusal {
                    doc.blank()
                    doc.add([Span("Refused: ", .warning), Span(refusal.reason, .warning)], indent: 2)
                }
                let overridable =
                    dialog.overridable.indices.contains(dialog.selected) && dialog.overridable[dialog.selected]
                footer =
                    option.refusal == nil
                    ? [Span("y", .key), Span(" escalate   ", .muted)]
                    : overridable ? [Span("!", .key), Span(" override   ", .muted)] : []
                if dialog.options.count > 1 {
                    footer += [Span("1-\(dialog.options.count)", .key), Span(" route   ", .muted)]
                }
                footer += [Span("other", .key), Span(" cancel", .muted)]
            }
        }
        if let error = dialog.error {
            doc.blank()
            doc.add(error, .error)
        }
        if dialog.saving != nil {
            doc.blank()
            doc.add("Saving…", .muted)
            footer = [Span("saving: wait for the case book", .muted)]
        }
        box(&screen, title: "Escalate", doc, footer: footer)
    }

    /// The quiet-hours question: the call as it would be logged, why to pause, and `y`.
    static func quietHours(_ screen: inout Screen, _ question: QuietHoursQuestion, state: AppState) {
        var doc = Document(width: boxWidth(screen) - 4, measure: screen.measure)
        let form = question.form
        header(&doc, form.target)
        var what = form.title
        if let time = state.localTime { what += " at \(time)" }
        doc.add(what, .text)
        if let note = form.text(.note), !note.isEmpty { doc.add("Note: \(note)", .muted, indent: 2) }
        for warning in question.warnings {
            doc.blank()
            doc.add(warning.message, .warning)
        }
        doc.blank()
        doc.add("Save this call now?", .text)
        box(
            &screen, title: "Quiet hours", doc,
            footer: [
                Span("y", .key), Span(" save anyway   ", .muted), Span("other", .key),
                Span(" back to the note", .muted),
            ])
    }

    static func formBox(_ screen: inout Screen, _ form: Form, today: CivilDate) {
        let width = boxWidth(screen) - 4
        var doc = Document(width: width, measure: screen.measure)
        header(&doc, form.target)
        for note in form.notes { doc.add(note, .muted) }
        if !form.notes.isEmpty { doc.blank() }
        let labelWidth = min(16, (form.fields.map { screen.measure.width(of: $0.label) }.max() ?? 8) + 1)
        let fieldWidth = max(4, width - labelWidth - 1)
        var fieldLines: [Int] = []
        for field in form.fields {
            fieldLines.append(doc.lines.count)
            doc.add([Span(screen.measure.fit(field.label, width: labelWidth) + " ", .muted)])
        }
        if let cap = form.weeklyCapWarning, form.saving == nil {
            doc.blank()
            doc.add("Warning: " + cap.message, .warning)
        }
        if let error = form.error {
            doc.blank()
            doc.add(error, .error)
        }
        if form.saving != nil {
            doc.blank()
            doc.add("Saving… (shown as saved once the case book has committed)", .muted)
        }
        let footer: [Span] =
            form.saving != nil
            ? [Span("saving: wait for the case book", .muted)]
            : [
                Span("Enter", .key), Span(form.focus == form.fields.count - 1 ? " save   " : " next   ", .muted),
                Span("Tab", .key), Span(" field   ", .muted), Span("Esc", .key), Span(" cancel", .muted),
            ]
        let rect = box(&screen, title: form.title, doc, footer: footer)
        // The fields themselves: drawn over their lines, so the cursor can be placed exactly.
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, rows: rect.rows - 3, columns: rect.columns - 4)
        let first = max(0, doc.lines.count - inner.rows)
        for (index, field) in form.fields.enumerated() {
            let row = inner.row + fieldLines[index] - first
            guard row >= inner.row, row < inner.row + inner.rows else { continue }
            let x = inner.column + labelWidth + 1
            let w = min(fieldWidth, inner.column + inner.columns - x)
            guard w > 0 else { continue }
            screen.fill(row: row, column: x, width: w, style: Style(.input))
            if field.editor.isEmpty && index != form.focus {
                screen.put(field.placeholder, row: row, column: x, limit: w, style: Style(.muted))
            } else {
                let visible = field.editor.visible(width: w, measure: screen.measure)
                screen.put(visible.text, row: row, column: x, limit: w, style: Style(.input))
                if index == form.focus && form.saving == nil {
                    screen.cursor = Point(row: row, column: x + visible.cursor)
                }
            }
            if index == form.focus {
                screen.put(">", row: row, column: inner.column - 1, style: Style(.key))
            }
        }
    }
}
