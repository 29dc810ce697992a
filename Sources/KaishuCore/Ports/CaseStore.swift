/// A case book: where cases, their claims and their append-only history live.
///
/// Two implementations keep the same promises — SQLite for one collector (`KaishuStore`) and
/// PostgreSQL for a team: a write returns only after it is durably committed; the history is
/// append-only and hash-chained; a write carrying an idempotency key already seen is not applied
/// twice; the queue is an indexed, keyset-paged query that never loads every case.
public protocol CaseStore: Sendable {
    /// One page of the queue in the query's order.
    func queue(_ query: QueueQuery) async throws -> QueuePage

    /// Counts for the status line: due today, near limitation, broken promises.
    func queueCounts(today: CivilDate) async throws -> QueueCounts

    /// Everything known about one case, or `nil` when there is no such case.
    func caseFile(_ id: Int64) async throws -> CaseFile?

    /// Appends the events `decide` returns for the case as it stands inside the write
    /// transaction, then commits. `decide` is pure domain logic (a workflow step, a note);
    /// a thrown `Refusal` aborts the write. If `context.idempotencyKey` was already used,
    /// nothing is appended and the case is returned as it is.
    func append(
        to id: Int64, context: WriteContext,
        decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile
}

/// Who writes, when, and under which idempotency key.
public struct WriteContext: Hashable, Sendable {
    public var actor: String
    /// Wall-clock time of the write (ISO 8601 with offset), taken at the program's edge.
    public var recordedAt: String
    /// The collector's "today"; the store ranks the queue relative to it.
    public var today: CivilDate
    /// A retried write with the same key is not applied again.
    public var idempotencyKey: String
    /// The claim this write is made under (team store). A store that leases cases refuses the
    /// write when the lease's token is no longer the case's current one; without a lease it
    /// refuses only when another collector holds a live claim on the case. See `CaseLeasing`.
    public var lease: Lease?

    public init(actor: String, recordedAt: String, today: CivilDate, idempotencyKey: String, lease: Lease? = nil) {
        self.actor = actor
        self.recordedAt = recordedAt
        self.today = today
        self.idempotencyKey = idempotencyKey
        self.lease = lease
    }
}

/// A refused action, with a reason a collector understands. Exit code 1 on the command line.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Everything stored about a case: who owes, and the full history.
/// Claims, stage, balance and limitation are all derived from the events (`CaseState`).
public struct CaseFile: Hashable, Sendable {
    public var id: Int64
    public var debtor: Debtor
    /// The collector the case is assigned to, if any.
    public var collector: String?
    /// The history in log order (ascending `seq`).
    public var events: [CaseEvent]

    public init(id: Int64, debtor: Debtor, collector: String?, events: [CaseEvent]) {
        self.id = id
        self.debtor = debtor
        self.collector = collector
        self.events = events
    }
}
