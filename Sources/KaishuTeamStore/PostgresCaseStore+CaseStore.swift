import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

extension PostgresCaseStore {
    public func queue(_ query: QueueQuery) async throws -> QueuePage {
        try await ensureRanked(query.today)
        return try await connected { connection in try await self.page(connection, query) }
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

    /// One write, in one transaction: lock the case row (`FOR UPDATE`, so writes to one case queue
    /// up and a claim skips it meanwhile), check the lease, skip a seen idempotency key, let
    /// `decide` see the case as it stands, append to the chain under the `log_head` lock, rewrite
    /// the cached row. A `Refusal` or any error rolls it all back.
    public func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        try await ensureRanked(context.today)
        do {
            return try await transaction { connection in
                try await self.append(connection, to: id, context: context, decide: decide)
            }
        } catch TeamStoreError.server(_, "23505", "events_idem_key") {
            // The same key committed by a concurrent write to this case book: applied once, as promised.
            guard let file = try await caseFile(id) else { throw Refusal("there is no case \(id)") }
            return file
        }
    }

    private func append(
        _ connection: PostgresConnection, to id: Int64, context: WriteContext,
        decide: (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        var lock = SQLText(
            "SELECT claimed_by, claim_token, claim_expires, claim_expires > now() AS live FROM cases WHERE id = ")
        lock.append(lock.bind(id) + " FOR UPDATE")
        guard let claim = try await connection.rows(lock.query, logger: logger).first else {
            throw Refusal("there is no case \(id)")
        }
        try LeaseCheck(
            caseID: id, holder: try claim.value("claimed_by"), token: try claim.value("claim_token"),
            expires: try claim.value("claim_expires"), live: try claim.value("live", as: Bool?.self) ?? false
        ).allow(context)

        guard var file = try await TeamCaseFile.load(connection, id: id, logger: logger) else {
            throw Refusal("there is no case \(id)")
        }
        var seen = SQLText("SELECT 1 AS one FROM events WHERE idem_key = ")
        seen.append(seen.bind(context.idempotencyKey))
        if try await !connection.rows(seen.query, logger: logger).isEmpty { return file }
        let drafts = try decide(file)
        if drafts.isEmpty { return file }

        let head = try await connection.rows("SELECT seq, hash FROM log_head FOR UPDATE", logger: logger).first
        var seq = try head?.value("seq", as: Int64.self) ?? 0
        var previous = try head?.value("hash", as: String.self) ?? EventContent.genesis
        var insert = SQLText(
            "INSERT INTO events (seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash) VALUES "
        )
        for (index, draft) in drafts.enumerated() {
            seq += 1
            let content = EventContent(
                seq: seq, caseID: id, kind: draft.fact.kind, date: draft.date.iso, recordedAt: context.recordedAt,
                actor: context.actor, payload: FactJSON.encode(draft.fact), prevHash: previous)
            let hash = content.hash
            let key: String? = index == 0 ? context.idempotencyKey : nil
            insert.append(
                (index == 0 ? "(" : ", (")
                    + [
                        insert.bind(seq), insert.bind(id), insert.bind(content.kind), insert.bind(content.date),
                        insert.bind(content.recordedAt), insert.bind(content.actor), insert.bind(content.payload),
                        insert.bind(key), insert.bind(previous), insert.bind(hash),
                    ].joined(separator: ", ") + ")")
            file.events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: draft.date, recordedAt: context.recordedAt, actor: context.actor,
                    fact: draft.fact, hash: hash))
            previous = hash
        }
        try await connection.run(insert.query, logger: logger)
        var moveHead = SQLText("UPDATE log_head SET seq = ")
        moveHead.append(moveHead.bind(seq) + ", hash = " + moveHead.bind(previous))
        try await connection.run(moveHead.query, logger: logger)

        let row = CaseRow(state: CaseState(file: file, calendar: calendar), rankedAsOf: context.today)
        try await connection.run(TeamCaseFile.updateRow(row), logger: logger)
        return file
    }

    /// Ranks the book as of `today` unless it already is (one read when nothing is to do).
    func ensureRanked(_ today: CivilDate) async throws {
        let ranked = try await connected { connection in
            try await TeamReranking.rankedAsOf(connection, logger: self.logger)
        }
        if ranked == today { return }
        try await transaction { connection in
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
            var rows: [QueueRow] = []
            var statements = sql.statements(
                scope: query.scope, filter: query.filter, direction: direction, start: start, inclusive: inclusive,
                limit: limit)[...]
            while rows.count < limit, let statement = statements.popFirst() {
                for row in try await connection.rows(statement.query, logger: logger) where rows.count < limit {
                    rows.append(try sql.queueRow(row, order: query.order))
                }
            }
            return rows
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
