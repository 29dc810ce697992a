import GRDB
import KaishuCore
import KaishuEventLog

/// What to do with a file that has bad rows.
public enum ImportMode: String, Hashable, Sendable, CaseIterable {
    /// Import every good row, or nothing at all if any row is bad (the default).
    case allOrNothing
    /// Import the good rows; report the bad ones.
    case skipBad
    /// Read and check everything, report what would be imported, write nothing.
    case dryRun
}

/// What an import did (or, for a dry run or a refused all-or-nothing import, would have done).
public struct ImportReport: Hashable, Sendable {
    /// Rows read from the file, good and bad.
    public var rowsRead = 0
    /// Cases opened for debtors the book did not know.
    public var casesOpened = 0
    /// Invoices added, to new or existing cases.
    public var claimsAdded = 0
    /// Invoices the book already held for that debtor (same debtor code and invoice number):
    /// re-importing a file adds nothing twice.
    public var duplicatesSkipped = 0
    /// Closed cases that a new invoice put back on the ladder (at `phone`).
    public var casesReopened = 0
    /// Every bad row with its issues, in file order.
    public var rejected: [ImportRowError] = []
    /// Whether anything was written: `false` for a dry run, and for an all-or-nothing import
    /// with rejected rows.
    public var committed = false

    public init() {}
}

extension SQLiteCaseStore {
    /// Imports receivables in one transaction: invoices of the same debtor (by debtor code) join
    /// one case; a new debtor gets a case opened with `.opened(source:)` and one `.claimAdded`
    /// per invoice; an invoice the case already holds is skipped and counted. The records are
    /// read one at a time (only the debtor code → case id map and the set of touched cases are
    /// kept); after the last one each touched case is folded again and its row rewritten.
    ///
    /// Rolls back — and reports what it would have done — for a dry run, or when
    /// `mode == .allOrNothing` and any row was rejected. Existing debtors keep their stored
    /// contact details (the file's copy is not merged in).
    public func importReceivables(
        _ records: some Sequence<Result<ImportRecord, ImportRowError>>, mode: ImportMode, source: String,
        context: WriteContext
    ) throws -> ImportReport {
        var report = ImportReport()
        try pool.writeWithoutTransaction { db in
            // A smaller page cache than the store's 64 MB while importing: an import's memory
            // stays flat and under 64 MB above the process's baseline however large the file.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -16384")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            try db.inTransaction {
                try Reranking.rerank(db, to: context.today)
                var importer = try Importer(db: db, source: source, context: context, calendar: calendar)
                for record in records {
                    report.rowsRead += 1
                    switch record {
                    case .failure(let error): report.rejected.append(error)
                    case .success(let record): try importer.add(record, report: &report)
                    }
                }
                try importer.finish(report: &report)
                let keep = mode == .skipBad || (mode == .allOrNothing && report.rejected.isEmpty)
                report.committed = keep
                return keep ? .commit : .rollback
            }
        }
        return report
    }
}

/// The state of one import inside its transaction.
private struct Importer {
    let db: Database
    let source: String
    let context: WriteContext
    let calendar: BusinessCalendar
    var log: EventAppender
    /// The last debtor code and its case. Only the last: the case book's index finds any other,
    /// so memory stays flat however many debtors the file has.
    var lastCode: (code: String, caseID: Int64)?
    /// Cases that received a claim: folded again at the end. `true` for cases this import opened.
    var touched: [Int64: Bool] = [:]
    /// The case this import opened last, with every event it has so far. Receivables files
    /// usually list a debtor's invoices together, so when the file moves on to another debtor the
    /// case is folded from memory here, instead of being read back and decoded at the end; a
    /// debtor that comes back later is simply folded again in `finish`.
    var current: CaseFile?
    /// The largest case id before this import: every case it opens has a larger one (a rowid is
    /// one past the largest, and the import holds the write lock throughout).
    let lastCaseBefore: Int64

    init(db: Database, source: String, context: WriteContext, calendar: BusinessCalendar) throws {
        self.db = db
        self.calendar = calendar
        self.source = source
        self.context = context
        // Events are stored many per statement; `finish` flushes them before reading any back.
        log = try EventAppender(db, rowsPerStatement: 64)
        lastCaseBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM cases") ?? 0
    }

    mutating func add(_ record: ImportRecord, report: inout ImportReport) throws {
        let caseID = try caseFor(record.debtor, report: &report)
        let claim = record.claim
        try RawStatement(
            db,
            sql: """
                INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, invoice) DO NOTHING
                """
        ).run { b in
            b.int(caseID)
            b.text(claim.invoice)
            b.text(claim.contractDate.iso)
            b.text(claim.dueDate?.iso)
            b.int(claim.amount.yen)
            b.int(log.nextSeq)
        }
        guard db.changesCount == 1 else {
            report.duplicatesSkipped += 1
            return
        }
        let event = try log.append(
            caseID: caseID, draft: EventDraft(date: context.today, fact: .claimAdded(claim)),
            recordedAt: context.recordedAt, actor: context.actor, idempotencyKey: nil)
        report.claimsAdded += 1
        if current?.id == caseID {
            current?.events.append(event)
        } else if touched[caseID] == nil {
            // A case opened earlier in this file and already folded counts as opened here.
            touched[caseID] = caseID > lastCaseBefore
        }
    }

    /// The debtor's case, opening one (debtor row, case row, `.opened` event) for a new code.
    private mutating func caseFor(_ debtor: Debtor, report: inout ImportReport) throws -> Int64 {
        if let lastCode, lastCode.code == debtor.code { return lastCode.caseID }
        if let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT c.id FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE d.code = ?"),
            arguments: [debtor.code])
        {
            lastCode = (debtor.code, existing)
            return existing
        }
        try RawStatement(db, sql: DebtorInsert.sql).run { DebtorInsert.bind(&$0, debtor, id: nil) }
        let debtorID = db.lastInsertedRowID
        // A placeholder row until `finish` folds the case; it is never read in between.
        let empty = CaseState(
            file: CaseFile(id: 0, debtor: debtor, collector: nil, events: []),
            calendar: calendar)
        let placeholder = CaseRow(state: empty, rankedAsOf: context.today)
        try RawStatement(db, sql: CaseRow.insertSQL).run {
            placeholder.bindInsert(&$0, id: nil, debtorID: debtorID, version: 0)
        }
        let caseID = db.lastInsertedRowID
        let opened = try log.append(
            caseID: caseID, draft: EventDraft(date: context.today, fact: .opened(source: source)),
            recordedAt: context.recordedAt, actor: context.actor, idempotencyKey: nil)
        lastCode = (debtor.code, caseID)
        try foldCurrent()
        current = CaseFile(id: caseID, debtor: debtor, collector: nil, events: [opened])
        report.casesOpened += 1
        return caseID
    }

    /// Folds the case held in memory and writes its row.
    private mutating func foldCurrent() throws {
        guard let file = current else { return }
        current = nil
        let row = CaseRow(state: CaseState(file: file, calendar: calendar, explained: false), rankedAsOf: context.today)
        try row.rewrite(db)
    }

    /// Folds every touched case and rewrites its row. A closed case that received a new invoice
    /// goes back on the ladder at `phone`, with a stage change saying why.
    mutating func finish(report: inout ImportReport) throws {
        try foldCurrent()
        try log.flush()
        for (caseID, isNew) in touched.sorted(by: { $0.key < $1.key }) {
            guard var file = try CaseFileReader.load(db, id: caseID) else { continue }
            var state = CaseState(file: file, calendar: calendar, explained: false)
            if !isNew && state.isClosed {
                file.events.append(
                    try log.append(
                        caseID: caseID,
                        draft: EventDraft(
                            date: context.today,
                            fact: .stageChanged(
                                from: state.stage, to: .phone, reason: "new invoice imported from \(source)",
                                court: nil)),
                        recordedAt: context.recordedAt, actor: context.actor, idempotencyKey: nil))
                state = CaseState(file: file, calendar: calendar, explained: false)
                report.casesReopened += 1
            }
            let row = CaseRow(state: state, rankedAsOf: context.today)
            try row.rewrite(db)
        }
        try log.flush()
    }
}
