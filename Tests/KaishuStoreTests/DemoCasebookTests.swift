import Foundation
import GRDB
import KaishuCore
import KaishuEventLog
import Testing

@testable import KaishuStore

@Suite("The demo case book")
struct DemoCasebookTests {
    static let today = CivilDate(2026, 11, 23)

    func lastHash(_ store: SQLiteCaseStore) async throws -> String? {
        try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY seq DESC LIMIT 1")
        }
    }

    @Test("the same seed, size and today give the same book, hashes included")
    func deterministic() async throws {
        let a = try Fixture.store()
        let b = try Fixture.store()
        let first = try DemoCasebook.generate(into: a, cases: 150, seed: 42, today: Self.today)
        let second = try DemoCasebook.generate(into: b, cases: 150, seed: 42, today: Self.today)
        #expect(first == second)
        #expect(try await lastHash(a) == (try await lastHash(b)))
        let other = try Fixture.store()
        _ = try DemoCasebook.generate(into: other, cases: 150, seed: 43, today: Self.today)
        #expect(try await lastHash(other) != (try await lastHash(a)))
    }

    @Test("a demo book's rows are the fold of its events and its chain verifies")
    func rowsAreProjections() async throws {
        let store = try Fixture.store()
        let summary = try DemoCasebook.generate(into: store, cases: 120, seed: 1, today: Self.today)
        #expect(summary.cases == 120)
        #expect(try store.caseCount() == 120)
        #expect(summary.stages.count >= 5, "a demo should show many stages: \(summary.stages)")
        #expect(try await store.verifyChain() == nil)
        for id in Int64(1)...120 {
            let file = try #require(try await store.caseFile(id))
            let state = CaseState(file: file, calendar: store.calendar)
            let expected = CaseRow(state: state, rankedAsOf: Self.today)
            let stored = try await store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT outstanding, stage, tier FROM cases WHERE id = ?", arguments: [id])!
            }
            #expect(stored["outstanding"] == expected.outstanding.yen)
            #expect(stored["stage"] == expected.stage.rawValue)
            #expect(stored["tier"] == expected.tier.rawValue)
        }
    }

    @Test("a demo is written only into an empty book")
    func refusesNonEmpty() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事"])
        #expect(throws: StoreError.self) {
            _ = try DemoCasebook.generate(into: store, cases: 10, seed: 1, today: Self.today)
        }
    }
}
