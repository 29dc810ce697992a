import GRDB
import KaishuEventLog
import KaishuCore

/// A deterministic, realistic demo case book: the same seed, size and today give the same book,
/// byte for byte (hashes included).
///
/// The bulk path is built for a million cases: everything is written in one transaction (the book
/// is complete or absent), with cached prepared statements; the queue's secondary indexes are
/// dropped first and built once at the end, which is much faster than maintaining them row by row;
/// the hash chain is computed as the events are written. Case rows still come from folding each
/// case's events with `CaseState`, exactly as an ordinary write does.
public enum DemoCasebook {
    /// What was generated.
    public struct Summary: Hashable, Sendable, Codable {
        public var cases: Int
        public var claims: Int
        public var events: Int
        /// Cases per stage (by the stage's stored name).
        public var stages: [String: Int]
    }

    /// Writes `count` demo cases into `store`, which must hold no cases, and ranks the queue as of
    /// `today`. `progress` is called with the number of cases written so far, every 50,000 cases.
    public static func generate(
        into store: SQLiteCaseStore, cases count: Int, seed: UInt64, today: CivilDate,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        let factory = DemoCaseFactory(seed: seed, today: today)
        var summary = Summary(cases: 0, claims: 0, events: 0, stages: [:])
        let calendar = store.calendar
        try store.pool.writeWithoutTransaction { db in
            // A larger page cache while bulk loading and building indexes; restored afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }

            try db.inTransaction {
                let hasCases = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases)") ?? false
                let hasEvents = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events)") ?? false
                if hasCases || hasEvents { throw StoreError.notEmpty(path: store.path) }
                for index in CasebookSchema.queueIndexes {
                    try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
                }
                var writer = try DemoWriter(db: db, calendar: calendar, today: today)
                for index in 0..<count {
                    let demoCase = factory.make(index)
                    let stage = try writer.write(demoCase, id: Int64(index + 1))
                    summary.cases += 1
                    summary.claims += demoCase.claims.count
                    summary.events += demoCase.entries.count
                    summary.stages[stage.rawValue, default: 0] += 1
                    if (index + 1) % 50_000 == 0 { progress?(index + 1) }
                }
                for index in CasebookSchema.queueIndexes {
                    try db.execute(sql: index.sql)
                }
                try Reranking.setRankedAsOf(db, today)
                return .commit
            }
        }
        return summary
    }
}

/// Writes demo cases with cached statements.
private struct DemoWriter {
    let db: Database
    let calendar: BusinessCalendar
    let today: CivilDate
    var log: EventAppender
    let insertDebtor: Statement
    let insertCase: Statement
    let insertClaim: Statement

    init(db: Database, calendar: BusinessCalendar, today: CivilDate) throws {
        self.db = db
        self.calendar = calendar
        self.today = today
        log = try EventAppender(db)
        insertDebtor = try db.makeStatement(
            sql: """
                INSERT INTO debtors (id, code, name, kana, phones, email, postal_code, address, domestic)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertCase = try db.makeStatement(sql: CaseRow.insertSQL)
        insertClaim = try db.makeStatement(
            sql: "INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq) VALUES (?, ?, ?, ?, ?, ?)")
    }

    /// Stores one case: debtor, the case row folded from its events, claims, then the events.
    mutating func write(_ demoCase: DemoCase, id: Int64) throws -> Stage {
        let debtor = demoCase.debtor
        try insertDebtor.execute(arguments: [
            id, debtor.code, debtor.name, debtor.kana, CaseFileReader.encodePhones(debtor.phones), debtor.email,
            debtor.postalCode, debtor.address, debtor.isDomestic,
        ])

        let firstSeq = log.nextSeq
        var events: [CaseEvent] = []
        events.reserveCapacity(demoCase.entries.count)
        for (offset, entry) in demoCase.entries.enumerated() {
            events.append(
                CaseEvent(
                    seq: firstSeq + Int64(offset), caseID: id, date: entry.draft.date,
                    recordedAt: DemoWriter.timestamp(entry.draft.date, entry.time), actor: entry.actor,
                    fact: entry.draft.fact, hash: ""))
        }
        let file = CaseFile(id: id, debtor: debtor, collector: demoCase.collector, events: events)
        let state = CaseState(file: file, calendar: calendar, explained: false)
        try insertCase.execute(
            arguments: CaseRow(state: state, rankedAsOf: today).insertArguments(id: id, debtorID: id, version: 1))

        for event in events {
            if case .claimAdded(let claim) = event.fact {
                try insertClaim.execute(arguments: [
                    id, claim.invoice, claim.contractDate.iso, claim.dueDate?.iso, claim.amount.yen, event.seq,
                ])
            }
        }
        for event in events {
            try log.append(
                db, caseID: id, kind: event.fact.kind, date: event.date.iso, recordedAt: event.recordedAt,
                actor: event.actor, payload: FactJSON.encode(event.fact), idempotencyKey: nil)
        }
        return state.stage
    }

    /// ISO 8601 in Japan time, as the program's edge writes `recordedAt`.
    static func timestamp(_ date: CivilDate, _ time: String) -> String {
        date.iso + "T" + time + ":00+09:00"
    }
}
