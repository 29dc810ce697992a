import Foundation
import GRDB
import KaishuCore
import KaishuEventLog
import Testing

@testable import KaishuStore

@Suite("Queue paging by keyset")
struct QueuePagingTests {
    static let today = CivilDate(2026, 11, 23)

    /// A demo book of 400 cases, ranked as of `today`.
    func demoBook(cases: Int = 400) throws -> SQLiteCaseStore {
        let store = try Fixture.store()
        _ = try DemoCasebook.generate(into: store, cases: cases, seed: 7, today: Self.today)
        return store
    }

    /// Every row of the scope, page by page forward from the first page.
    func pageForward(
        _ store: SQLiteCaseStore, order: QueueOrder, scope: QueueQuery.Scope, filter: String? = nil,
        limit: Int, today: CivilDate = today
    ) async throws -> [QueueRow] {
        var query = QueueQuery(today: today, scope: scope, order: order, filter: filter, limit: limit)
        var rows: [QueueRow] = []
        while true {
            let page = try await store.queue(query)
            rows += page.rows
            guard page.hasMoreAfter, let last = page.rows.last else { break }
            query.position = .after(last.cursor)
        }
        return rows
    }

    /// The reference order of each `QueueOrder`, written from its definition.
    static func precedes(_ order: QueueOrder) -> (QueueRow, QueueRow) -> Bool {
        func dates(_ a: CivilDate?, _ b: CivilDate?) -> Bool? {
            switch (a, b) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return nil
            }
        }
        switch order {
        case .urgency: return QueueRanking.precedes
        case .expiry: return { a, b in dates(a.expires, b.expires) ?? (a.id < b.id) }
        case .amount:
            return { a, b in a.outstanding != b.outstanding ? a.outstanding > b.outstanding : a.id < b.id }
        case .debtor:
            return { a, b in a.cursor.key[0] != b.cursor.key[0] ? a.cursor.key[0] < b.cursor.key[0] : a.id < b.id }
        }
    }

    @Test("paging forward visits every open case once, in each order's reference order", arguments: QueueOrder.allCases)
    func forwardEqualsReference(order: QueueOrder) async throws {
        let store = try demoBook()
        let paged = try await pageForward(store, order: order, scope: .all, limit: 37)
        let reference = try store.allOpenRows(order: order).sorted(by: Self.precedes(order))
        #expect(paged.map(\.id) == reference.map(\.id))
        #expect(Set(paged.map(\.id)).count == paged.count)
    }

    @Test("paging backward from the last page gives the same rows in reverse", arguments: QueueOrder.allCases)
    func backwardMirrorsForward(order: QueueOrder) async throws {
        let store = try demoBook()
        let forward = try await pageForward(store, order: order, scope: .all, limit: 50)
        var query = QueueQuery(today: Self.today, scope: .all, order: order, position: .last, limit: 50)
        var backward: [QueueRow] = []
        while true {
            let page = try await store.queue(query)
            backward = page.rows + backward
            guard page.hasMoreBefore, let first = page.rows.first else { break }
            query.position = .before(first.cursor)
        }
        #expect(backward.map(\.id) == forward.map(\.id))
    }

    @Test("today's scope holds exactly the open cases in tiers 0–3")
    func todayScope() async throws {
        let store = try demoBook()
        let today = try await pageForward(store, order: .urgency, scope: .today, limit: 50)
        let reference = try store.allOpenRows().filter { $0.tier <= .actionDue }.sorted(by: QueueRanking.precedes)
        #expect(today.map(\.id) == reference.map(\.id))
        let counts = try await store.queueCounts(today: Self.today)
        #expect(counts.dueToday == reference.count)
        #expect(counts.open == (try store.allOpenRows().count))
    }

    @Test("a later today re-ranks exactly as ranking every case from scratch would")
    func rerankMatchesFreshRanking() async throws {
        let store = try demoBook()
        let later = Self.today.adding(days: 75)
        let paged = try await pageForward(store, order: .urgency, scope: .all, limit: 60, today: later)
        for row in paged {
            let file = try #require(try await store.caseFile(row.id))
            let state = CaseState(file: file, calendar: store.calendar)
            #expect(row.tier == state.tier(today: later), "case \(row.id)")
        }
        #expect(paged.map(\.id) == paged.sorted(by: QueueRanking.precedes).map(\.id))
    }

    @Test("a filter matches names regardless of full-width/half-width form")
    func filterFolds() async throws {
        let store = try Fixture.store(debtors: ["株式会社ＡＢＣ商事", "有限会社田中工業", "ｶﾌﾞｼｷｶﾞｲｼｬ"])
        let rows = try await pageForward(store, order: .debtor, scope: .all, filter: "abc", limit: 10)
        #expect(rows.map(\.debtorName) == ["株式会社ＡＢＣ商事"])
        let none = try await pageForward(store, order: .debtor, scope: .all, filter: "%", limit: 10)
        #expect(none.isEmpty)
    }

    @Test("a cursor of another order is refused, not misread")
    func foreignCursor() async throws {
        let store = try demoBook(cases: 20)
        let page = try await store.queue(QueueQuery(today: Self.today, scope: .all, order: .amount, limit: 5))
        let cursor = try #require(page.rows.last?.cursor)
        await #expect(throws: StoreError.self) {
            _ = try await store.queue(
                QueueQuery(today: Self.today, scope: .all, order: .urgency, position: .after(cursor), limit: 5))
        }
    }
}
