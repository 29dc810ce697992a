import Foundation
import GRDB
import KaishuCore
import KaishuStore
import Testing

/// The kill test is only as good as its checks: show they fail on a lost write, a write applied
/// twice and a half import.
@Suite("crash: the after-crash checks catch what they look for")
struct BookChecksTests {
    static func book() throws -> String {
        let folder = try KaishuProcess.folder("checks")
        let db = folder + "/casebook.sqlite"
        try #require(try KaishuProcess.run(["demo", "--cases", "20", "--db", db]).status == 0)
        return db
    }

    @Test("an acknowledged write that is missing is reported")
    func missingWrite() throws {
        let db = try Self.book()
        var checks = BookChecks()
        checks.acknowledged = [("note", "drive-1-0"), ("import", "drive-1-1")]
        let failures = try checks.check(db)
        #expect(failures.contains("acknowledged note drive-1-0 is missing"))
        #expect(failures.contains("acknowledged import drive-1-1 is not wholly present"))
    }

    @Test("the same note applied twice under two keys is reported, and a half import too")
    func doubledWrite() throws {
        let db = try Self.book()
        let store = try SQLiteCaseStore(path: db, calendar: .japan)
        let today = CivilDate(2026, 11, 23)
        for key in ["a", "b"] {
            _ = try store.appendSync(
                to: 1,
                context: WriteContext(
                    actor: "driver", recordedAt: "2026-11-23T10:00:00+09:00", today: today, idempotencyKey: key)
            ) { _ in
                [
                    EventDraft(
                        date: today,
                        fact: .contact(
                            ContactLog(outcome: .leftMessage, channel: .phone, text: "留守電 drive-1-5、折り返し依頼", time: nil))
                    )
                ]
            }
        }
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq) VALUES (2, 'drive-1-9-1', '2025-01-01', NULL, 1, 1)"
            )
        }
        try queue.close()
        let failures = try BookChecks().check(db)
        #expect(failures.contains { $0.hasPrefix("written twice:") })
        #expect(failures.contains("import drive-1-9 is half present"))
    }
}
