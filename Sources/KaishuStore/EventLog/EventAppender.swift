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
    private(set) var head: LogHead
    private let insert: BatchedInsert

    var nextSeq: Int64 { head.nextSeq }
    var headHash: String { head.hash }

    static let insertSQL = """
        INSERT INTO events (seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(_ db: Database, rowsPerStatement: Int = 1) throws {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
        head = LogHead(nextSeq: max(last?["seq"] ?? 0, sequence) + 1, hash: last?["hash"] ?? EventContent.genesis)
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
        try append(
            head.next(caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor, payload: payload),
            caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor, payload: payload,
            idempotencyKey: idempotencyKey)
    }

    /// The same with the event already linked to the head (the demo book links ahead, on other
    /// threads). A link made from another head stops the program rather than break the chain.
    mutating func append(
        _ link: EventLink, caseID: Int64, kind: String, date: String, recordedAt: String, actor: String,
        payload: String, idempotencyKey: String? = nil
    ) throws {
        head.advance(past: link)
        try insert.add { b in
            b.int(link.seq)
            b.int(caseID)
            b.text(kind)
            b.text(date)
            b.text(recordedAt)
            b.text(actor)
            b.text(payload)
            b.text(idempotencyKey)
            b.text(link.prevHash)
            b.text(link.hash)
        }
    }
}
