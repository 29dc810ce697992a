import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

extension PostgresCaseStore {
    public func queue(_ query: QueueQuery) async throws -> QueuePage {
        try await connected { connection in
            try await self.rank(connection, to: query.today)
            return try await self.page(connection, query)
        }
    }

    public func queueCounts(today: CivilDate) async throws -> QueueCounts {
        try await ensureRanked(today)
        var text = SQLText(
            """
            SELECT
                count(*) FILTER (WHERE tier <= \(QueueRanking.Tier.actionDue.rawValue)) AS due,
                count(*) FILTER (WHERE expires BETWEEN
            """)
        text.append(
            " " + text.bind(today.iso) + " AND " + text.bind(QueueRanking.Thresholds(today: today).near.iso)
                + ") AS near, count(*) FILTER (WHERE promise_date IS NOT NULL AND promise_date < "
                + text.bind(today.iso) + ") AS broken, count(*) AS open FROM cases WHERE status = 'open'")
        let query = text.query
        return try await connected { connection in
            guard let row = try await connection.rows(query, logger: self.logger).first else {
                return QueueCounts(dueToday: 0, nearLimitation: 0, brokenPromises: 0, open: 0)
            }
            return QueueCounts(
                dueToday: Int(try row.value("due", as: Int64.self)),
                nearLimitation: Int(try row.value("near", as: Int64.self)),
                brokenPromises: Int(try row.value("broken", as: Int64.self)),
                open: Int(try row.value("open", as: Int64.self)))
        }
    }

    public func caseFile(_ id: Int64) async throws -> CaseFile? {
        try await connected { connection in try await TeamCaseFile.load(connection, id: id, logger: self.logger) }
    }

    /// One write, in one transaction of three statements (`TeamWriteStatements`): lock the case
    /// row and read the claim, the ranking, the key and the file (`WriteLockStatement`); check the
    /// lease; skip a seen idempotency key; let `decide` see the case as it stands; lock the chain's
    /// head (`HeadLockStatement`); extend the chain and rewrite the cached row (`WriteStatement`). A `Refusal` or any error rolls it all back.
    /// A book not ranked for `context.today` is ranked first and the write run again.
    public func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        do {
            for attempt in 0..<2 {
                let written = try await transaction { connection in
                    try await self.append(connection, to: id, context: context, decide: decide)
                }
                if let written { return written }
                if attempt == 0 { try await ensureRanked(context.today) }
            }
            throw TeamStoreError.corrupt("the book could not be ranked for \(context.today.iso)")
        } catch TeamStoreError.server(_, "23505", "events_idem_key") {
            // The same key committed by a concurrent write to this case book: applied once, as promised.
            guard let file = try await caseFile(id) else { throw Refusal("there is no case \(id)") }
            return file
        }
    }

    /// The write inside its transaction; `nil` (nothing written) when the book is not ranked for
    /// the write's day.
    private func append(
        _ connection: PostgresConnection, to id: Int64, context: WriteContext,
        decide: (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile? {
        let rows = try await connection.rows(
            WriteLockStatement(caseID: id, idempotencyKey: context.idempotencyKey), logger: logger)
        guard let claim = rows.first else { throw Refusal("there is no case \(id)") }
        guard try claim.value("ranked_as_of", as: String?.self) == context.today.iso else { return nil }
        try LeaseCheck(
            caseID: id, holder: try claim.value("claimed_by"), token: try claim.value("claim_token"),
            expires: try claim.value("claim_expires"), live: try claim.value("live", as: Bool.self)
        ).allow(context)

        // The events read with the lock are current unless the lock waited for another write.
        let current: CaseFile?
        if try claim.value("locked_version", as: Int64.self) == claim.value("read_version", as: Int64.self) {
            current = try TeamCaseFile.file(id: id, rows: rows)
        } else {
            current = try await TeamCaseFile.load(connection, id: id, logger: logger)
        }
        guard let file = current else { throw Refusal("there is no case \(id)") }
        if try claim.value("key_used", as: Bool.self) { return file }
        let drafts = try decide(file)
        if drafts.isEmpty { return file }

        // Lock the chain's head only now, after the decision, and extend it from where it is.
        guard let locked = try await connection.rows(HeadLockStatement(), logger: logger).first else {
            throw TeamStoreError.corrupt("the log head row is missing")
        }
        var seq = try locked.value("seq", as: Int64.self)
        let head = try locked.value("hash", as: String.self)
        var written = file
        var contents: [EventContent] = []
        var previous = head
        for draft in drafts {
            seq += 1
            let content = EventContent(
                seq: seq, caseID: id, kind: draft.fact.kind, date: draft.date.iso, recordedAt: context.recordedAt,
                actor: context.actor, payload: FactJSON.encode(draft.fact), prevHash: previous)
            let hash = content.hash
            contents.append(content)
            written.events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: draft.date, recordedAt: context.recordedAt, actor: context.actor,
                    fact: draft.fact, hash: hash))
            previous = hash
        }
        let row = CaseRow(state: CaseState(file: written, calendar: calendar), rankedAsOf: context.today)
        let statement = WriteStatement(
            caseID: id, previous: head, events: Array(written.events.suffix(drafts.count)),
            contents: contents, context: context, row: row)
        guard let moved = try await connection.rows(statement, logger: logger).first else {
            throw TeamStoreError.corrupt("the log head row is missing")
        }
        guard try moved.value("hash", as: String.self) == previous else {
            throw TeamStoreError.corrupt("the log head moved while this write held it")
        }
        return written
    }

    /// Ranks the book as of `today` unless it already is (one read when nothing is to do).
    func ensureRanked(_ today: CivilDate) async throws {
        try await connected { connection in try await self.rank(connection, to: today) }
    }

    /// Ranks the book as of `today` on `connection`, in a transaction of its own, unless it
    /// already is (one prepared read when nothing is to do).
    func rank(_ connection: PostgresConnection, to today: CivilDate) async throws {
        if try await TeamReranking.rankedAsOf(connection, logger: logger) == today { return }
        try await within(connection) { connection in
            _ = try await TeamReranking.rerank(connection, to: today, logger: self.logger)
        }
    }

    /// Checks every event's hash and link in log order (the SQLite book's rule, `ChainCheck`).
    /// Returns the `seq` of the first bad event, or the first missing one when the log was cut at
    /// its end (`log_head` remembers the last `seq` handed out); `nil` when intact.
    public func verifyChain() async throws -> Int64? {
        try await connected { connection in
            var check = ChainCheck()
            let rows = try await connection.query(
                "SELECT seq, case_id, kind, date, recorded_at, actor, payload, prev_hash, hash FROM events ORDER BY seq",
                logger: self.logger)
            for try await row in rows {
                let (seq, caseID, kind, date, recordedAt, actor, payload, prevHash, hash) = try row.decode(
                    (Int64, Int64, String, String, String, String, String, String, String).self)
                let content = EventContent(
                    seq: seq, caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor,
                    payload: payload, prevHash: prevHash)
                if !check.feed(content, storedHash: hash) { break }
            }
            let handedOut =
                try await connection.rows("SELECT seq FROM log_head", logger: self.logger).first?
                .value("seq", as: Int64.self) ?? 0
            return check.finish(lastSeqHandedOut: handedOut)
        }
    }

    /// The case's state folded from its events.
    public func caseState(_ id: Int64) async throws -> CaseState? {
        let calendar = self.calendar
        return try await caseFile(id).map { CaseState(file: $0, calendar: calendar) }
    }

    private func page(_ connection: PostgresConnection, _ query: QueueQuery) async throws -> QueuePage {
        let sql = TeamQueueSQL(query.order)
        let limit = max(1, query.limit)
        func start(_ cursor: QueueCursor) throws -> (key: [TeamQueueSQL.Value], id: Int64) {
            (try sql.keyValues(of: cursor, order: query.order), cursor.id)
        }
        func fetch(
            _ direction: TeamQueueSQL.Direction, from start: (key: [TeamQueueSQL.Value], id: Int64)?,
            inclusive: Bool = false, limit: Int
        ) async throws -> [QueueRow] {
            let backward = direction == .backward
            let bindings = sql.bindings(
                scope: query.scope, filter: query.filter, backward: backward, start: start, inclusive: inclusive,
                limit: limit)
            return try await TeamQueueShape.rows(
                connection, order: query.order, backward: backward, keyed: start != nil, bindings: bindings,
                logger: logger
            ).map { try sql.queueRow($0, order: query.order) }
        }
        switch query.position {
        case .first:
            let rows = try await fetch(.forward, from: nil, limit: limit + 1)
            return QueuePage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: false)
        case .last:
            let rows = try await fetch(.backward, from: nil, limit: limit + 1)
            return QueuePage(
                rows: rows.prefix(limit).reversed(), hasMoreAfter: false, hasMoreBefore: rows.count > limit)
        case .after(let cursor):
            let rows = try await fetch(.forward, from: try start(cursor), limit: limit + 1)
            let page = Array(rows.prefix(limit))
            let before = try await fetch(
                .backward, from: try start(page.first?.cursor ?? cursor), inclusive: page.isEmpty, limit: 1)
            return QueuePage(rows: page, hasMoreAfter: rows.count > limit, hasMoreBefore: !before.isEmpty)
        case .before(let cursor):
            let rows = try await fetch(.backward, from: try start(cursor), limit: limit + 1)
            let page = Array(rows.prefix(limit).reversed())
            let after = try await fetch(
                .forward, from: try start(page.last?.cursor ?? cursor), inclusive: page.isEmpty, limit: 1)
            return QueuePage(rows: page, hasMoreAfter: !after.isEmpty, hasMoreBefore: rows.count > limit)
        }
    }
}
