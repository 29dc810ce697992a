import Foundation

/// Claiming work on a shared queue: the team store's promise that two collectors never work the
/// same case at once, and that a write under a lost claim is refused rather than applied.
///
/// A claim is a *lease*: it lasts `ttl` from the server's clock, is kept alive by `heartbeat`
/// while the case stays open, and lapses by itself when a client crashes, so the case returns
/// to the queue. Each claim carries a fencing token, a number that grows with every claim; a
/// write made under a lease (`WriteContext.lease`) is accepted only while its token is still the
/// case's current one, so a collector whose lease lapsed during a long call, and whose case
/// someone else has since claimed, gets a `Refusal` instead of writing over the new owner's work.
///
/// `PostgresCaseStore` implements it. The SQLite book is for one collector and does not: there is
/// nobody to share the queue with.
public protocol CaseLeasing: Sendable {
    /// Claims the first unclaimed case of today's queue (tiers 0–3, in urgency order), skipping
    /// cases other collectors hold. `nil` when every case due today is taken or the queue is empty.
    func claimNext(collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase?

    /// Claims one case (opening it from the queue). Renews the lease when `collector` already
    /// holds it; throws a `Refusal` naming the holder when someone else does.
    func claim(_ id: Int64, collector: String, today: CivilDate, ttl: Duration) async throws -> ClaimedCase

    /// Extends a held lease by `ttl` from now. Throws a `Refusal` when the lease was lost.
    func heartbeat(_ lease: Lease, ttl: Duration) async throws -> Lease

    /// Gives the case back to the queue. Releasing a lease that is no longer current does nothing.
    func release(_ lease: Lease) async throws

    /// Gives back whatever claim `collector` holds on case `id` (the command line, which does not
    /// keep tokens between runs). Returns `false` when `collector` held no claim on it.
    func release(caseID id: Int64, collector: String) async throws -> Bool
}

/// A held claim on one case.
public struct Lease: Hashable, Sendable, Codable {
    public var caseID: Int64
    public var collector: String
    /// The fencing token: unique per claim and increasing; writes under this lease carry it.
    public var token: Int64
    /// When the lease lapses unless renewed (the server's clock).
    public var expiresAt: Date

    public init(caseID: Int64, collector: String, token: Int64, expiresAt: Date) {
        self.caseID = caseID
        self.collector = collector
        self.token = token
        self.expiresAt = expiresAt
    }
}

/// A case just claimed: the lease, and the queue row as it stood when claimed.
public struct ClaimedCase: Hashable, Sendable {
    public var lease: Lease
    public var row: QueueRow

    public init(lease: Lease, row: QueueRow) {
        self.lease = lease
        self.row = row
    }
}

/// Hints that cases changed, for screens that show them: a workbench re-queries its visible page
/// when an id it shows arrives. Only a hint — notifications are lost while nobody listens (a
/// reconnect, a sleeping laptop), so screens also re-query after reconnecting and on a slow poll.
public protocol CaseChangeFeed: Sendable {
    /// Case ids as they change (a write, a claim, a release), possibly repeated, until the stream's
    /// consumer stops iterating. The stream ends if the store is shut down.
    func caseChanges() -> AsyncStream<Int64>
}
