import Foundation
import KaishuCore

/// A `CaseStore` in memory: the test twin of the SQLite and PostgreSQL stores.
///
/// It keeps the port's promises the way the real stores do — append-only history, idempotency
/// keys, keyset paging in every `QueueOrder`, ranking by `QueueRanking` — so the workbench can be
/// tested, demonstrated and benchmarked without a database. Each row is derived by folding the
/// case's events (`CaseState`), which is slow for millions of cases but exact.
///
/// For tests it can also fail the next writes (`failAppends`), hold writes until released
/// (`holdAppends`/`releaseAppends`) to observe the "saving…" state, and it logs every queue
/// query so a test can check that the workbench never asked for everything.
public actor InMemoryCaseStore: CaseStore {
    public let calendar: BusinessCalendar
    private var files: [Int64: CaseFile] = [:]
    private var states: [Int64: CaseState] = [:]
    private var nextSeq: Int64 = 1
    private var nextID: Int64 = 1
    private var usedKeys: Set<String> = []
    private var failures: [any Error] = []
    private var holding = false
    private var held: [CheckedContinuation<Void, Never>] = []

    /// Every queue query received, in order.
    public private(set) var queryLog: [QueueQuery] = []
    /// How many writes were committed.
    public private(set) var appendCount = 0

    public init(calendar: BusinessCalendar) {
        self.calendar = calendar
    }

    // MARK: - Building a case book

    /// Opens a case with its claims, as an import would. Returns the case id.
    @discardableResult
    public func addCase(
        debtor: Debtor, collector: String? = nil, opened: CivilDate, claims: [Claim],
        actor: String = "test"
    ) -> Int64 {
        let id = nextID
        nextID += 1
        var file = CaseFile(id: id, debtor: debtor, collector: collector, events: [])
        var drafts = [EventDraft(date: opened, fact: .opened(source: actor))]
        drafts += claims.map { EventDraft(date: opened, fact: .claimAdded($0)) }
        for draft in drafts { file.events.append(event(draft, caseID: id, actor: actor, at: "")) }
        store(file)
        return id
    }

    /// Appends events directly (history before the test starts), bypassing the workflow.
    public func record(_ drafts: [EventDraft], to id: Int64, actor: String = "test") {
        guard var file = files[id] else { return }
        for draft in drafts { file.events.append(event(draft, caseID: id, actor: actor, at: "")) }
        store(file)
    }

    /// The next `count` writes throw `error` (a full disk, a locked database …).
    public func failAppends(_ count: Int = 1, with error: any Error) {
        failures += Array(repeating: error, count: count)
    }

    /// Writes wait until `releaseAppends()`; lets a test see the state while a save is running.
    public func holdAppends() { holding = true }

    public func releaseAppends() {
        holding = false
        let waiting = held
        held = []
        waiting.forEach { $0.resume() }
    }

    public var caseCount: Int { files.count }

    // MARK: - CaseStore

    public func queue(_ query: QueueQuery) async throws -> QueuePage {
        queryLog.append(query)
        let today = query.today
        var rows: [QueueRow] = []
        for (id, state) in states where !state.isClosed {
            let tier = state.tier(today: today)
            if query.scope == .today && !tier.isDueToday { continue }
            if let filter = query.filter, !filter.isEmpty, !InMemoryCaseStore.matches(state.debtor, filter) {
                continue
            }
            rows.append(row(id: id, state: state, tier: tier, order: query.order))
        }
        rows.sort(by: InMemoryCaseStore.precedes)
        let limit = max(1, query.limit)
        let slice: ArraySlice<QueueRow>
        let hasBefore: Bool
        let hasAfter: Bool
        switch query.position {
        case .first:
            slice = rows.prefix(limit)
            hasBefore = false
            hasAfter = rows.count > limit
        case .last:
            slice = rows.suffix(limit)
            hasBefore = rows.count > limit
            hasAfter = false
        case .after(let cursor):
            let start = rows.firstIndex { InMemoryCaseStore.compare($0.cursor, cursor) > 0 } ?? rows.count
            let end = min(rows.count, start + limit)
            slice = rows[start..<end]
            hasBefore = start > 0
            hasAfter = end < rows.count
        case .before(let cursor):
            let end = rows.firstIndex { InMemoryCaseStore.compare($0.cursor, cursor) >= 0 } ?? rows.count
            let start = max(0, end - limit)
            slice = rows[start..<end]
            hasBefore = start > 0
            hasAfter = end < rows.count
        }
        return QueuePage(rows: Array(slice), hasMoreAfter: hasAfter, hasMoreBefore: hasBefore)
    }

    public func queueCounts(today: CivilDate) async throws -> QueueCounts {
        var counts = QueueCounts(dueToday: 0, nearLimitation: 0, brokenPromises: 0, open: 0)
        for state in states.values where !state.isClosed {
            counts.open += 1
            if state.tier(today: today).isDueToday { counts.dueToday += 1 }
            if let left = state.limitation?.daysLeft(today: today), (0...QueueRanking.nearDays).contains(left) {
                counts.nearLimitation += 1
            }
            if state.promiseIsBroken(today: today) { counts.brokenPromises += 1 }
        }
        return counts
    }

    public func caseFile(_ id: Int64) async throws -> CaseFile? { files[id] }

    public func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        if holding {
            await withCheckedContinuation { held.append($0) }
        }
        guard var file = files[id] else { throw Refusal("there is no case \(id)") }
        if usedKeys.contains(context.idempotencyKey) { return file }
        if !failures.isEmpty { throw failures.removeFirst() }
        let drafts = try decide(file)
        for draft in drafts {
            file.events.append(event(draft, caseID: id, actor: context.actor, at: context.recordedAt))
        }
        usedKeys.insert(context.idempotencyKey)
        store(file)
        appendCount += 1
        return file
    }

    // MARK: - Internals

    private func event(_ draft: EventDraft, caseID: Int64, actor: String, at: String) -> CaseEvent {
        defer { nextSeq += 1 }
        return CaseEvent(
            seq: nextSeq, caseID: caseID, date: draft.date, recordedAt: at, actor: actor,
            fact: draft.fact, hash: "")
    }

    private func store(_ file: CaseFile) {
        files[file.id] = file
        states[file.id] = CaseState(file: file, calendar: calendar)
    }

    private func row(id: Int64, state: CaseState, tier: QueueRanking.Tier, order: QueueOrder) -> QueueRow {
        QueueRow(
            id: id, debtorName: state.debtor.name, debtorCode: state.debtor.code,
            outstanding: state.outstanding, stage: state.stage, expires: state.expires,
            oldestDue: state.oldestDue, nextAction: state.nextAction, lastContact: state.lastContact,
            promise: state.promise, disputed: state.disputed, onHold: state.onHold,
            collector: state.collector, tier: tier,
            cursor: QueueCursor(order: order, key: InMemoryCaseStore.key(state, tier: tier, order: order), id: id))
    }

    /// Sort keys encoded so that comparing the arrays element by element as strings gives the
    /// order: fixed-width numbers, descending amounts as their complement, missing dates last.
    static func key(_ state: CaseState, tier: QueueRanking.Tier, order: QueueOrder) -> [String] {
        func descending(_ money: Money) -> String { pad(Int64.max - max(0, money.yen)) }
        let noDate = "9999-99-99"
        switch order {
        case .urgency:
            return [String(tier.rawValue), descending(state.outstanding), state.oldestDue?.iso ?? noDate]
        case .expiry:
            return [state.expires?.iso ?? noDate]
        case .amount:
            return [descending(state.outstanding)]
        case .debtor:
            return [fold(state.debtor.kana ?? state.debtor.name)]
        }
    }

    static func pad(_ value: Int64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 19 - digits.count)) + digits
    }

    static func compare(_ a: QueueCursor, _ b: QueueCursor) -> Int {
        for (x, y) in zip(a.key, b.key) where x != y { return x < y ? -1 : 1 }
        if a.id != b.id { return a.id < b.id ? -1 : 1 }
        return 0
    }

    static func precedes(_ a: QueueRow, _ b: QueueRow) -> Bool { compare(a.cursor, b.cursor) < 0 }

    /// NFKC, then NFC (Foundation's NFKC leaves half-width ｶﾞ decomposed), then lower case.
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
    }

    static func matches(_ debtor: Debtor, _ filter: String) -> Bool {
        let needle = fold(filter)
        return [debtor.name, debtor.kana ?? "", debtor.code].contains { fold($0).contains(needle) }
    }
}
