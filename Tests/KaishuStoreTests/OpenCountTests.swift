import GRDB
import KaishuCore
import Testing

@testable import KaishuStore

@Suite("The status line's open count is kept by triggers")
struct OpenCountTests {
    static let today = CivilDate(2026, 11, 23)

    func openRows(_ store: SQLiteCaseStore) async throws -> Int {
        try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE status = 'open'") ?? -1
        }
    }

    @Test("after a demo book, closing a case and reopening it, the kept count equals counting the rows")
    func keptCountMatchesRows() async throws {
        let store = try Fixture.store()
        _ = try DemoCasebook.generate(into: store, cases: 80, seed: 7, today: Self.today)
        let before = try await store.queueCounts(today: Self.today).open
        #expect(before == (try await openRows(store)))

        let page = try await store.queue(QueueQuery(today: Self.today, limit: 1))
        let id = try #require(page.rows.first).id
        func move(to stage: Stage, key: String) async throws {
            _ = try await store.append(to: id, context: Fixture.context(key, today: Self.today)) { file in
                let from = CaseState(file: file, calendar: store.calendar).stage
                return [
                    EventDraft(date: Self.today, fact: .stageChanged(from: from, to: stage, reason: "test", court: nil))
                ]
            }
        }
        try await move(to: .withdrawn, key: "close")
        #expect(try await store.queueCounts(today: Self.today).open == before - 1)
        #expect(try await openRows(store) == before - 1)
        try await move(to: .phone, key: "reopen")
        #expect(try await store.queueCounts(today: Self.today).open == before)
        #expect(try await openRows(store) == before)
    }

    @Test("cases opened one by one are counted as they are opened")
    func countsCasesAsOpened() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事", "有限会社佐藤工業", "田中一郎"])
        let counted = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT open FROM case_totals WHERE id = 1")
        }
        #expect(counted == 3)
        #expect(try await openRows(store) == 3)
    }
}
