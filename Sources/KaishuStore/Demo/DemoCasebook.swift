import Dispatch
import Foundation
import GRDB
import KaishuCore
import KaishuEventLog

/// A deterministic, realistic demo case book: the same seed, size and today give the same book,
/// byte for byte (hashes included).
///
/// The bulk path is built for a million cases: everything is written in one transaction, many
/// rows per statement; the queue's secondary indexes are dropped first and built once at the end,
/// which is much faster than maintaining them row by row; the hash chain is extended batch after
/// batch by the threads that prepare the cases. SQLite's page cache stays at its default size: a
/// large one made the index builds twice as slow (the sorter then sorts every key in one list)
/// and did not help the append-only load. Case rows still come from folding each case's events
/// with `CaseState`, exactly as an ordinary write does.
public enum DemoCasebook {
    /// What was generated.
    public struct Summary: Hashable, Sendable, Codable {
        public var cases: Int
        public var claims: Int
        public var events: Int
        /// Cases per stage (by the stage's stored name).
        public var stages: [String: Int]
    }

    /// Creates a demo case book at `path`, complete or not at all.
    ///
    /// A new file is built beside `path` without a journal (there is nothing to roll back to:
    /// a failed build is simply deleted), synced, switched to WAL and only then renamed to
    /// `path`, so no reader ever sees half a book. Writing every page once, instead of into the
    /// WAL and again at the checkpoint, takes about a third off a million-case demo. An existing
    /// file is filled in place instead, in one transaction, if it holds no cases.
    public static func create(
        at path: String, cases count: Int, seed: UInt64, today: CivilDate, calendar: BusinessCalendar,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        if FileManager.default.fileExists(atPath: path) {
            let store = try SQLiteCaseStore(path: path, calendar: calendar)
            return try generate(into: store, cases: count, seed: seed, today: today, progress: progress)
        }
        let building = path + ".building-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: building) }
        try SQLiteCaseStore.createPrivateFile(at: building)
        var configuration = Configuration()
        configuration.label = "kaishu.demo"
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // No journal while building; FULL still syncs the file when the load commits.
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: building, configuration: configuration)
        try CasebookSchema.migrator.migrate(queue)
        let summary = try queue.write { db in
            try load(db, book: path, cases: count, seed: seed, today: today, calendar: calendar, progress: progress)
        }
        // The mode a case book is opened in; recorded in the file's header.
        let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        guard mode == "wal" else {
            throw StoreError.cannotOpen(path: building, reason: "could not switch the new book to WAL")
        }
        try queue.close()
        guard rename(building, path) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        try syncFolder(of: path)
        return summary
    }

    /// Writes `count` demo cases into `store`, which must hold no cases, and ranks the queue as of
    /// `today`, in one transaction. `progress` is called with the number of cases written so far,
    /// every 50,000 cases.
    public static func generate(
        into store: SQLiteCaseStore, cases count: Int, seed: UInt64, today: CivilDate,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        try store.pool.writeWithoutTransaction { db in
            // The pragma is a no-op inside a transaction, hence here; see `load`.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var summary: Summary?
            try db.inTransaction {
                summary = try load(
                    db, book: store.path, cases: count, seed: seed, today: today, calendar: store.calendar,
                    progress: progress)
                return .commit
            }
            return summary!
        }
    }

    /// The load itself, inside a transaction on a connection that does not enforce foreign keys:
    /// the writer makes every id itself and stores rows in batches, so a child row may reach its
    /// table before its parent's batch (the tests check the keys of generated books).
    private static func load(
        _ db: Database, book path: String, cases count: Int, seed: UInt64, today: CivilDate, calendar: BusinessCalendar,
        progress: ((Int) -> Void)?
    ) throws -> Summary {
        let factory = DemoCaseFactory(seed: seed, today: today)
        var summary = Summary(cases: 0, claims: 0, events: 0, stages: [:])
        let hasCases = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases)") ?? false
        let hasEvents = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events)") ?? false
        if hasCases || hasEvents { throw StoreError.notEmpty(path: path) }
        for index in CasebookSchema.queueIndexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
        }
        var writer = try DemoWriter(db: db)
        // Cases are prepared (generated, folded, encoded, linked into the hash chain) in batches
        // on other threads, a few batches ahead, while this one stores them: the writer is the
        // one thread that cannot be split, so it does as little else as it can.
        let batch = 2_048
        let lookahead = 3
        var pending: [DemoBatch] = []
        var queued = 0
        var last: DemoBatch?
        func enqueue() {
            while pending.count < lookahead && queued < count {
                let range = queued..<min(count, queued + batch)
                let next = DemoBatch.prepare(
                    range, factory: factory, calendar: calendar, today: today,
                    linkedAfter: last.map(DemoBatch.Link.batch) ?? .head(writer.log.head))
                pending.append(next)
                last = next
                queued = range.upperBound
            }
        }
        enqueue()
        var start = 0
        while start < count {
            let current = pending.removeFirst().wait()
            enqueue()
            for (offset, prepared) in current.enumerated() {
                let index = start + offset
                try writer.write(prepared, id: Int64(index + 1))
                summary.cases += 1
                summary.claims += prepared.claims.count
                summary.events += prepared.events.count
                summary.stages[prepared.stage.rawValue, default: 0] += 1
                if (index + 1) % 50_000 == 0 { progress?(index + 1) }
            }
            start += current.count
        }
        try writer.flush()
        for index in CasebookSchema.queueIndexes {
            try db.execute(sql: index.sql)
        }
        try Reranking.setRankedAsOf(db, today)
        return summary
    }

    /// Makes a rename in `path`'s folder durable.
    private static func syncFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError.cannotOpen(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StoreError.cannotOpen(path: folder, reason: String(cString: strerror(errno)))
        }
    }
}

/// One demo case made ready to store: everything but the log positions and hashes, which depend
/// on the cases written before it.
struct PreparedDemoCase: Sendable {
    struct Event: Sendable {
        var kind: String
        var date: String
        var recordedAt: String
        var actor: String
        var payload: String
        /// Set when the batch is linked into the chain.
        var link = EventLink(seq: 0, prevHash: "", hash: "")
    }

    var debtor: Debtor
    var row: CaseRow
    var stage: Stage
    /// Each claim with the offset of its `claim-added` event among the case's events.
    var claims: [(offset: Int64, claim: Claim)]
    var events: [Event]

    /// Generates case `index`, folds its events with `CaseState` exactly as an ordinary write
    /// does (the sequence numbers are relative: the fold does not depend on them) and encodes
    /// the payloads.
    init(index: Int, factory: DemoCaseFactory, calendar: BusinessCalendar, today: CivilDate) {
        let demoCase = factory.make(index)
        let id = Int64(index + 1)
        var events: [CaseEvent] = []
        events.reserveCapacity(demoCase.entries.count)
        for (offset, entry) in demoCase.entries.enumerated() {
            events.append(
                CaseEvent(
                    seq: Int64(offset + 1), caseID: id, date: entry.draft.date,
                    recordedAt: DemoWriter.timestamp(entry.draft.date, entry.time), actor: entry.actor,
                    fact: entry.draft.fact, hash: ""))
        }
        let file = CaseFile(id: id, debtor: demoCase.debtor, collector: demoCase.collector, events: events)
        let state = CaseState(file: file, calendar: calendar, explained: false)
        debtor = demoCase.debtor
        row = CaseRow(state: state, rankedAsOf: today)
        stage = state.stage
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

    /// Links the case's events to `head`, in order, and moves it past them.
    mutating func link(to head: inout LogHead, id: Int64) {
        for index in events.indices {
            let event = events[index]
            events[index].link = head.link(
                caseID: id, kind: event.kind, date: event.date, recordedAt: event.recordedAt, actor: event.actor,
                payload: event.payload)
        }
    }
}

/// A batch of demo cases being prepared on a background thread.
///
/// Preparing runs in parallel; linking cannot (each hash covers the one before), so a batch's
/// thread, once its cases are prepared, waits for the batch before it to be linked and carries
/// the chain on from that batch's head. Batches are queued in order, so the one waited for has
/// always started.
final class DemoBatch: @unchecked Sendable {
    /// Where a batch's chain starts: the log's head, or after another batch.
    enum Link {
        case head(LogHead)
        case batch(DemoBatch)
    }

    private let done = DispatchGroup()
    /// Written by the preparing thread before it leaves `done`; read only after waiting on it.
    private var cases: [PreparedDemoCase] = []
    private var head: LogHead?

    static func prepare(
        _ range: Range<Int>, factory: DemoCaseFactory, calendar: BusinessCalendar, today: CivilDate,
        linkedAfter link: Link
    ) -> DemoBatch {
        let batch = DemoBatch()
        batch.done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            var cases = range.map {
                PreparedDemoCase(index: $0, factory: factory, calendar: calendar, today: today)
            }
            var head: LogHead
            switch link {
            case .head(let start): head = start
            case .batch(let previous): head = previous.waitForHead()
            }
            for (offset, index) in range.enumerated() {
                cases[offset].link(to: &head, id: Int64(index + 1))
            }
            batch.cases = cases
            batch.head = head
            batch.done.leave()
        }
        return batch
    }

    func wait() -> [PreparedDemoCase] {
        done.wait()
        return cases
    }

    private func waitForHead() -> LogHead {
        done.wait()
        return head!
    }
}

/// Writes prepared demo cases many rows per statement, extending the hash chain. A case, its
/// debtor, its claims and its events share the case's number.
private struct DemoWriter {
    static let rowsPerStatement = 64
    var log: EventAppender
    let debtors: BatchedInsert
    let cases: BatchedInsert
    let claims: BatchedInsert

    init(db: Database) throws {
        log = try EventAppender(db, rowsPerStatement: DemoWriter.rowsPerStatement)
        debtors = BatchedInsert(db, sql: DebtorInsert.sql, rowsPerStatement: DemoWriter.rowsPerStatement)
        cases = BatchedInsert(db, sql: CaseRow.insertSQL, rowsPerStatement: DemoWriter.rowsPerStatement)
        claims = BatchedInsert(
            db,
            sql:
                "INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq) VALUES (?, ?, ?, ?, ?, ?)",
            rowsPerStatement: DemoWriter.rowsPerStatement)
    }

    /// Stores one case: debtor, the case row, claims, then the events.
    mutating func write(_ prepared: PreparedDemoCase, id: Int64) throws {
        try debtors.add { DebtorInsert.bind(&$0, prepared.debtor, id: id) }
        try cases.add { prepared.row.bindInsert(&$0, id: id, debtorID: id, version: 1) }
        let firstSeq = log.nextSeq
        for (offset, claim) in prepared.claims {
            try claims.add { b in
                b.int(id)
                b.text(claim.invoice)
                b.text(claim.contractDate.iso)
                b.text(claim.dueDate?.iso)
                b.int(claim.amount.yen)
                b.int(firstSeq + offset)
            }
        }
        for event in prepared.events {
            try log.append(
                event.link, caseID: id, kind: event.kind, date: event.date, recordedAt: event.recordedAt,
                actor: event.actor, payload: event.payload)
        }
    }

    /// Stores what the batches still hold.
    func flush() throws {
        try debtors.flush()
        try cases.flush()
        try claims.flush()
        try log.flush()
    }

    /// ISO 8601 in Japan time, as the program's edge writes `recordedAt`.
    static func timestamp(_ date: CivilDate, _ time: String) -> String {
        date.iso + "T" + time + ":00+09:00"
    }
}
