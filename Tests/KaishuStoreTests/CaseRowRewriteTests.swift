import GRDB
import KaishuCore
import KaishuEventLog
import Testing

@testable import KaishuStore

/// The case row is a cache of the fold of the case's events; a write rewrites only the columns
/// whose value changed, so the queue indexes over the others are left alone.
@Suite("The case row after a write")
struct CaseRowRewriteTests {
    /// Every rewritable column of the stored row, as stored.
    static func storedRow(_ store: SQLiteCaseStore, _ id: Int64) async throws -> [DatabaseValue] {
        try await store.pool.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT collector, stage, status, outstanding, oldest_due, expires, next_action,
                            promise_date, promise_amount, disputed, on_hold, last_contact, tier,
                            debtor_name, debtor_code, name_key, search_key
                        FROM cases WHERE id = ?
                        """, arguments: [id]))
            return Array(row.databaseValues)
        }
    }

    /// The same columns as a fresh fold of the case's events would store them.
    static func foldedRow(_ store: SQLiteCaseStore, _ id: Int64) async throws -> [DatabaseValue] {
        let file = try #require(try await store.caseFile(id))
        let row = CaseRow(state: CaseState(file: file, calendar: store.calendar), rankedAsOf: Fixture.today)
        var values = BulkRow()
        row.bindInsert(&values, id: id, debtorID: id, version: 0)
        // bindInsert: id, debtor_id, 13 columns, version, 4 names.
        let columns = Array(values.values[2..<15]) + Array(values.values[16...])
        return columns.map { value in
            switch value {
            case .int(let int): int.databaseValue
            case .text(let text): text.databaseValue
            case .null: .null
            }
        }
    }

    @Test(
        "after each kind of write the stored row equals the fold of the case's events, and its version went up by one")
    func rowFollowsEveryWrite() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事"])
        let writes: [CaseFact] = [
            .contact(ContactLog(outcome: .noAnswer, text: "不在")),
            .contact(
                ContactLog(outcome: .promised, promise: Promise(date: Fixture.today.adding(days: 10), amount: 30_000))),
            .payment(amount: 10_000),
            .disputed(true, reason: "金額に異議"),
            .acknowledgment(note: "承認書"),
        ]
        for (index, fact) in writes.enumerated() {
            let before = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = 1")
            }
            _ = try await store.append(to: 1, context: Fixture.context("w-\(index)")) { _ in
                [EventDraft(date: Fixture.today, fact: fact)]
            }
            #expect(try await Self.storedRow(store, 1) == (try await Self.foldedRow(store, 1)), "after \(fact)")
            let after = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = 1")
            }
            #expect(after == before.map { $0 + 1 })
        }
    }

    @Test("a call note sets only the columns it changed: the name and amount columns are not rewritten")
    func noteSetsOnlyWhatChanged() async throws {
        let store = try Fixture.store(debtors: ["株式会社山田商事"])
        // `UPDATE OF column` triggers fire when an UPDATE sets the column, whatever the value:
        // exactly when SQLite rewrites that column's index entries.
        try await store.pool.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    CREATE TEMP TABLE set_columns (name TEXT);
                    CREATE TEMP TRIGGER set_name_key AFTER UPDATE OF name_key ON main.cases
                    BEGIN INSERT INTO set_columns VALUES ('name_key'); END;
                    CREATE TEMP TRIGGER set_outstanding AFTER UPDATE OF outstanding ON main.cases
                    BEGIN INSERT INTO set_columns VALUES ('outstanding'); END;
                    CREATE TEMP TRIGGER set_last_contact AFTER UPDATE OF last_contact ON main.cases
                    BEGIN INSERT INTO set_columns VALUES ('last_contact'); END;
                    """)
        }
        _ = try await store.append(to: 1, context: Fixture.context("note")) { _ in
            [EventDraft(date: Fixture.today, fact: .contact(ContactLog(outcome: .noAnswer, text: "不在")))]
        }
        let set = try await store.pool.writeWithoutTransaction { db in
            try String.fetchAll(db, sql: "SELECT name FROM set_columns")
        }
        #expect(set == ["last_contact"])
        #expect(try await Self.storedRow(store, 1) == (try await Self.foldedRow(store, 1)))
    }
}
