import Dispatch
import GRDB
import KaishuCore
import KaishuEventLog

/// One demo case with every row's values laid out for the writer, hashes included.
struct PreparedDemoCase: Sendable {
    var stage: Stage
    var claimCount: Int
    var eventCount: Int
    var debtor: [BulkValue]
    var row: [BulkValue]
    /// `claimCount` rows of `claims`, one after the other.
    var claims: [BulkValue]
    /// `eventCount` rows of `events`, one after the other.
    var events: [BulkValue]
}

/// A batch of demo cases being prepared on a background thread.
///
/// Preparing is in two steps. Generating and folding a case depends on nothing else, so batches
/// do it in parallel. The hash chain runs through every event in order, so a batch extends it
/// only after the batch before it has, from where that one ended (`Chain`).
final class DemoBatch: @unchecked Sendable {
    /// Where a batch's part of the chain begins.
    enum Chain {
        /// At the log's head: the next sequence number and the last hash.
        case start(EventAppender.Head)
        /// Where the previous batch's part ends.
        case after(DemoBatch)
    }

    private let done = DispatchSemaphore(value: 0)
    private let chained = DispatchSemaphore(value: 0)
    /// Written by the preparing thread before it signals `done`; read only after `wait()`.
    private var cases: [PreparedDemoCase] = []
    /// Written before `chained` is signalled; read once, by the next batch.
    private var end: EventAppender.Head?

    static func prepare(
        _ range: Range<Int>, factory: DemoCaseFactory, calendar: BusinessCalendar, today: CivilDate,
        chain: Chain
    ) -> DemoBatch {
        let batch = DemoBatch()
        DispatchQueue.global(qos: .userInitiated).async {
            let folded = range.map { FoldedDemoCase(index: $0, factory: factory, calendar: calendar, today: today) }
            var head: EventAppender.Head
            switch chain {
            case .start(let start): head = start
            case .after(let previous): head = previous.chainEnd()
            }
            batch.cases = folded.map { $0.laidOut(chainingFrom: &head) }
            batch.end = head
            batch.chained.signal()
            batch.done.signal()
        }
        return batch
    }

    /// The prepared cases, once ready.
    func wait() -> [PreparedDemoCase] {
        done.wait()
        return cases
    }

    /// Where this batch's part of the chain ends; for the next batch only.
    private func chainEnd() -> EventAppender.Head {
        chained.wait()
        return end!
    }
}

/// A generated case folded with `CaseState` exactly as an ordinary write does, its payloads
/// encoded: everything but the log positions and hashes.
private struct FoldedDemoCase {
    struct Event {
        var kind: String
        var date: String
        var recordedAt: String
        var actor: String
        var payload: String
    }

    let id: Int64
    let stage: Stage
    let debtor: [BulkValue]
    let row: [BulkValue]
    /// Each claim with the offset of its `claim-added` event among the case's events.
    let claims: [(offset: Int64, claim: Claim)]
    let events: [Event]

    /// Generates case `index` (stored as case, and debtor, number `index + 1`). The fold's
    /// sequence numbers are relative: it does not depend on them.
    init(index: Int, factory: DemoCaseFactory, calendar: BusinessCalendar, today: CivilDate) {
        let demoCase = factory.make(index)
        id = Int64(index + 1)
        var events: [CaseEvent] = []
        events.reserveCapacity(demoCase.entries.count)
        for (offset, entry) in demoCase.entries.enumerated() {
            events.append(
                CaseEvent(
                    seq: Int64(offset + 1), caseID: id, date: entry.draft.date,
                    recordedAt: FoldedDemoCase.timestamp(entry.draft.date, entry.time), actor: entry.actor,
                    fact: entry.draft.fact, hash: ""))
        }
        let file = CaseFile(id: id, debtor: demoCase.debtor, collector: demoCase.collector, events: events)
        let state = CaseState(file: file, calendar: calendar, explained: false)
        stage = state.stage
        var debtor = BulkRow()
        DebtorInsert.bind(&debtor, demoCase.debtor, id: id)
        self.debtor = debtor.values
        var row = BulkRow()
        CaseRow(state: state, rankedAsOf: today).bindInsert(&row, id: id, debtorID: id, version: 1)
        self.row = row.values
        claims = events.enumerated().compactMap { offset, event in
            if case .claimAdded(let claim) = event.fact { return (Int64(offset), claim) }
            return nil
        }
        self.events = events.map {
            Event(
                kind: $0.fact.kind, date: $0.date.iso, recordedAt: $0.recordedAt, actor: $0.actor,
                payload: FactJSON.encode($0.fact))
        }
    }

    /// The rows' values, the events chained on from `head`, which moves past them.
    func laidOut(chainingFrom head: inout EventAppender.Head) -> PreparedDemoCase {
        let firstSeq = head.nextSeq
        var claimRows = BulkRow()
        for (offset, claim) in claims {
            claimRows.int(id)
            claimRows.text(claim.invoice)
            claimRows.text(claim.contractDate.iso)
            claimRows.text(claim.dueDate?.iso)
            claimRows.int(claim.amount.yen)
            claimRows.int(firstSeq + offset)
        }
        var eventRows = BulkRow()
        for event in events {
            EventAppender.bindNext(
                &eventRows, head: &head, caseID: id, kind: event.kind, date: event.date,
                recordedAt: event.recordedAt, actor: event.actor, payload: event.payload, idempotencyKey: nil)
        }
        return PreparedDemoCase(
            stage: stage, claimCount: claims.count, eventCount: events.count, debtor: debtor, row: row,
            claims: claimRows.values, events: eventRows.values)
    }

    /// ISO 8601 in Japan time, as the program's edge writes `recordedAt`.
    static func timestamp(_ date: CivilDate, _ time: String) -> String {
        date.iso + "T" + time + ":00+09:00"
    }
}

/// Stores prepared demo cases many rows per statement. A case, its debtor, its claims and its
/// events share the case's number.
struct DemoWriter {
    static let rowsPerStatement = 64
    /// The log's head before the demo: where the batches start the chain.
    let chainStart: EventAppender.Head
    private let debtors: BatchedInsert
    private let cases: BatchedInsert
    private let claims: BatchedInsert
    private let events: BatchedInsert

    init(db: Database) throws {
        chainStart = try EventAppender.head(db)
        let rows = DemoWriter.rowsPerStatement
        debtors = BatchedInsert(db, sql: DebtorInsert.sql, rowsPerStatement: rows)
        cases = BatchedInsert(db, sql: CaseRow.insertSQL, rowsPerStatement: rows)
        claims = BatchedInsert(
            db,
            sql:
                "INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq) VALUES (?, ?, ?, ?, ?, ?)",
            rowsPerStatement: rows)
        events = BatchedInsert(db, sql: EventAppender.insertSQL, rowsPerStatement: rows)
    }

    /// Stores one case: debtor, the case row, claims, then the events.
    func write(_ prepared: PreparedDemoCase) throws {
        try debtors.add(values: prepared.debtor, rows: 1)
        try cases.add(values: prepared.row, rows: 1)
        try claims.add(values: prepared.claims, rows: prepared.claimCount)
        try events.add(values: prepared.events, rows: prepared.eventCount)
    }

    /// Stores what the batches still hold.
    func flush() throws {
        try debtors.flush()
        try cases.flush()
        try claims.flush()
        try events.flush()
    }
}
