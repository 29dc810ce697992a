import Foundation
import KaishuCore
import KaishuStore

/// Note saves: a call note through the store's write path (workflow decision, hash chain, case
/// row, durable commit at synchronous = FULL) against a raw single-row INSERT + COMMIT in WAL at
/// synchronous = FULL on the same filesystem — one fsync of the WAL each.
struct NoteBench {
    let store: SQLiteCaseStore
    let today: CivilDate
    let runs: Int
    let folder: String

    func run(caseIDs: [Int64]) async throws -> (kaishu: Samples, floor: Samples) {
        let floorPath = "\(folder)/floor-sync.sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(floorPath + suffix) }
        let raw = try RawSQLite(path: floorPath, create: true)
        try raw.exec("PRAGMA journal_mode = WAL")
        try raw.exec("PRAGMA synchronous = FULL")
        try raw.exec(
            "CREATE TABLE notes (seq INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, payload TEXT NOT NULL, hash TEXT NOT NULL)"
        )
        let insert = try raw.prepare("INSERT INTO notes (case_id, payload, hash) VALUES (?1, ?2, ?3)")
        let begin = try raw.prepare("BEGIN IMMEDIATE")
        let commit = try raw.prepare("COMMIT")
        let calendar = store.calendar
        let today = self.today
        var kaishu = Samples()
        var floor = Samples()
        for run in 0..<runs {
            let id = caseIDs[run % caseIDs.count]
            let text = "先方経理の田中様と通話。今月末に振込予定とのこと。請求書を再送する。#\(run)"
            let context = WriteContext(
                actor: "bench", recordedAt: Clock.timestamp(), today: today, idempotencyKey: UUID().uuidString)
            let log = ContactLog(outcome: .callback, channel: .phone, text: text, time: nil)
            let (_, seconds) = try await measureAsync {
                try await store.append(to: id, context: context) { file in
                    try CaseAction.logContact(log, on: today).decide(
                        CaseState(file: file, calendar: calendar), today: today)
                }
            }
            kaishu.add(seconds)
            let payload = #"{"contact":{"_0":{"channel":"phone","outcome":"callback","text":"\#(text)"}}}"#
            let (_, floorSeconds) = measure {
                begin.reset()
                begin.run()
                insert.reset()
                insert.bind(1, id)
                insert.bind(2, payload)
                insert.bind(3, String(repeating: "0", count: 64))
                insert.run()
                commit.reset()
                commit.run()
            }
            floor.add(floorSeconds)
        }
        return (kaishu, floor)
    }

    /// fsync/fdatasync calls on the WAL and on the database file while one process saves `notes`
    /// notes, counted with strace; `nil` when strace is not available.
    static func countSyncs(
        book: String, notes: Int, today: CivilDate
    ) throws -> (saved: Int, wal: Int, database: Int, other: Int)? {
        guard let strace = ChildRun.which("strace") else { return nil }
        let trace = NSTemporaryDirectory() + "kaishu-bench-strace-\(UUID().uuidString).txt"
        defer { unlink(trace) }
        // A fresh seed each time: the drive's idempotency keys are `drive-SEED-i`, and on a book
        // kept in --dir a repeated seed would replay the last run's notes, writing (and syncing)
        // nothing.
        let seed = UInt64.random(in: 1_000...UInt64(UInt32.max))
        let result = try ChildRun.run([
            strace, "-f", "-y", "-e", "trace=fsync,fdatasync", "-o", trace, ChildRun.selfPath, "bench", "drive",
            "--mix", "notes", "--count", String(notes), "--seed", String(seed), "--db", book, "--today", today.iso,
        ])
        guard result.status == 0 else { return nil }
        // A note on a closed case is refused (nothing written): count the saved ones.
        let saved = result.output.split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        var wal = 0
        var database = 0
        var other = 0
        for line in lines where line.contains("fsync(") || line.contains("fdatasync(") {
            if line.contains("-wal>") {
                wal += 1
            } else if line.contains(".sqlite>") {
                database += 1
            } else {
                other += 1
            }
        }
        return (saved, wal, database, other)
    }
}
