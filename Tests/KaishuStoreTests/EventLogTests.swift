import Foundation
import GRDB
import KaishuCore
import KaishuEventLog
import Testing

@testable import KaishuStore

@Suite("Append-only, hash-chained event log")
struct EventLogTests {
    /// Three cases with a few events each.
    func book() async throws -> SQLiteCaseStore {
        let store = try Fixture.store(debtors: ["株式会社山田商事", "有限会社田中工業", "鈴木　花子"])
        for id in Int64(1)...3 {
            _ = try await store.append(to: id, context: Fixture.context("note-\(id)")) { _ in
                [EventDraft(date: Fixture.today, fact: .contact(ContactLog(outcome: .noAnswer, text: "不在")))]
            }
        }
        return store
    }

    @Test("UPDATE on an event is refused by a trigger")
    func updateRefused() async throws {
        let store = try await book()
        let error = #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE events SET actor = 'mallory' WHERE seq = 1") }
        }
        #expect(error?.message?.contains("append-only") == true)
    }

    @Test("DELETE of an event is refused by a trigger")
    func deleteRefused() async throws {
        let store = try await book()
        let error = #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM events WHERE seq = 2") }
        }
        #expect(error?.message?.contains("append-only") == true)
        #expect(try await store.verifyChain() == nil)
    }

    @Test("an intact log verifies; the first event links to 64 zeros")
    func intact() async throws {
        let store = try await book()
        #expect(try await store.verifyChain() == nil)
        let first = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT prev_hash FROM events WHERE seq = 1")
        }
        #expect(first == String(repeating: "0", count: 64))
    }

    /// Copies the book, lets `tamper` change the copy with the triggers dropped, and verifies it.
    func verifyTamperedCopy(_ tamper: @escaping @Sendable (Database) throws -> Void) async throws -> Int64? {
        let store = try await book()
        let folder = try Fixture.TemporaryFolder()
        let copyPath = folder.path + "/copy.sqlite"
        try store.pool.backup(to: DatabaseQueue(path: copyPath))
        let raw = try DatabaseQueue(path: copyPath)
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete")
            try tamper(db)
        }
        let copy = try SQLiteCaseStore(path: copyPath, calendar: Fixture.calendar)
        return try await copy.verifyChain()
    }

    @Test("a flipped byte in a stored payload is detected at that event")
    func flippedByte() async throws {
        let bad = try await verifyTamperedCopy { db in
            // One character of event 4's payload (the invoice number) changed.
            let payload = try String.fetchOne(db, sql: "SELECT payload FROM events WHERE seq = 4")!
            let changed = payload.replacingOccurrences(of: "INV-2", with: "INV-3")
            #expect(changed != payload)
            try db.execute(sql: "UPDATE events SET payload = ? WHERE seq = 4", arguments: [changed])
        }
        #expect(bad == 4)
    }

    @Test("a deleted event is detected at the event after it")
    func deletedRow() async throws {
        let bad = try await verifyTamperedCopy { db in try db.execute(sql: "DELETE FROM events WHERE seq = 3") }
        #expect(bad == 4)
    }

    @Test("a log cut short at its end is detected as the first missing seq")
    func truncatedTail() async throws {
        let bad = try await verifyTamperedCopy { db in
            let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM events")!
            try db.execute(sql: "DELETE FROM events WHERE seq = ?", arguments: [last])
        }
        #expect(bad == 9)
    }

    @Test("two events swapped in order are detected")
    func reordered() async throws {
        let bad = try await verifyTamperedCopy { db in
            // Events 5 and 6 trade places in the log.
            try db.execute(
                sql: """
                    UPDATE events SET seq = -5 WHERE seq = 5;
                    UPDATE events SET seq = 5 WHERE seq = 6;
                    UPDATE events SET seq = 6 WHERE seq = -5;
                    """)
        }
        #expect(bad == 5)
    }

    @Test("a retried write with the same idempotency key appends nothing and returns the case as it is")
    func idempotent() async throws {
        let store = try await book()
        let decide: @Sendable (CaseFile) throws -> [EventDraft] = { _ in
            [EventDraft(date: Fixture.today, fact: .payment(amount: 10_000))]
        }
        let first = try await store.append(to: 1, context: Fixture.context("pay-1"), decide: decide)
        let second = try await store.append(to: 1, context: Fixture.context("pay-1"), decide: decide)
        #expect(first == second)
        let payments = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE case_id = 1 AND kind = 'payment'")
        }
        #expect(payments == 1)
        #expect(try await store.caseState(1)?.outstanding == Money(100_000))
    }

    @Test("a refusal thrown by decide rolls the whole write back")
    func refusalRollsBack() async throws {
        let store = try await book()
        let before = try await store.caseFile(2)
        let version = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = 2")
        }
        await #expect(throws: Refusal("the case is disputed")) {
            _ = try await store.append(to: 2, context: Fixture.context("esc-2")) { _ in
                throw Refusal("the case is disputed")
            }
        }
        #expect(try await store.caseFile(2) == before)
        let after = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT version FROM cases WHERE id = 2")
        }
        #expect(after == version)
        // The key was not used up by the refused write.
        let file = try await store.append(to: 2, context: Fixture.context("esc-2")) { _ in
            [EventDraft(date: Fixture.today, fact: .hold(true, reason: "社長と協議中"))]
        }
        #expect(file.events.count == before!.events.count + 1)
    }

    @Test("a write to a case that does not exist is refused")
    func missingCase() async throws {
        let store = try await book()
        await #expect(throws: Refusal("there is no case 99")) {
            _ = try await store.append(to: 99, context: Fixture.context("x")) { _ in [] }
        }
    }

    @Test("after writes, the case row is the projection of CaseState over the events")
    func rowIsProjection() async throws {
        let store = try await book()
        let today = Fixture.today
        _ = try await store.append(to: 1, context: Fixture.context("promise")) { _ in
            [
                EventDraft(
                    date: today,
                    fact: .contact(
                        ContactLog(
                            outcome: .promised, text: "月末に振込",
                            promise: Promise(date: today.adding(days: 10), amount: 50_000)))),
                EventDraft(date: today, fact: .payment(amount: 20_000)),
            ]
        }
        _ = try await store.append(to: 2, context: Fixture.context("stage")) { file in
            [EventDraft(date: today, fact: .stageChanged(from: .phone, to: .paid, reason: "入金確認", court: nil))]
        }
        for id in Int64(1)...3 {
            let file = try #require(try await store.caseFile(id))
            let state = CaseState(file: file, calendar: Fixture.calendar)
            let expected = CaseRow(state: state, rankedAsOf: today)
            let stored = try await store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id])!
            }
            #expect(stored["stage"] == expected.stage.rawValue)
            #expect(stored["status"] == (expected.isOpen ? "open" : "closed"))
            #expect(stored["outstanding"] == expected.outstanding.yen)
            #expect(CivilDate(column: stored["expires"]) == expected.expires)
            #expect(CivilDate(column: stored["oldest_due"]) == expected.oldestDue)
            #expect(CivilDate(column: stored["next_action"]) == expected.nextAction)
            #expect(CivilDate(column: stored["promise_date"]) == expected.promise?.date)
            #expect(stored["promise_amount"] == expected.promise?.amount.yen)
            #expect(stored["disputed"] == expected.disputed)
            #expect(stored["on_hold"] == expected.onHold)
            #expect(CivilDate(column: stored["last_contact"]) == expected.lastContact)
            #expect(stored["tier"] == expected.tier.rawValue)
        }
        let closed = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM cases WHERE id = 2")
        }
        #expect(closed == "closed")
    }

    @Test("case files come back with every event in log order and payloads decoded")
    func caseFileRoundTrip() async throws {
        let store = try await book()
        let file = try #require(try await store.caseFile(1))
        #expect(file.debtor.name == "株式会社山田商事")
        #expect(file.debtor.phones == ["03-1234-5678"])
        #expect(file.events.map(\.fact.kind) == ["opened", "claim-added", "contact"])
        #expect(file.events.map(\.seq) == file.events.map(\.seq).sorted())
        #expect(try await store.caseFile(42) == nil)
    }
}
