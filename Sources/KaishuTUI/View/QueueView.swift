import KaishuCore

/// The queue page: title, column headings, one row per case, hints and status.
///
/// Columns fold away on narrow windows, least important first (last contact, next action, days
/// past due, stage), so the debtor, the amount and the days left always stay.
public enum QueueView {
    /// Screen row of the first case row (below the title and the headings).
    public static let firstListRow = 2

    public enum Column: String, Hashable, Sendable, CaseIterable {
        case mark, debtor, outstanding, stage, pastDue, daysLeft, nextAction, lastContact

        var heading: String {
            switch self {
            case .mark: ""
            case .debtor: "Debtor"
            case .outstanding: "Outstanding"
            case .stage: "Stage"
            case .pastDue: "Late"
            case .daysLeft: "Left"
            case .nextAction: "Next"
            case .lastContact: "Contact"
            }
        }

        var fixedWidth: Int {
            switch self {
            case .mark: 3
            case .debtor: 0
            case .outstanding: 12
            case .stage: 9
            case .pastDue: 4
            case .daysLeft: 5
            case .nextAction, .lastContact: 10
            }
        }

        var align: Alignment {
            switch self {
            case .outstanding, .pastDue, .daysLeft: .right
            default: .left
            }
        }
    }

    /// The debtor column never gets narrower than this before other columns fold.
    static let minimumDebtorWidth = 18
    /// Fold order: first to go first.
    static let foldOrder: [Column] = [.lastContact, .nextAction, .pastDue, .stage]

    /// The columns shown at a width and their widths, left to right (one space between).
    public static func layout(width: Int) -> [(column: Column, width: Int)] {
        var columns = Column.allCases
        func debtorWidth() -> Int {
            let fixed = columns.filter { $0 != .debtor }.reduce(0) { $0 + $1.fixedWidth }
            return width - fixed - (columns.count - 1)
        }
        for column in foldOrder where debtorWidth() < minimumDebtorWidth {
            columns.removeAll { $0 == column }
        }
        let debtor = max(4, debtorWidth())
        return columns.map { ($0, $0 == .debtor ? debtor : $0.fixedWidth) }
    }

    static func orderName(_ order: QueueOrder) -> String {
        switch order {
        case .urgency: "urgency"
        case .expiry: "limitation date"
        case .amount: "amount"
        case .debtor: "debtor"
        }
    }

    static func draw(_ screen: inout Screen, _ state: AppState, keys: KeyMap) {
        let queue = state.queue
        var title = "Kaishu 回収 | " + (queue.scope == .today ? "Today's queue" : "All open cases")
        title += " | by \(orderName(queue.order))"
        if let filter = queue.filter { title += " | filter: \(filter)" }
        var right = ""
        if let counts = state.counts, queue.filter == nil {
            right = "\(queue.scope == .today ? counts.dueToday : counts.open) cases "
        }
        Chrome.title(&screen, title, right: right)

        // The last screen column is kept for the scroll marks (^ and v).
        let columns = layout(width: screen.size.columns - 1)
        drawHeadings(&screen, columns)
        drawRows(&screen, state, columns)

        if case .filter(let editor) = state.overlay {
            drawFilterLine(&screen, editor)
        } else {
            Chrome.hintLine(&screen, state, contexts: [.queue, .caseActions, .global], keys: keys)
        }
        Chrome.statusLine(&screen, state)
    }

    static func drawHeadings(_ screen: inout Screen, _ columns: [(column: Column, width: Int)]) {
        screen.fill(row: 1, style: Style(.header))
        var x = 0
        for (column, width) in columns {
            screen.put(
                fitting: column.heading, row: 1, column: x, width: width, align: column.align, style: Style(.header))
            x += width + 1
        }
    }

    static func drawRows(_ screen: inout Screen, _ state: AppState, _ columns: [(column: Column, width: Int)]) {
        let queue = state.queue
        let height = state.listHeight
        if queue.rows.isEmpty {
            let message: String
            if let error = queue.error {
                message = "Could not load the queue: \(error)"
            } else if !queue.loaded || queue.reload != nil {
                message = "Loading the queue…"
            } else if let filter = queue.filter {
                message = "No case matches '\(filter)'. Esc clears the filter."
            } else if queue.scope == .today {
                message = "Nothing is due today. Press t to see all open cases."
            } else {
                message = "No open cases."
            }
            screen.put(
                fitting: " " + message, row: firstListRow + 1, column: 0, width: screen.size.columns,
                style: Style(queue.error == nil ? .muted : .error))
            return
        }
        for line in 0..<height {
            let index = queue.top + line
            guard queue.rows.indices.contains(index) else { break }
            drawRow(
                &screen, row: firstListRow + line, queue.rows[index], selected: index == queue.selected,
                today: state.today, columns: columns, collector: state.config.collector)
        }
        if queue.rows.count > height || queue.hasMoreAfter || queue.hasMoreBefore {
            // A scroll hint in the last column: more above / below.
            if queue.top > 0 || queue.hasMoreBefore {
                screen.put(
                    "^", row: firstListRow, column: screen.size.columns - 1,
                    style: Style(.muted, selected: queue.selected == queue.top))
            }
            if queue.top + height < queue.rows.count || queue.hasMoreAfter {
                let row = firstListRow + height - 1
                screen.put(
                    "v", row: row, column: screen.size.columns - 1,
                    style: Style(.muted, selected: queue.selected == queue.top + height - 1))
            }
        }
    }

    static func drawRow(
        _ screen: inout Screen, row: Int, _ item: QueueRow, selected: Bool, today: CivilDate,
        columns: [(column: Column, width: Int)], collector: String = ""
    ) {
        if selected { screen.fill(row: row, style: Style(.selection, selected: true)) }
        func style(_ role: Role) -> Style { Style(role, selected: selected) }
        var x = 0
        for (column, width) in columns {
            switch column {
            case .mark:
                let mark = Format.urgencyMark(item.tier)
                screen.put(mark.text, row: row, column: x, style: style(mark.role))
                screen.put(
                    Format.flags(disputed: item.disputed, onHold: item.onHold), row: row, column: x + 2,
                    style: style(.warning))
            case .debtor:
                if let tag = TeamView.takenTag(item, collector: collector) {
                    let tagWidth = min(width, screen.measure.width(of: tag) + 1)
                    screen.put(
                        fitting: item.debtorName, row: row, column: x, width: width - tagWidth, style: style(.text))
                    screen.put(
                        fitting: " " + tag, row: row, column: x + width - tagWidth, width: tagWidth,
                        style: style(.warning))
                } else {
                    screen.put(fitting: item.debtorName, row: row, column: x, width: width, style: style(.text))
                }
            case .outstanding:
                screen.put(
                    fitting: item.outstanding.grouped, row: row, column: x, width: width, align: .right,
                    style: style(.money))
            case .stage:
                screen.put(fitting: item.stage.label, row: row, column: x, width: width, style: style(.stage))
            case .pastDue:
                let late = item.daysPastDue(today: today)
                screen.put(
                    fitting: late > 0 ? String(late) : "-", row: row, column: x, width: width, align: .right,
                    style: style(.text))
            case .daysLeft:
                let left = Format.daysLeft(item.daysLeft(today: today))
                screen.put(
                    fitting: left.text, row: row, column: x, width: width, align: .right, style: style(left.role))
            case .nextAction:
                let due = item.nextAction.map { $0 <= today } ?? false
                screen.put(
                    fitting: Format.date(item.nextAction), row: row, column: x, width: width,
                    style: style(due ? .actionDue : .date))
            case .lastContact:
                screen.put(
                    fitting: item.lastContact?.iso ?? "never", row: row, column: x, width: width,
                    style: style(item.lastContact == nil ? .muted : .date))
            }
            x += width + 1
        }
    }

    static func drawFilterLine(_ screen: inout Screen, _ editor: LineEditor) {
        let row = screen.size.rows - 2
        screen.fill(row: row, style: .text)
        let prompt = "Filter (name, kana, code): "
        let promptWidth = screen.put(prompt, row: row, column: 1, style: Style(.key))
        let x = 1 + promptWidth
        let width = max(1, screen.size.columns - x - 1)
        let visible = editor.visible(width: width, measure: screen.measure)
        screen.fill(row: row, column: x, width: width, style: Style(.input))
        screen.put(visible.text, row: row, column: x, limit: width, style: Style(.input))
        screen.cursor = Point(row: row, column: x + visible.cursor)
    }
}
