import Foundation
import GRDB
import KaishuCore
import Testing

@testable import KaishuStore

@Suite("Case book durability")
struct DurabilityTests {
    @Test("the writer runs at synchronous = FULL after every open, despite GRDB's WAL default")
    func synchronousFull() throws {
        let folder = try Fixture.TemporaryFolder()
        let path = folder.path + "/casebook.sqlite"
        do {
            let store = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
            #expect(try store.synchronousLevel() == 2)
        }
        let reopened = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
        #expect(try reopened.synchronousLevel() == 2)
        let journal = try reopened.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("foreign keys are enforced")
    func foreignKeys() throws {
        let store = try Fixture.store()
        let on = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(on == 1)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO claims (case_id, invoice, contract_date, amount, seq) VALUES (999, 'X', '2024-01-01', 1, 1)"
                )
            }
        }
    }

    @Test("a new case book file, its WAL and shared memory are readable by the owner only (0600)")
    func fileMode() throws {
        let folder = try Fixture.TemporaryFolder()
        let path = folder.path + "/casebook.sqlite"
        let oldMask = umask(0o022)
        defer { umask(oldMask) }
        let store = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
        _ = try store.importReceivables(
            [.success(Fixture.record(line: 2, code: "D1", name: "株式会社山田商事", invoice: "A-1"))],
            mode: .allOrNothing, source: "t.csv", context: Fixture.context("k"))
        for file in [path, path + "-wal", path + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? -1, radix: 8))")
        }
    }

    @Test("opening a path in a missing folder fails with the path in the message")
    func missingFolder() throws {
        let error = #expect(throws: StoreError.self) {
            try SQLiteCaseStore(path: "/nonexistent-kaishu-folder/casebook.sqlite", calendar: Fixture.calendar)
        }
        #expect(error?.description.contains("/nonexistent-kaishu-folder/casebook.sqlite") == true)
    }
}
