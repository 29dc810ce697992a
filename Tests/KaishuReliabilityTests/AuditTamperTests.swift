import Crypto
import Foundation
import GRDB
import KaishuCore
import Testing

@testable import KaishuEventLog
@testable import KaishuStore

/// The verifier's own tests (the immudb lesson: a verifier nobody attacked proves nothing). Each
/// test mutates a copy of a real case book the way someone with the file and a SQLite shell
/// could, and shows `verifyAudit` — and `kaishu audit verify` — names the first event affected.
@Suite("audit: every mutation of the log is caught")
struct AuditTamperTests {
    static let today = CivilDate(2026, 11, 23)

    /// A small book: demo cases, a few notes, a correction. Closed (WAL checkpointed) on return.
    static let original: String = {
        let folder = try! KaishuProcess.folder("audit")
        let path = folder + "/casebook.sqlite"
        do {
            let store = try SQLiteCaseStore(path: path, calendar: .japan)
            _ = try DemoCasebook.generate(into: store, cases: 40, seed: 3, today: today)
            for (index, id) in [Int64(1), 2, 3, 2].enumerated() {
                let context = WriteContext(
                    actor: "田中", recordedAt: "2026-11-23T10:0\(index):00+09:00", today: today,
                    idempotencyKey: "t-\(index)")
                _ = try store.appendSync(to: id, context: context) { _ in
                    [
                        EventDraft(
                            date: today,
                            fact: .contact(
                                ContactLog(outcome: .noAnswer, channel: .phone, text: "不在 \(index)", time: nil)))
                    ]
                }
            }
        } catch {
            fatalError("cannot build the audit test book: \(error)")
        }
        return path
    }()

    /// A copy of the original book with its append-only triggers dropped, for mutation.
    static func tamperedCopy(_ mutate: (Database) throws -> Void) throws -> String {
        let folder = try KaishuProcess.folder("tamper")
        let path = folder + "/casebook.sqlite"
        try FileManager.default.copyItem(atPath: original, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete")
            try db.inTransaction {
                try mutate(db)
                return .commit
            }
        }
        return path
    }

    static func verify(_ path: String, against checkpoint: AuditHead? = nil) throws -> AuditVerification {
        try SQLiteCaseStore(path: path, calendar: .japan).verifyAudit(against: checkpoint)
    }

    static func eventCount() throws -> Int64 {
        try SQLiteCaseStore(path: original, calendar: .japan).auditHead().count
    }

    @Test("the untouched log verifies, and its hash input is exactly what each hash covers")
    func intact() throws {
        let store = try SQLiteCaseStore(path: Self.original, calendar: .japan)
        let result = try store.verifyAudit()
        #expect(result.isIntact)
        #expect(result.events > 100)
        #expect(result.head == (try store.auditHead()))
        try store.pool.read { db in
            let rows = try Row.fetchAll(db, sql: AuditWalker.selectSQL)
            for row in rows {
                let digest = SHA256.hash(data: AuditWalker.content(of: row).hashInput)
                #expect(EventContent.hex(digest) == row[8] as String)
            }
        }
    }

    @Test(
        "flipping one byte of any hashed field is caught at that event",
        arguments: ["case_id", "kind", "date", "recorded_at", "actor", "payload", "prev_hash", "hash"])
    func flipByte(column: String) throws {
        let target: Int64 = 57
        let path = try Self.tamperedCopy { db in
            if column == "case_id" {
                try db.execute(sql: "UPDATE events SET case_id = case_id + 1 WHERE seq = ?", arguments: [target])
            } else {
                var bytes = Array(
                    (try String.fetchOne(db, sql: "SELECT \(column) FROM events WHERE seq = ?", arguments: [target]))!
                        .utf8)
                let at = bytes.count / 2
                bytes[at] ^= 0x01
                try db.execute(
                    sql: "UPDATE events SET \(column) = ? WHERE seq = ?",
                    arguments: [String(decoding: bytes, as: UTF8.self), target])
            }
        }
        let result = try Self.verify(path)
        #expect(result.problem?.seq == target, "\(column): \(String(describing: result.problem))")
    }

    @Test("renumbering an event is caught")
    func renumber() throws {
        let path = try Self.tamperedCopy { db in
            try db.execute(sql: "UPDATE events SET seq = 100000 WHERE seq = 20")
        }
        let result = try Self.verify(path)
        #expect(result.problem?.kind == .brokenLink)
        #expect(result.problem?.seq == 21)
    }

    @Test("deleting an event is caught at the one after it")
    func deleteRow() throws {
        let path = try Self.tamperedCopy { db in try db.execute(sql: "DELETE FROM events WHERE seq = 30") }
        let result = try Self.verify(path)
        #expect(result.problem?.kind == .brokenLink)
        #expect(result.problem?.seq == 31)
    }

    @Test("swapping two events is caught at the first of them")
    func reorder() throws {
        let path = try Self.tamperedCopy { db in
            let columns = "case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash"
            let a = try Row.fetchOne(db, sql: "SELECT \(columns) FROM events WHERE seq = 40")!
            let b = try Row.fetchOne(db, sql: "SELECT \(columns) FROM events WHERE seq = 41")!
            let assign =
                "case_id = ?, kind = ?, date = ?, recorded_at = ?, actor = ?, payload = ?, idem_key = ?, prev_hash = ?, hash = ?"
            try db.execute(sql: "UPDATE events SET idem_key = NULL WHERE seq IN (40, 41)")
            try db.execute(
                sql: "UPDATE events SET \(assign) WHERE seq = 40",
                arguments: StatementArguments(Array(b.databaseValues)))
            try db.execute(
                sql: "UPDATE events SET \(assign) WHERE seq = 41",
                arguments: StatementArguments(Array(a.databaseValues)))
        }
        let result = try Self.verify(path)
        #expect(result.problem?.seq == 40)
    }

    @Test("cutting off the tail is caught, even when the cut also rewinds sqlite_sequence, given a checkpoint")
    func truncate() throws {
        let count = try Self.eventCount()
        let checkpoint = try SQLiteCaseStore(path: Self.original, calendar: .japan).auditHead()
        let cut = try Self.tamperedCopy { db in
            try db.execute(sql: "DELETE FROM events WHERE seq > ?", arguments: [count - 3])
        }
        let plain = try Self.verify(cut)
        #expect(plain.problem?.kind == .missingTail)
        #expect(plain.problem?.seq == count - 2)

        let covered = try Self.tamperedCopy { db in
            try db.execute(sql: "DELETE FROM events WHERE seq > ?", arguments: [count - 3])
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'", arguments: [count - 3])
        }
        // Without a checkpoint a cleanly cut log is indistinguishable from a shorter one …
        #expect(try Self.verify(covered).isIntact)
        // … which is why the head is kept elsewhere.
        let anchored = try Self.verify(covered, against: checkpoint)
        #expect(anchored.problem?.kind == .shorterThanCheckpoint)
    }

    @Test("a history rewritten before a checkpoint, with every hash recomputed, is caught by the checkpoint")
    func rewrittenHistory() throws {
        let checkpoint = try SQLiteCaseStore(path: Self.original, calendar: .japan).auditHead()
        let forged = try Self.tamperedCopy { db in
            // Make an early invoice ten times larger and re-chain everything after it.
            let target = try Int64.fetchOne(db, sql: "SELECT min(seq) FROM events WHERE payload LIKE '%\"amount\":%'")!
            try db.execute(
                sql: "UPDATE events SET payload = replace(payload, '\"amount\":', '\"amount\":1') WHERE seq = ?",
                arguments: [target])
            var previous = try String.fetchOne(
                db, sql: "SELECT prev_hash FROM events WHERE seq = ?", arguments: [target])!
            for row in try Row.fetchAll(db, sql: AuditWalker.selectSQL) where (row[0] as Int64) >= target {
                var content = AuditWalker.content(of: row)
                content.prevHash = previous
                let hash = content.hash
                try db.execute(
                    sql: "UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?",
                    arguments: [previous, hash, content.seq])
                previous = hash
            }
        }
        #expect(try Self.verify(forged).isIntact, "a consistent forgery passes the chain check alone")
        let anchored = try Self.verify(forged, against: checkpoint)
        #expect(anchored.problem?.kind == .checkpointMismatch)
        #expect(anchored.problem?.seq == checkpoint.count)
    }

    @Test("kaishu audit verify exits 1 naming the first bad event; checkpoint and --against round-trip")
    func commandLine() throws {
        let good = try KaishuProcess.run(["audit", "verify", "--db", Self.original])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Verified:"))
        let head = try KaishuProcess.run(["audit", "checkpoint", "--db", Self.original])
        let checkpoint = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(AuditHead(parsing: checkpoint) != nil)
        #expect(try KaishuProcess.run(["audit", "verify", "--db", Self.original, "--against", checkpoint]).status == 0)

        let bad = try Self.tamperedCopy { db in try db.execute(sql: "DELETE FROM events WHERE seq = 33") }
        let failed = try KaishuProcess.run(["audit", "verify", "--db", bad, "--json"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("event #34"))
        let json = try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any]
        #expect(json?["firstBadEvent"] as? Int == 34)
        #expect(json?["ok"] as? Bool == false)

        let usage = try KaishuProcess.run(["audit", "verify", "--db", Self.original, "--against", "12:nothex"])
        #expect(usage.status == 2)
    }
}
