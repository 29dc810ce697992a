import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

/// The write path's statements (`PostgresCaseStore.append`), prepared: inside BEGIN … COMMIT a
/// write is three statements — `WriteLockStatement` (lock and read), `HeadLockStatement` (lock
/// the chain's head) and `WriteStatement` (extend the chain, rewrite the row) — where it was nine.
enum TeamWriteSQL {
    /// The case file's columns: the debtor and assignment on every row, one row per event in log
    /// order (one row with `NULL` event columns for a case without events).
    static let fileColumns = """
        c.collector, d.code, d.name, d.kana, d.phones, d.email, d.postal_code, d.address, d.domestic, \
        e.seq, e.date, e.recorded_at, e.actor, e.payload, e.hash
        """
    static let fileJoins = "JOIN debtors d ON d.id = c.debtor_id LEFT JOIN events e ON e.case_id = c.id"
}

/// Case `$1`'s file (read by `TeamCaseFile.file(id:rows:)`).
struct CaseFileStatement: TeamPreparedStatement {
    static let sql =
        "SELECT \(TeamWriteSQL.fileColumns) FROM cases c \(TeamWriteSQL.fileJoins) WHERE c.id = $1 ORDER BY e.seq"
    static let bindingDataTypes: [PostgresDataType] = [.int8]
    let bindings: PostgresBindings

    init(caseID: Int64) {
        var bindings = PostgresBindings()
        bindings.append(caseID)
        self.bindings = bindings
    }
}

/// A write's first statement: locks case `$1`'s row (`FOR UPDATE OF c`, so writes to one case
/// queue up and a claim skips it meanwhile) and reads in the same round trip what the write
/// needs — the claim for the fencing check, the day the book is ranked for, whether idempotency
/// key `$2` was already used, and the case file. (The chain's head is locked and read later, by
/// `HeadLockStatement`, after the decision.)
///
/// Everything but the locked row is read from the statement's snapshot. When the lock had to
/// wait for another write to this case, PostgreSQL re-reads the locked row after that write
/// committed (READ COMMITTED) but not the joined rows, so the events would be the old ones:
/// `version` (bumped by every write) of the locked row against the same row joined unlocked
/// (`s`) tells the two apart, and the caller reads the file again (`CaseFileStatement`) when
/// they differ. A stale "key not used" is caught by the key's unique index at insert.
struct WriteLockStatement: TeamPreparedStatement {
    static let sql = """
        SELECT c.claimed_by, c.claim_token, c.claim_expires, coalesce(c.claim_expires > now(), false) AS live,
            c.version AS locked_version, s.version AS read_version,
            (SELECT value FROM meta WHERE key = '\(TeamReranking.key)') AS ranked_as_of,
            EXISTS (SELECT 1 FROM events WHERE idem_key = $2) AS key_used,
            \(TeamWriteSQL.fileColumns)
        FROM cases c JOIN cases s ON s.id = c.id \(TeamWriteSQL.fileJoins)
        WHERE c.id = $1
        ORDER BY e.seq
        FOR UPDATE OF c
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .text]
    let bindings: PostgresBindings

    init(caseID: Int64, idempotencyKey: String) {
        var bindings = PostgresBindings()
        bindings.append(caseID)
        bindings.append(idempotencyKey)
        self.bindings = bindings
    }
}

/// Locks the chain's head (`log_head`) and reads it, after the decision: appends to the one global
/// chain queue up here, for as short a time as the old path held it.
struct HeadLockStatement: TeamPreparedStatement {
    static let sql = "SELECT seq, hash FROM log_head FOR UPDATE"
    let bindings = PostgresBindings()
}

/// A write's last statement: moves the chain's head, appends the events and rewrites the case's
/// cached row — all three only if the head is still the one the events were hashed on (`$2`).
///
/// The caller holds the head's lock (`HeadLockStatement`), so the head is still `$2` and the row
/// returned is the new head (`$4`, the last event's hash); the condition stays as a check, and any
/// other head returned means nothing was written.
///
/// `$1` case, `$2` head hash expected, `$3`/`$4` the new head's seq and hash, `$5`… the events as
/// arrays (seq, kind, date, payload, prev_hash, hash), `$8` recorded_at, `$9` actor, `$13` the
/// idempotency key (on the first event only), `$14`… the cached row (`TeamCaseFile.rowColumns`).
struct WriteStatement: TeamPreparedStatement {
    static let sql = """
        WITH head AS (
            UPDATE log_head SET
                seq = CASE WHEN hash = $2 THEN $3 ELSE seq END,
                hash = CASE WHEN hash = $2 THEN $4 ELSE hash END
            RETURNING seq, hash
        ),
        added AS (
            INSERT INTO events (seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash)
            SELECT e.seq, $1, e.kind, e.date, $8, $9, e.payload, CASE WHEN e.n = 1 THEN $13 END, e.prev_hash, e.hash
            FROM unnest($5::bigint[], $6::text[], $7::text[], $10::text[], $11::text[], $12::text[])
                WITH ORDINALITY AS e(seq, kind, date, payload, prev_hash, hash, n)
            WHERE EXISTS (SELECT 1 FROM head WHERE head.hash = $4)
        ),
        cached AS (
            UPDATE cases SET \(TeamCaseFile.rowAssignments(from: 14)), version = version + 1
            WHERE id = $1 AND EXISTS (SELECT 1 FROM head WHERE head.hash = $4)
        )
        SELECT seq, hash FROM head
        """
    static let bindingDataTypes: [PostgresDataType] =
        [.int8, .text, .int8, .text, .int8Array, .textArray, .textArray, .text, .text, .textArray, .textArray]
        + [.textArray, .text] + TeamCaseFile.rowTypes
    let bindings: PostgresBindings

    /// `events` hashed on the head whose hash is `previous`.
    init(
        caseID: Int64, previous: String, events: [CaseEvent], contents: [EventContent], context: WriteContext,
        row: CaseRow
    ) {
        var bindings = PostgresBindings()
        bindings.append(caseID)
        bindings.append(previous)
        bindings.append(events.last?.seq ?? 0)
        bindings.append(events.last?.hash ?? previous)
        bindings.append(events.map(\.seq))
        bindings.append(contents.map(\.kind))
        bindings.append(contents.map(\.date))
        bindings.append(context.recordedAt)
        bindings.append(context.actor)
        bindings.append(contents.map(\.payload))
        bindings.append(contents.map(\.prevHash))
        bindings.append(events.map(\.hash))
        bindings.append(context.idempotencyKey)
        TeamCaseFile.bind(row, into: &bindings)
        self.bindings = bindings
    }
}
