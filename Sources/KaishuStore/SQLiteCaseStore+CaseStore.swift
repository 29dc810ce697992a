import GRDB
import KaishuCore
import KaishuEventLog

extension SQLiteCaseStore {
    public func queue(_ query: QueueQuery) async throws -> QueuePage {
        // One trip to a reader when the book is ranked for this day (the usual case).
        let ranked = try await pool.read { db -> QueuePage? in
            try Reranking.rankedAsOf(db) == query.today ? QueuePager.page(db, query) : nil
        }
        if let ranked { return ranked }
        // Re-rank and read in one write transaction, so the page is ranked as of its own today.
        return try await pool.write { db in
            try Reranking.rerank(db, to: query.today)
            return try QueuePager.page(db, query)
        }
    }

    public func queueCounts(today: CivilDate) async throws -> QueueCounts {
        let ranked = try await pool.read { db -> QueueCounts? in
            try Reranking.rankedAsOf(db) == today ? QueuePager.counts(db, today: today) : nil
        }
        if let ranked { return ranked }
        return try await pool.write { db in
            try Reranking.rerank(db, to: today)
            return try QueuePager.counts(db, today: today)
        }
    }

    public func caseFile(_ id: Int64) async throws -> CaseFile? {
        try await pool.read { db in try CaseFileReader.load(db, id: id) }
    }

    public func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        try await pool.write { db in try self.append(db, to: id, context: context, decide: decide) }
    }

    /// The same write, synchronously (scripts, tests, the CLI's synchronous paths).
    public func appendSync(
        to id: Int64, context: WriteContext, decide: (CaseFile) throws -> [EventDraft]
    ) throws -> CaseFile {
        try pool.write { db in try self.append(db, to: id, context: context, decide: decide) }
    }

    /// Checks every event's hash and link, in log order. Returns the `seq` of the first event that
    /// does not match (changed, inserted, reordered, or whose predecessor is missing), or `nil`
    /// when the whole log is intact. A log cut short at its end is reported as the first missing
    /// `seq` (SQLite remembers the highest number it gave out).
    public func verifyChain() async throws -> Int64? {
        try await pool.read { db in try ChainVerifier.firstBrokenSeq(db) }
    }

    /// The case's current state as the store caches it, folded from its events.
    public func caseState(_ id: Int64) async throws -> CaseState? {
        let calendar = self.calendar
        return try await caseFile(id).map { CaseState(file: $0, calendar: calendar) }
    }

    /// How many cases the book holds, open or closed.
    public func caseCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0 }
    }

    /// One write: inside the caller's transaction, so a refusal or any error rolls it all back.
    func append(
        _ db: Database, to id: Int64, context: WriteContext, decide: (CaseFile) throws -> [EventDraft]
    ) throws -> CaseFile {
        try Reranking.rerank(db, to: context.today)
        guard var file = try CaseFileReader.load(db, id: id) else {
            throw Refusal("there is no case \(id)")
        }
        let seen =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM events WHERE idem_key = ?)"),
                arguments: [context.idempotencyKey]) ?? false
        if seen { return file }
        let drafts = try decide(file)
        if drafts.isEmpty { return file }
        var log = try EventAppender(db)
        for (index, draft) in drafts.enumerated() {
            file.events.append(
                try log.append(
                    caseID: id, draft: draft, recordedAt: context.recordedAt, actor: context.actor,
                    idempotencyKey: index == 0 ? context.idempotencyKey : nil))
        }
        let row = CaseRow(state: CaseState(file: file, calendar: calendar, explained: false), rankedAsOf: context.today)
        try row.rewrite(db)
        return file
    }
}
