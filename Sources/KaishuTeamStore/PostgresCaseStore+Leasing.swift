import Foundation
import KaishuCore
import PostgresNIO

/// Leases on cases: see `CaseLeasing` for the promise, `LeaseCheck` for the fencing rule.
///
/// The lease lives on the case row (`claimed_by`, `claim_token`, `claim_expires`), so the queue
/// shows who holds a case without a join. Expiry is judged by the server's clock (`now()`), the
/// one clock every collector shares.
extension PostgresCaseStore: CaseLeasing {
    /// The lease most clients use: long enough for a call, short enough that a crashed client's
    /// case is back in the queue soon. The workbench heartbeats at a third of it.
    public static let defaultLeaseTTL: Duration = .seconds(300)

    /// `claimNext` walks `cases_ready` (today's queue in urgency order) and takes the first row
    /// that is neither claimed (live) nor locked by another transaction (`SKIP LOCKED`): two
    /// collectors asking at once get two different cases, and nobody waits.
    static let claimNextSQL = """
        WITH next AS (
            SELECT id FROM cases
            WHERE status = 'open' AND tier <= \(QueueRanking.Tier.actionDue.rawValue)
                AND (claim_expires IS NULL OR claim_expires <= now())
            ORDER BY tier, outstanding DESC, oldest_due, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
        )
        UPDATE cases SET claimed_by = $1, claim_token = nextval('lease_tokens'),
            claim_expires = now() + $2::double precision * interval '1 millisecond'
        FROM next WHERE cases.id = next.id
        RETURNING cases.claim_token, cases.claim_expires, \(TeamQueueSQL.rowColumns.replacingOccurrences(of: "id, debtor_name", with: "cases.id, debtor_name"))
        """

    public func claimNext(collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase? {
        try await ensureRanked(today)
        var binds = PostgresBindings()
        binds.append(collector)
        binds.append(Self.milliseconds(ttl))
        let rows = try await connected { connection in
            try await connection.rows(PostgresQuery(unsafeSQL: Self.claimNextSQL, binds: binds), logger: self.logger)
        }
        return try rows.first.map { try claimed($0, collector: collector) }
    }

    public func claim(_ id: Int64, collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase {
        try await ensureRanked(today)
        var text = SQLText("UPDATE cases SET claimed_by = ")
        let who = text.bind(collector)
        text.append(
            who + ", claim_token = CASE WHEN claimed_by = \(who) AND claim_expires > now() THEN claim_token "
                + "ELSE nextval('lease_tokens') END, claim_expires = now() + " + text.bind(Self.milliseconds(ttl))
                + "::double precision * interval '1 millisecond' WHERE id = " + text.bind(id)
                + " AND (claim_expires IS NULL OR claim_expires <= now() OR claimed_by = \(who))"
                + " RETURNING claim_token, claim_expires, " + TeamQueueSQL.rowColumns)
        let query = text.query
        let rows = try await connected { connection in try await connection.rows(query, logger: self.logger) }
        if let row = rows.first { return try claimed(row, collector: collector) }
        let holder = try await currentClaim(id)
        guard let holder else { throw Refusal("there is no case \(id)") }
        throw Refusal(
            "case \(id) is claimed by \(holder.collector ?? "someone") until "
                + "\(holder.expires.map(MessageTime.text) ?? "?"); it is skipped until then")
    }

    public func heartbeat(_ lease: Lease, ttl: Duration) async throws -> Lease {
        var text = SQLText("UPDATE cases SET claim_expires = now() + ")
        text.append(
            text.bind(Self.milliseconds(ttl)) + "::double precision * interval '1 millisecond' WHERE id = "
                + text.bind(lease.caseID)
                + " AND claim_token = " + text.bind(lease.token) + " RETURNING claim_expires")
        let query = text.query
        let rows = try await connected { connection in try await connection.rows(query, logger: self.logger) }
        if let row = rows.first {
            var renewed = lease
            renewed.expiresAt = try row.value("claim_expires", as: Date.self)
            return renewed
        }
        // Lost: explain exactly as a write under it would be refused.
        let holder = try await currentClaim(lease.caseID)
        try LeaseCheck(
            caseID: lease.caseID, holder: holder?.collector, token: holder?.token, expires: holder?.expires,
            live: holder?.live ?? false
        ).allow(
            WriteContext(
                actor: lease.collector, recordedAt: "", today: CivilDate(2000, 1, 1), idempotencyKey: "", lease: lease))
        throw Refusal("your claim on case \(lease.caseID) is no longer current")
    }

    public func release(_ lease: Lease) async throws {
        var text = SQLText("UPDATE cases SET claimed_by = NULL, claim_token = NULL, claim_expires = NULL WHERE id = ")
        text.append(text.bind(lease.caseID) + " AND claim_token = " + text.bind(lease.token))
        let query = text.query
        try await connected { connection in try await connection.run(query, logger: self.logger) }
    }

    public func release(caseID id: Int64, collector: String) async throws -> Bool {
        var text = SQLText("UPDATE cases SET claimed_by = NULL, claim_token = NULL, claim_expires = NULL WHERE id = ")
        text.append(text.bind(id) + " AND claimed_by = " + text.bind(collector) + " RETURNING id")
        let query = text.query
        return try await connected { connection in
            try await !connection.rows(query, logger: self.logger).isEmpty
        }
    }

    /// Who holds case `id` and until when (`nil` when there is no such case).
    public func currentClaim(_ id: Int64) async throws -> (
        collector: String?, token: Int64?, expires: Date?, live: Bool
    )? {
        var text = SQLText(
            "SELECT claimed_by, claim_token, claim_expires, coalesce(claim_expires > now(), false) AS live FROM cases WHERE id = "
        )
        text.append(text.bind(id))
        let query = text.query
        let rows = try await connected { connection in try await connection.rows(query, logger: self.logger) }
        guard let row = rows.first else { return nil }
        return (
            try row.value("claimed_by"), try row.value("claim_token"), try row.value("claim_expires"),
            try row.value("live")
        )
    }

    private func claimed(_ row: PostgresRandomAccessRow, collector: String) throws -> ClaimedCase {
        let sql = TeamQueueSQL(.urgency)
        let queueRow = try sql.queueRow(row, order: .urgency)
        let lease = Lease(
            caseID: queueRow.id, collector: collector, token: try row.value("claim_token"),
            expiresAt: try row.value("claim_expires"))
        return ClaimedCase(lease: lease, row: queueRow)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
