import Foundation
import KaishuCore

/// The workbench's part in team mode: the claim on the open case, the change feed, and the
/// store's reachability. Inert (all `false`/`nil`) over a single-collector store.
///
/// The runtime switches it on from what the store can do: `leasing` when the store conforms to
/// `CaseLeasing`, `watching` when it conforms to `CaseChangeFeed`.
public struct TeamState: Hashable, Sendable {
    /// The store claims cases: opening a case claims it, leaving releases it, `n` claims the next.
    public var leasing = false
    /// The store announces changed cases: the visible page and the open case re-query on them.
    public var watching = false
    /// A claim's length; the heartbeat renews it at `heartbeatSeconds` (a third of it), so two
    /// missed beats still leave the claim alive.
    public var leaseSeconds: Double = 300
    public var heartbeatSeconds: Double = 100
    /// Notifications are only hints (lost while nobody listens): the page also re-queries this often.
    public var pollSeconds: Double = 30
    /// Waits between retries of a save while the store is unreachable; the last one repeats.
    public var retryDelays: [Double] = [1, 2, 4, 8, 15, 30]

    /// The claim this workbench holds: on the open case, renewed by the heartbeat.
    public var lease: Lease?
    /// A claim of the case being opened is on its way.
    public var claiming: RequestID?
    /// `n`: a claim of the next free case is on its way.
    public var claimingNext: RequestID?
    public var heartbeat: RequestID?
    /// The open case could not be claimed (someone else holds it) or the claim was lost: the
    /// store's message. The case is shown, but writes would be refused.
    public var readOnly: String?
    /// The last store call failed because the store could not be reached (shown on the status line).
    public var unreachable: String?
    /// Writes not yet answered, kept so that a write that met an unreachable store can be sent
    /// again unchanged (same request, same idempotency key).
    public var saves: [RequestID: PendingSave] = [:]

    public init() {}

    /// Any team feature is on.
    public var enabled: Bool { leasing || watching }
}

/// A write on its way to the store, and how often it was tried.
public struct PendingSave: Hashable, Sendable {
    public var effect: Effect
    public var attempts: Int

    public init(effect: Effect, attempts: Int = 0) {
        self.effect = effect
        self.attempts = attempts
    }
}

/// The workbench's timers. Scheduling one that is already pending replaces it.
public enum TimerID: Hashable, Sendable {
    /// Renew the claim on the open case.
    case heartbeat
    /// Re-query the page and the open case (notifications can be lost).
    case poll
    /// Send a write again that met an unreachable store.
    case retry(RequestID)
}
