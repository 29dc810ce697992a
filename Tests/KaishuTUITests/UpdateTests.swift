import KaishuCore
import Testing

@testable import KaishuTUI

/// `update` alone: states and effects compared with `==`, no store, no terminal.
@Suite("update is pure")
struct UpdateTests {
    static let today = CivilDate(2026, 11, 23)

    static func row(_ id: Int64, name: String) -> QueueRow {
        QueueRow(
            id: id, debtorName: name, debtorCode: "C\(id)", outstanding: 200_000, stage: .phone,
            expires: today.adding(days: 20), oldestDue: today.adding(days: -100), nextAction: today,
            lastContact: nil, promise: nil, disputed: false, onHold: false, collector: nil,
            tier: .limitationCritical, cursor: QueueCursor(order: .urgency, key: ["0"], id: id))
    }

    static func loaded() -> AppState {
        var state = AppState(
            config: SessionConfig(today: today, collector: "c", storeLabel: "m", sessionID: "s"),
            size: Size(rows: 24, columns: 80))
        let (started, effects) = update(state, .start)
        #expect(
            effects == [
                .loadQueue(RequestID(1), QueueQuery(today: today, limit: 50)),
                .loadCounts(RequestID(2), today: today),
            ])
        state = started
        let page = QueuePage(
            rows: [row(7, name: "株式会社山田商事"), row(8, name: "佐藤工業")], hasMoreAfter: false, hasMoreBefore: false)
        state = update(state, .queueLoaded(RequestID(1), page)).0
        return state
    }

    @Test("start asks for the first queue page and the counts, nothing else")
    func start() {
        let state = Self.loaded()
        #expect(state.queue.rows.map(\.id) == [7, 8])
    }

    @Test("c then 1 then a note then Enter asks the store to append exactly that call")
    func callEffect() {
        var state = Self.loaded()
        var effects: [Effect]
        (state, effects) = update(state, .char("c"))
        #expect(effects.isEmpty)
        guard case .outcomePicker(let target) = state.overlay else {
            Issue.record("no picker")
            return
        }
        #expect(target.id == 7)
        (state, _) = update(state, .char("1"))
        for c in "不在" { (state, _) = update(state, .char(c)) }
        (state, effects) = update(state, .key(.enter))
        let log = ContactLog(outcome: .noAnswer, channel: .phone, text: "不在")
        guard
            case .append(let id, caseID: 7, action: .logContact(log, on: Self.today), idempotencyKey: "s-1") = effects
                .first
        else {
            Issue.record("unexpected effects \(effects)")
            return
        }
        // The form waits for that request; nothing is "saved" yet.
        guard case .form(let form) = state.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form.saving == id)
        #expect(state.flash == nil)
    }

    @Test("a late answer to a superseded request is ignored")
    func staleAnswer() {
        var state = Self.loaded()
        (state, _) = update(state, .char("o"))  // re-sorts: a new queue request
        let before = state
        let stale = QueuePage(rows: [Self.row(99, name: "古い")], hasMoreAfter: false, hasMoreBefore: false)
        (state, _) = update(state, .queueLoaded(RequestID(1), stale))
        #expect(state.queue.rows == before.queue.rows)
    }

    @Test("a key that does nothing rings the bell and changes nothing else")
    func bell() {
        let state = Self.loaded()
        let (next, effects) = update(state, .char("Z"))
        #expect(effects == [.bell])
        #expect(next == state)
    }
}
