import Foundation
import GRDB
import KaishuCore
import KaishuEventLog
import Testing

@testable import KaishuStore

@Suite("Importing receivables into the case book")
struct ImportTests {
    typealias Row = Result<ImportRecord, ImportRowError>

    func good(_ line: Int, code: String, invoice: String, amount: Money = 110_000) -> Row {
        .success(Fixture.record(line: line, code: code, name: "債務者\(code)", invoice: invoice, amount: amount))
    }

    func bad(_ line: Int) -> Row {
        .failure(
            ImportRowError(line: line, issues: [ImportIssue(line: line, column: "amount", reason: "not a number")]))
    }

    func eventCount(_ store: SQLiteCaseStore) async throws -> Int {
        try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }
    }

    @Test("invoices of one debtor code join one case; each new debtor opens one")
    func groupsByDebtor() async throws {
        let store = try Fixture.store()
        let report = try store.importReceivables(
            [good(2, code: "A", invoice: "1"), good(3, code: "B", invoice: "2"), good(4, code: "A", invoice: "3")],
            mode: .allOrNothing, source: "a.csv", context: Fixture.context("i1"))
        #expect(report.committed)
        #expect(report.casesOpened == 2)
        #expect(report.claimsAdded == 3)
        let a = try #require(try await store.caseState(1))
        #expect(a.outstanding == Money(220_000))
        #expect(try await store.verifyChain() == nil)
    }

    @Test("every imported case row is the fold of its stored events, grouped, scattered or existing debtors alike")
    func rowsAreFoldsOfTheLog() async throws {
        let store = try Fixture.store()
        _ = try store.importReceivables(
            [good(2, code: "E", invoice: "0", amount: 50_000)], mode: .allOrNothing, source: "first.csv",
            context: Fixture.context("i0"))
        let report = try store.importReceivables(
            [
                good(2, code: "A", invoice: "1"), good(3, code: "A", invoice: "2", amount: 30_000),
                good(4, code: "B", invoice: "3"), good(5, code: "A", invoice: "4", amount: 7_000),  // A comes back
                good(6, code: "E", invoice: "5", amount: 1_000),  // a debtor from an earlier import
                good(7, code: "C", invoice: "6"), good(8, code: "C", invoice: "6"),  // a duplicate invoice
                good(9, code: "B", invoice: "7", amount: 2_000),
            ],
            mode: .allOrNothing, source: "second.csv", context: Fixture.context("i1"))
        #expect(report.committed)
        #expect(report.casesOpened == 3)
        #expect(report.claimsAdded == 7)
        #expect(report.duplicatesSkipped == 1)
        for id in Int64(1)...4 {
            let file = try #require(try await store.caseFile(id))
            let expected = CaseRow(state: CaseState(file: file, calendar: store.calendar), rankedAsOf: Fixture.today)
            let stored = try await store.pool.read { db in
                try GRDB.Row.fetchOne(
                    db,
                    sql: """
                        SELECT outstanding, stage, status, oldest_due, expires, next_action, tier, name_key, search_key
                        FROM cases WHERE id = ?
                        """,
                    arguments: [id])!
            }
            #expect(stored["outstanding"] == expected.outstanding.yen, "case \(id)")
            #expect(stored["stage"] == expected.stage.rawValue)
            #expect(stored["status"] == expected.statusColumn)
            #expect(stored["oldest_due"] == expected.oldestDueColumn)
            #expect(stored["expires"] == expected.expiresColumn)
            #expect(stored["next_action"] == expected.nextAction?.iso)
            #expect(stored["tier"] == expected.tier.rawValue)
            #expect(stored["name_key"] == expected.nameKey)
            #expect(stored["search_key"] == expected.searchKey)
        }
        #expect(try await store.caseState(2)?.outstanding == Money(147_000))
        #expect(try await store.caseState(1)?.outstanding == Money(51_000))
        #expect(try await store.verifyChain() == nil)
    }

    @Test("one bad row and an all-or-nothing import writes nothing, naming the row")
    func allOrNothing() async throws {
        let store = try Fixture.store()
        let report = try store.importReceivables(
            [good(2, code: "A", invoice: "1"), bad(3), good(4, code: "B", invoice: "2")],
            mode: .allOrNothing, source: "a.csv", context: Fixture.context("i1"))
        #expect(!report.committed)
        #expect(report.rejected.map(\.line) == [3])
        #expect(try store.caseCount() == 0)
        #expect(try await eventCount(store) == 0)
    }

    @Test("skipping bad rows imports the good ones and reports the rest")
    func skipBad() async throws {
        let store = try Fixture.store()
        let report = try store.importReceivables(
            [good(2, code: "A", invoice: "1"), bad(3), good(4, code: "B", invoice: "2")],
            mode: .skipBad, source: "a.csv", context: Fixture.context("i1"))
        #expect(report.committed)
        #expect(report.rejected.map(\.line) == [3])
        #expect(try store.caseCount() == 2)
    }

    @Test("a dry run reports what it would do and writes nothing")
    func dryRun() async throws {
        let store = try Fixture.store()
        let report = try store.importReceivables(
            [good(2, code: "A", invoice: "1"), good(3, code: "B", invoice: "2")],
            mode: .dryRun, source: "a.csv", context: Fixture.context("i1"))
        #expect(!report.committed)
        #expect(report.casesOpened == 2)
        #expect(try store.caseCount() == 0)
    }

    @Test("re-importing the same file adds nothing twice")
    func reimport() async throws {
        let store = try Fixture.store()
        let rows = [good(2, code: "A", invoice: "1"), good(3, code: "A", invoice: "2")]
        _ = try store.importReceivables(rows, mode: .allOrNothing, source: "a.csv", context: Fixture.context("i1"))
        let events = try await eventCount(store)
        let again = try store.importReceivables(
            rows, mode: .allOrNothing, source: "a.csv", context: Fixture.context("i2"))
        #expect(again.claimsAdded == 0)
        #expect(again.duplicatesSkipped == 2)
        #expect(try await eventCount(store) == events)
    }

    @Test("a new invoice for a paid debtor puts the case back on the ladder at phone")
    func reopensClosedCase() async throws {
        let store = try Fixture.store()
        _ = try store.importReceivables(
            [good(2, code: "A", invoice: "1")], mode: .allOrNothing, source: "a.csv", context: Fixture.context("i1"))
        _ = try await store.append(to: 1, context: Fixture.context("paid")) { _ in
            [
                EventDraft(date: Fixture.today, fact: .payment(amount: 110_000)),
                EventDraft(date: Fixture.today, fact: .stageChanged(from: .phone, to: .paid, reason: "入金", court: nil)),
            ]
        }
        #expect(try await store.caseState(1)?.isClosed == true)
        let report = try store.importReceivables(
            [good(2, code: "A", invoice: "9", amount: 5_000)], mode: .allOrNothing, source: "b.csv",
            context: Fixture.context("i2"))
        #expect(report.casesReopened == 1)
        let state = try #require(try await store.caseState(1))
        #expect(state.stage == .phone)
        #expect(state.outstanding == Money(5_000))
        #expect(try await store.verifyChain() == nil)
    }
}
