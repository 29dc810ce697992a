/// How long a claim lasts and how often an open case renews it (`team.leaseSeconds` and
/// `team.heartbeatSeconds` in config.json).
///
/// The lease bounds how long a crashed collector's case stays out of the queue; the heartbeat
/// keeps a live collector's claim. A heartbeat under half the lease means one heartbeat can be
/// lost (a dropped connection, a slow server) and the next still lands before the claim lapses —
/// with a longer heartbeat a single missed renewal hands the case to someone else mid-call.
public struct LeaseTimings: Hashable, Sendable {
    public var lease: Duration
    public var heartbeat: Duration

    /// Five minutes, renewed every 100 seconds.
    public static let standard = LeaseTimings(checkedLease: .seconds(300), heartbeat: .seconds(100))

    private init(checkedLease lease: Duration, heartbeat: Duration) {
        self.lease = lease
        self.heartbeat = heartbeat
    }

    /// Timings in whole seconds; either left out takes the standard value. Refused, naming the
    /// key, unless both are at least 1 s and the heartbeat is under half the lease.
    public init(leaseSeconds: Int?, heartbeatSeconds: Int?) throws {
        let lease = leaseSeconds ?? 300
        let heartbeat = heartbeatSeconds ?? 100
        guard lease >= 1 else { throw Refusal("team.leaseSeconds: \(lease) must be at least 1 second") }
        guard heartbeat >= 1 else { throw Refusal("team.heartbeatSeconds: \(heartbeat) must be at least 1 second") }
        guard heartbeat * 2 < lease else {
            throw Refusal(
                "team.heartbeatSeconds: \(heartbeat) must be under half of team.leaseSeconds (\(lease)), "
                    + "so that one missed heartbeat does not lose the claim; e.g. \(max(1, (lease - 1) / 3)) for a "
                    + "\(lease) s lease")
        }
        self.init(checkedLease: .seconds(lease), heartbeat: .seconds(heartbeat))
    }

    public var leaseSeconds: Int { Int(lease.components.seconds) }
    public var heartbeatSeconds: Int { Int(heartbeat.components.seconds) }
}
