import Foundation
import KaishuCore

/// The fencing rule every write passes, given the case's claim as locked in the write's
/// transaction.
///
/// - A write under a lease is accepted while the lease's token is the case's current token —
///   also after it lapsed, as long as nobody has claimed the case since (nobody's work can be
///   overwritten). Otherwise it is refused, naming who holds the case now.
/// - A write without a lease (a script, `kaishu case note` without `--lease`) is accepted unless
///   another collector holds a live claim on the case.
struct LeaseCheck {
    var caseID: Int64
    var holder: String?
    var token: Int64?
    var expires: Date?
    var live: Bool

    func allow(_ context: WriteContext) throws {
        guard let lease = context.lease else {
            if live, let holder, holder != context.actor {
                throw Refusal(
                    "case \(caseID) is claimed by \(holder) until \(expires.map(MessageTime.text) ?? "?"); "
                        + "wait for it to be released or ask \(holder)")
            }
            return
        }
        guard lease.caseID == caseID else {
            throw Refusal("the claim given is on case \(lease.caseID), not case \(caseID)")
        }
        if token == lease.token { return }
        // A lease typed on the command line (`--lease TOKEN`) has no known expiry: `.distantPast`.
        let lapsed = lease.expiresAt == .distantPast ? "" : " at \(MessageTime.text(lease.expiresAt))"
        if live, let holder {
            throw Refusal(
                "your claim on case \(caseID) expired\(lapsed) and \(holder) now holds it "
                    + "(until \(expires.map(MessageTime.text) ?? "?")); nothing was saved — keep your note and ask \(holder)"
            )
        }
        throw Refusal(
            "your claim on case \(caseID) (token \(lease.token)) ended\(lapsed): the case was released or "
                + "claimed by someone else since; nothing was saved — claim it again and retry")
    }
}
