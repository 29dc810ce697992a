/// An error that may mean the case book could not be reached (the network or the server went
/// away) rather than that it refused the request.
///
/// The workbench treats the two differently: a refusal is shown and the collector decides; an
/// unreachable store is retried with back-off under the same idempotency key, so a note typed
/// during an outage is saved exactly once when the server is back (a retry of a write that did
/// commit before the connection dropped is recognised by its key and not applied again).
public protocol StoreFailure: Error {
    /// `true` when the request may succeed unchanged once the store is reachable again.
    var storeUnreachable: Bool { get }
}
