import GRDB
import KaishuEventLog

/// Walks the event log in `seq` order and recomputes every hash from the stored columns.
///
/// An event is bad when its stored hash is not the hash of its content, or when its `prev_hash`
/// is not the previous event's hash — which is what a changed, removed, inserted or swapped row
/// leaves behind. A log cut at its end leaves no bad link; SQLite's `sqlite_sequence` still
/// remembers the highest `seq` handed out, so a shortfall is reported as the first missing `seq`.
/// (Anchoring the head hash outside the book, issue 7, closes the case of a rewritten tail.)
/// The rule itself is `ChainCheck`, shared with the team store.
enum ChainVerifier {
    static func firstBrokenSeq(_ db: Database) throws -> Int64? {
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT seq, case_id, kind, date, recorded_at, actor, payload, prev_hash, hash FROM events ORDER BY seq"
        )
        var check = ChainCheck()
        while let row = try rows.next() {
            let content = EventContent(
                seq: row["seq"], caseID: row["case_id"], kind: row["kind"], date: row["date"],
                recordedAt: row["recorded_at"], actor: row["actor"], payload: row["payload"],
                prevHash: row["prev_hash"])
            if !check.feed(content, storedHash: row["hash"]) { break }
        }
        let handedOut = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
        return check.finish(lastSeqHandedOut: handedOut)
    }
}
