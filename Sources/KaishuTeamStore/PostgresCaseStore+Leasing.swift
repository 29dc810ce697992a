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
    /// case is back in the queue soon (`LeaseTimings`: config.json can set it per team).
    public static let defaultLeaseTTL: Duration = LeaseTimings.standard.lease

    /// What `claimNext` sends: one statement (`TeamLeaseSQL.claimNext`), the ranking check inside.
    static let claimNextSQL = TeamLeaseSQL.claimNext

    public func claimNext(collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase? {
        let statement = ClaimNextStatement(collector: collector, milliseconds: Self.milliseconds(ttl), today: today)
        let row = try await rankedRow(today) { connection in
            try await connection.rows(statement, logger: self.logger).first
        }
        guard try row.value("id", as: Int64?.self) != nil else { return nil }
        return try claimed(row, collector: collector)
    }

    public func claim(_ id: Int64, collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase {
        let statement = ClaimStatement(
            caseID: id, collector: collector, milliseconds: Self.milliseconds(ttl), today: today)
        let row = try await rankedRow(today) { connection in
            try await connection.rows(statement, logger: self.logger).first
        }
        if try row.value("id", as: Int64?.self) != nil { return try claimed(row, collector: collector) }
        let holder = try await currentClaim(id)
        guard let holder else { throw Refusal("there is no case \(id)") }
        throw Refusal(
            "case \(id) is claimed by \(holder.collector ?? "someone") until "
                + "\(holder.expires.map(MessageTime.text) ?? "?"); it is skipped until then")
    }

    /// Runs a statement that checks the ranking itself (its row's `ranked_as_of`) on one pooled
    /// connection; when the book is not ranked for `today`, ranks it on that connection and runs
    /// the statement again.
    private func rankedRow(
        _ today: CivilDate, _ run: (PostgresConnection) async throws -> PostgresRandomAccessRow?
    ) async throws -> PostgresRandomAccessRow {
        try await connected { connection in
            for attempt in 0..<2 {
                guard let row = try await run(connection) else { break }
                if try row.value("ranked_as_of", as: String?.self) == today.iso { return row }
                if attempt == 0 { try await self.rank(connection, to: today) }
            }
            throw TeamStoreError.corrupt("the book could not be ranked for \(today.iso)")
        }
    }

    public func heartbeat(_ lease: Lease, ttl: Duration) async throws -> Lease {
        let statement = HeartbeatStatement(lease, milliseconds: Self.milliseconds(ttl))
        let rows = try await connected { connection in try await connection.rows(statement, logger: self.logger) }
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
        let statement = ReleaseLeaseStatement(lease)
        _ = try await connected { connection in try await connection.rows(statement, logger: self.logger) }
    }

    public func release(caseID id: Int64, collector: String) async throws -> Bool {
        let statement = ReleaseByCollectorStatement(caseID: id, collector: collector)
        return try await connected { connection in
            try await !connection.rows(statement, logger: self.logger).isEmpty
        }
    }

    /// Who holds case `id` and until when (`nil` when there is no such case).
    public func currentClaim(_ id: Int64) async throws -> (
        collector: String?, token: Int64?, expires: Date?, live: Bool
    )? {
        let statement = CurrentClaimStatement(caseID: id)
        let rows = try await connected { connection in try await connection.rows(statement, logger: self.logger) }
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
