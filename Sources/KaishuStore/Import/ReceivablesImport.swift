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
    /// Debtor code → case id, for the codes seen so far.
    var caseByCode: [String: Int64] = [:]
    /// Cases that received a claim: folded again at the end. `true` for cases this import opened.
    var touched: [Int64: Bool] = [:]

    init(db: Database, source: String, context: WriteContext, calendar: BusinessCalendar) throws {
        self.db = db
        self.calendar = calendar
        self.source = source
        self.context = context
        log = try EventAppender(db)
    }

    mutating func add(_ record: ImportRecord, report: inout ImportReport) throws {
        let caseID = try caseFor(record.debtor, report: &report)
        let claim = record.claim
        try db.cachedStatement(
            sql: """
                INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, invoice) DO NOTHING
                """
        ).execute(arguments: [
            caseID, claim.invoice, claim.contractDate.iso, claim.dueDate?.iso, claim.amount.yen, log.nextSeq,
        ])
        guard db.changesCount == 1 else {
            report.duplicatesSkipped += 1
            return
        }
        _ = try log.append(
            caseID: caseID, draft: EventDraft(date: context.today, fact: .claimAdded(claim)),
            recordedAt: context.recordedAt, actor: context.actor, idempotencyKey: nil)
        report.claimsAdded += 1
        if touched[caseID] == nil { touched[caseID] = false }
    }

    /// The debtor's case, opening one (debtor row, case row, `.opened` event) for a new code.
    private mutating func caseFor(_ debtor: Debtor, report: inout ImportReport) throws -> Int64 {
        if let known = caseByCode[debtor.code] { return known }
        if let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT c.id FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE d.code = ?"),
            arguments: [debtor.code])
        {
            caseByCode[debtor.code] = existing
            return existing
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO debtors (code, name, kana, phones, email, postal_code, address, domestic)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            debtor.code, debtor.name, debtor.kana, CaseFileReader.encodePhones(debtor.phones), debtor.email,
            debtor.postalCode, debtor.address, debtor.isDomestic,
        ])
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
        _ = try log.append(
            caseID: caseID, draft: EventDraft(date: context.today, fact: .opened(source: source)),
            recordedAt: context.recordedAt, actor: context.actor, idempotencyKey: nil)
        caseByCode[debtor.code] = caseID
        touched[caseID] = true
        report.casesOpened += 1
        return caseID
    }

    /// Folds every touched case and rewrites its row. A closed case that received a new invoice
    /// goes back on the ladder at `phone`, with a stage change saying why.
    mutating func finish(report: inout ImportReport) throws {
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
            try RawStatement(db, sql: CaseRow.updateSQL).run { row.bindUpdate(&$0) }
        }
    }
}
