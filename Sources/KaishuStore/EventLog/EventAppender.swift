import GRDB
import KaishuCore
import KaishuEventLog

/// Appends events at the head of the log inside a write transaction: gives each its `seq`, links
/// it to the previous event's hash and stores its own.
///
/// `seq` is computed rather than left to SQLite because it is part of the hashed content. It is
/// the next number AUTOINCREMENT would give (one past both the largest `seq` and
/// `sqlite_sequence`), so a number is never reused.
///
/// Bulk writers store several events per statement (`rowsPerStatement`); they must `flush()`
/// before reading events back or committing. An ordinary write stores each event at once.
struct EventAppender {
    private(set) var nextSeq: Int64
    private(set) var headHash: String
    private let insert: BatchedInsert

    static let insertSQL = """
        INSERT INTO events (seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(_ db: Database, rowsPerStatement: Int = 1) throws {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
        nextSeq = max(head?["seq"] ?? 0, sequence) + 1
        headHash = head?["hash"] ?? EventContent.genesis
        insert = BatchedInsert(db, sql: EventAppender.insertSQL, rowsPerStatement: rowsPerStatement)
    }

    /// Stores the events appended but not yet written (bulk writers).
    func flush() throws { try insert.flush() }

    /// Stores one event and returns it as the case file will hold it. `idempotencyKey` goes on the
    /// first event of a write only (the column is UNIQUE).
    mutating func append(
        caseID: Int64, draft: EventDraft, recordedAt: String, actor: String,
        idempotencyKey: String?
    ) throws -> CaseEvent {
        let payload = FactJSON.encode(draft.fact)
        try append(
            caseID: caseID, kind: draft.fact.kind, date: draft.date.iso, recordedAt: recordedAt,
            actor: actor, payload: payload, idempotencyKey: idempotencyKey)
        return CaseEvent(
            seq: nextSeq - 1, caseID: caseID, date: draft.date, recordedAt: recordedAt, actor: actor,
            fact: draft.fact, hash: headHash)
    }

    /// The same with the payload already encoded (bulk writers).
    mutating func append(
        caseID: Int64, kind: String, date: String, recordedAt: String, actor: String,
        payload: String, idempotencyKey: String?
    ) throws {
        let content = EventContent(
            seq: nextSeq, caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor,
            payload: payload, prevHash: headHash)
        let hash = content.hash
        let seq = nextSeq
        let prevHash = headHash
        try insert.add { b in
            b.int(seq)
            b.int(caseID)
            b.text(kind)
            b.text(date)
            b.text(recordedAt)
            b.text(actor)
            b.text(payload)
            b.text(idempotencyKey)
            b.text(prevHash)
            b.text(hash)
        }
        headHash = hash
        nextSeq += 1
    }
}
