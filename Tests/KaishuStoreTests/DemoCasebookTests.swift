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

    @Test("a demo of several preparing batches chains across them: every hash verifies and the numbers have no gap")
    func chainCrossesBatches() async throws {
        let store = try Fixture.store()
        // More than two batches of 2,048 cases, each linked on its own thread after the one before.
        let summary = try DemoCasebook.generate(into: store, cases: 4_500, seed: 3, today: Self.today)
        #expect(summary.cases == 4_500)
        #expect(try await store.verifyChain() == nil)
        let (count, first, last) = try await store.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0,
                try Int.fetchOne(db, sql: "SELECT min(seq) FROM events"),
                try Int.fetchOne(db, sql: "SELECT max(seq) FROM events")
            )
        }
        #expect(count == summary.events && first == 1 && last == summary.events)
    }

    @Test(
        "a demo book written in batches keeps every reference and every row: foreign keys check, counts match, enforcement is back on"
    )
    func batchesKeepReferences() async throws {
        let store = try Fixture.store()
        // 150 cases: two full batches of 64 and a partial one, in every table.
        let summary = try DemoCasebook.generate(into: store, cases: 150, seed: 7, today: Self.today)
        let (problems, integrity, counts, sequence, enforced) = try await store.pool.write { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try ["debtors", "cases", "claims", "events"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
                },
                try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(problems == 0)
        #expect(integrity == "ok")
        #expect(counts == [summary.cases, summary.cases, summary.claims, summary.events])
        #expect(sequence == summary.events)
        #expect(enforced == 1)
        #expect(try await store.verifyChain() == nil)
    }

    @Test(
        "a demo book built beside its path is the same book, in WAL mode, private, and leaves no building file behind")
    func createdAtAPath() async throws {
        let folder = NSTemporaryDirectory() + "kaishu-demo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/book.sqlite"
        let built = try DemoCasebook.create(
            at: path, cases: 150, seed: 42, today: Self.today, calendar: Fixture.calendar)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["book.sqlite"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let store = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
        let inPlace = try Fixture.store()
        let generated = try DemoCasebook.generate(into: inPlace, cases: 150, seed: 42, today: Self.today)
        #expect(built == generated)
        #expect(try await lastHash(store) == (try await lastHash(inPlace)))
        #expect(try await store.verifyChain() == nil)
        let (journal, problems, indexes) = try await store.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL"
                )
            )
        }
        #expect(journal == "wal")
        #expect(problems == 0)
        #expect(Set(CasebookSchema.queueIndexes.map(\.name)).isSubset(of: Set(indexes)))
    }

    @Test("creating a demo at the path of a book that holds cases refuses and leaves it as it was")
    func createRefusesABookWithCases() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事"])
        #expect(throws: StoreError.self) {
            _ = try DemoCasebook.create(
                at: store.path, cases: 10, seed: 1, today: Self.today, calendar: Fixture.calendar)
        }
        #expect(try store.caseCount() == 1)
    }

    @Test("a demo is written only into an empty book")
    func refusesNonEmpty() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事"])
        #expect(throws: StoreError.self) {
            _ = try DemoCasebook.generate(into: store, cases: 10, seed: 1, today: Self.today)
        }
    }
}
