import KaishuCore

/// The queue page: moving the highlight through a window of rows that pages itself through the
/// store with keyset queries.
extension Reducer {
    var windowCapacity: Int { state.config.pageSize * state.config.windowPages }

    mutating func queueCommand(_ command: Command) {
        let queue = state.queue
        switch command {
        case .moveDown: moveSelection(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .pageDown:
            state.queue.top += state.listHeight
            moveSelection(by: state.listHeight)
        case .pageUp:
            state.queue.top -= state.listHeight
            moveSelection(by: -state.listHeight)
        case .top:
            if queue.hasMoreBefore {
                reloadQueue(target: .first)
            } else {
                state.queue.selected = 0
                normalizeQueue()
            }
        case .bottom:
            if queue.hasMoreAfter {
                reloadQueue(target: .last)
            } else {
                state.queue.selected = max(0, queue.rows.count - 1)
                normalizeQueue()
            }
        case .open:
            guard let row = queue.selectedRow else {
                effects.append(.bell)
                return
            }
            openCase(row)
        case .nextCase:
            if state.team.leasing {
                claimNextCase()
            } else if let row = queue.selectedRow {
                openCase(row)
            }
        case .filter:
            state.overlay = .filter(LineEditor(queue.filter ?? "", maxLength: 100))
        case .cycleOrder:
            let all = QueueOrder.allCases
            state.queue.order = all[(all.firstIndex(of: queue.order)! + 1) % all.count]
            state.flash = Flash(.info, "Sorted by \(QueueView.orderName(state.queue.order))")
            reloadQueue(target: .first)
        case .toggleScope:
            state.queue.scope = queue.scope == .today ? .all : .today
            state.flash = Flash(
                .info, state.queue.scope == .today ? "Today's queue" : "All open cases")
            reloadQueue(target: .first)
        case .refresh:
            reloadQueue(target: .keep(caseID: queue.selectedRow?.id, index: queue.selected))
            loadCounts()
        case .back:
            if queue.filter != nil {
                state.queue.filter = nil
                state.flash = Flash(.info, "Filter cleared")
                reloadQueue(target: .first)
            } else {
                effects.append(.bell)
            }
        default:
            effects.append(.bell)
        }
    }

    mutating func openCase(_ row: QueueRow) {
        openCase(id: row.id, debtorName: row.debtorName)
        lookForDraft(caseID: row.id)
    }

    mutating func openCase(id caseID: Int64, debtorName: String) {
        let id = state.makeRequest()
        var detail = CaseDetail(id: caseID, debtorName: debtorName)
        detail.loading = id
        state.detail = detail
        state.page = .caseDetail
        effects.append(.loadCase(id, caseID))
        claimOnOpen(caseID)
    }

    /// Moves the highlight, keeping it on screen, and fetches the next page when it nears an
    /// end of the window.
    mutating func moveSelection(by delta: Int) {
        guard !state.queue.rows.isEmpty else { return }
        state.queue.selected = max(0, min(state.queue.rows.count - 1, state.queue.selected + delta))
        normalizeQueue()
        extendIfNeeded()
    }

    /// Keeps `selected` inside the rows and on screen, and `top` inside the rows.
    mutating func normalizeQueue() {
        var queue = state.queue
        let height = state.listHeight
        queue.selected = max(0, min(queue.selected, queue.rows.count - 1))
        queue.top = max(0, min(queue.top, queue.rows.count - height))
        if queue.selected < queue.top { queue.top = queue.selected }
        if queue.selected >= queue.top + height { queue.top = queue.selected - height + 1 }
        queue.top = max(0, queue.top)
        state.queue = queue
    }

    /// Fetches a page at the end of the window the highlight is near.
    mutating func extendIfNeeded() {
        let queue = state.queue
        guard queue.reload == nil, queue.extending == nil, !queue.rows.isEmpty else { return }
        let margin = state.listHeight
        if queue.hasMoreAfter, queue.rows.count - 1 - queue.selected < margin, let last = queue.rows.last {
            let id = state.makeRequest()
            state.queue.extending = .init(request: id, direction: .after)
            effects.append(.loadQueue(id, query(position: .after(last.cursor), limit: state.config.pageSize)))
        } else if queue.hasMoreBefore, queue.selected < margin, let first = queue.rows.first {
            let id = state.makeRequest()
            state.queue.extending = .init(request: id, direction: .before)
            effects.append(.loadQueue(id, query(position: .before(first.cursor), limit: state.config.pageSize)))
        }
    }

    func query(position: QueueQuery.Position, limit: Int) -> QueueQuery {
        QueueQuery(
            today: state.today, scope: state.queue.scope, order: state.queue.order,
            filter: state.queue.filter, position: position, limit: limit)
    }

    /// Replaces the window. `.keep` refetches from the window's first row, so the rows on
    /// screen stay where they are unless the case book changed under them.
    mutating func reloadQueue(target: QueueState.Reload.Target) {
        let id = state.makeRequest()
        let queue = state.queue
        let position: QueueQuery.Position
        var limit = state.config.pageSize
        switch target {
        case .first:
            position = .first
        case .last:
            position = .last
        case .keep:
            limit = max(state.config.pageSize, min(queue.rows.count, windowCapacity))
            if queue.hasMoreBefore, let first = queue.rows.first {
                // Just before the first row: the same sort key with the next lower id.
                position = .after(
                    QueueCursor(order: first.cursor.order, key: first.cursor.key, id: first.cursor.id - 1))
            } else {
                position = .first
            }
        }
        state.queue.reload = .init(request: id, target: target)
        state.queue.extending = nil
        effects.append(.loadQueue(id, query(position: position, limit: limit)))
    }

    mutating func queueLoaded(_ id: RequestID, _ page: QueuePage) {
        var queue = state.queue
        if let reload = queue.reload, reload.request == id {
            queue.rows = page.rows
            queue.hasMoreBefore = page.hasMoreBefore
            queue.hasMoreAfter = page.hasMoreAfter
            queue.reload = nil
            queue.loaded = true
            queue.error = nil
            switch reload.target {
            case .first:
                queue.selected = 0
                queue.top = 0
            case .last:
                queue.selected = max(0, page.rows.count - 1)
                queue.top = queue.selected
            case .keep(let caseID, let index):
                queue.selected = caseID.flatMap { id in page.rows.firstIndex { $0.id == id } } ?? index
            }
            state.queue = queue
            normalizeQueue()
            checkFirstRun()
            extendIfNeeded()
            return
        }
        guard let extending = queue.extending, extending.request == id else { return }
        queue.extending = nil
        let known = Set(queue.rows.map(\.id))
        let fresh = page.rows.filter { !known.contains($0.id) }
        switch extending.direction {
        case .after:
            queue.rows += fresh
            queue.hasMoreAfter = page.hasMoreAfter
            let drop = queue.rows.count - windowCapacity
            if drop > 0 {
                queue.rows.removeFirst(drop)
                queue.selected -= drop
                queue.top -= drop
                queue.hasMoreBefore = true
            }
        case .before:
            queue.rows.insert(contentsOf: fresh, at: 0)
            queue.selected += fresh.count
            queue.top += fresh.count
            queue.hasMoreBefore = page.hasMoreBefore
            let drop = queue.rows.count - windowCapacity
            if drop > 0 {
                queue.rows.removeLast(drop)
                queue.hasMoreAfter = true
            }
        }
        state.queue = queue
        normalizeQueue()
        if !fresh.isEmpty { extendIfNeeded() }
    }

    mutating func countsLoaded(_ id: RequestID, _ counts: QueueCounts) {
        guard state.countsRequest == id else { return }
        state.countsRequest = nil
        state.counts = counts
        checkFirstRun()
    }

    /// An empty case book on the first load shows the first-run screen instead of an empty queue.
    mutating func checkFirstRun() {
        guard state.page == .queue, !state.firstRunChecked, state.queue.loaded, let counts = state.counts
        else { return }
        state.firstRunChecked = true
        if counts.open == 0 && state.queue.rows.isEmpty && state.queue.filter == nil {
            state.page = .firstRun
        }
    }
}
