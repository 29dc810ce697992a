import Foundation
import KaishuCore

/// A team case book in memory, for the workbench's team-mode tests: an `InMemoryCaseStore`
/// plus claims with fencing tokens (the same rule as the PostgreSQL store's `LeaseCheck`), a
/// change feed, and switches that make the store unreachable.
///
/// Claims never lapse by the clock here; `expire(_:)` lapses one on purpose.
public actor FakeTeamStore: CaseStore, CaseLeasing, CaseChangeFeed {
    public let books: InMemoryCaseStore

    struct Claim {
        var collector: String
        var token: Int64
        var live: Bool
    }

    private var claims: [Int64: Claim] = [:]
    private var nextToken: Int64 = 100
    private var listeners: [UUID: AsyncStream<Int64>.Continuation] = [:]
    private var offline = false
    private var loseReplies = false

    /// Every heartbeat and release received, in order (`"heartbeat 3"`, `"release 3"`).
    public private(set) var leaseLog: [String] = []

    public init(books: InMemoryCaseStore) {
        self.books = books
    }

    /// The store cannot be reached: every call throws `FakeUnreachable`. With `afterCommit`, the
    /// next write is committed, its reply is lost and then the store is gone (the harder case for
    /// "saved exactly once").
    public func goOffline(afterCommit: Bool = false) {
        offline = !afterCommit
        loseReplies = afterCommit
    }

    public func comeOnline() {
        offline = false
        loseReplies = false
    }

    /// The claim on `id` lapses (a crashed client, a long call).
    public func expire(_ id: Int64) {
        claims[id]?.live = false
    }

    /// Announces a change to `id` to every listener, as NOTIFY would.
    public func announce(_ id: Int64) {
        for continuation in listeners.values { continuation.yield(id) }
    }

    public var listenerCount: Int { listeners.count }

    private func reachable() throws {
        if offline { throw FakeUnreachable() }
    }

    // MARK: - CaseStore

    public func queue(_ query: QueueQuery) async throws -> QueuePage {
        try reachable()
        var page = try await books.queue(query)
        page.rows = page.rows.map { row in
            var row = row
            if let claim = claims[row.id], claim.live {
                row.claimedBy = claim.collector
                row.claimExpires = Date.distantFuture
            }
            return row
        }
        return page
    }

    public func queueCounts(today: CivilDate) async throws -> QueueCounts {
        try reachable()
        return try await books.queueCounts(today: today)
    }

    public func caseFile(_ id: Int64) async throws -> CaseFile? {
        try reachable()
        return try await books.caseFile(id)
    }

    public func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        try reachable()
        let claim = claims[id]
        if let lease = context.lease {
            if claim?.token != lease.token {
                if let claim, claim.live {
                    throw Refusal(
                        "your claim on case \(id) expired and \(claim.collector) now holds it; nothing was saved — "
                            + "keep your note and ask \(claim.collector)")
                }
                throw Refusal(
                    "your claim on case \(id) (token \(lease.token)) ended; nothing was saved — claim it again and retry"
                )
            }
        } else if let claim, claim.live, claim.collector != context.actor {
            throw Refusal(
                "case \(id) is claimed by \(claim.collector); wait for it to be released or ask \(claim.collector)")
        }
        let file = try await books.append(to: id, context: context, decide: decide)
        announce(id)
        if loseReplies {
            loseReplies = false
            offline = true
            throw FakeUnreachable()
        }
        return file
    }

    // MARK: - CaseLeasing

    public func claimNext(collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase? {
        try reachable()
        var position = QueueQuery.Position.first
        while true {
            let page = try await books.queue(QueueQuery(today: today, scope: .today, position: position, limit: 50))
            for row in page.rows where !(claims[row.id]?.live ?? false) {
                return grant(row, collector: collector)
            }
            guard page.hasMoreAfter, let last = page.rows.last else { return nil }
            position = .after(last.cursor)
        }
    }

    public func claim(_ id: Int64, collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase {
        try reachable()
        if let claim = claims[id], claim.live {
            if claim.collector == collector {
                return try await row(id, today: today).map { ClaimedCase(lease: lease(id, claim), row: $0) }!
            }
            throw Refusal("case \(id) is claimed by \(claim.collector); ask \(claim.collector) or wait")
        }
        guard let row = try await row(id, today: today) else { throw Refusal("there is no case \(id)") }
        return grant(row, collector: collector)
    }

    public func heartbeat(_ lease: Lease, ttl: Duration) async throws -> Lease {
        try reachable()
        leaseLog.append("heartbeat \(lease.caseID)")
        guard let claim = claims[lease.caseID], claim.token == lease.token, claim.live else {
            throw Refusal("your claim on case \(lease.caseID) is no longer current")
        }
        return self.lease(lease.caseID, claim)
    }

    public func release(_ lease: Lease) async throws {
        try reachable()
        leaseLog.append("release \(lease.caseID)")
        guard let claim = claims[lease.caseID], claim.token == lease.token else { return }
        claims[lease.caseID]?.live = false
        _ = claim
        announce(lease.caseID)
    }

    public func release(caseID id: Int64, collector: String) async throws -> Bool {
        try reachable()
        guard let claim = claims[id], claim.live, claim.collector == collector else { return false }
        claims[id]?.live = false
        announce(id)
        return true
    }

    /// Who holds a live claim on `id`, and its token.
    public func holder(of id: Int64) -> (collector: String, token: Int64)? {
        guard let claim = claims[id], claim.live else { return nil }
        return (claim.collector, claim.token)
    }

    // MARK: - CaseChangeFeed

    public nonisolated func caseChanges() -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self)
        let key = UUID()
        Task { await self.listen(key, continuation) }
        continuation.onTermination = { _ in Task { await self.stopListening(key) } }
        return stream
    }

    private func listen(_ key: UUID, _ continuation: AsyncStream<Int64>.Continuation) {
        listeners[key] = continuation
    }

    private func stopListening(_ key: UUID) {
        listeners[key] = nil
    }

    // MARK: - Internals

    private func grant(_ row: QueueRow, collector: String) -> ClaimedCase {
        nextToken += 1
        let claim = Claim(collector: collector, token: nextToken, live: true)
        claims[row.id] = claim
        announce(row.id)
        var row = row
        row.claimedBy = collector
        return ClaimedCase(lease: lease(row.id, claim), row: row)
    }

    private func lease(_ id: Int64, _ claim: Claim) -> Lease {
        Lease(caseID: id, collector: claim.collector, token: claim.token, expiresAt: .distantFuture)
    }

    private func row(_ id: Int64, today: CivilDate) async throws -> QueueRow? {
        var position = QueueQuery.Position.first
        while true {
            let page = try await books.queue(QueueQuery(today: today, scope: .all, position: position, limit: 200))
            if let row = page.rows.first(where: { $0.id == id }) { return row }
            guard page.hasMoreAfter, let last = page.rows.last else { return nil }
            position = .after(last.cursor)
        }
    }
}

/// The fake store's "connection refused".
public struct FakeUnreachable: StoreFailure, CustomStringConvertible {
    public init() {}
    public var storeUnreachable: Bool { true }
    public var description: String { "cannot connect to the case book server (connection refused)" }
}
