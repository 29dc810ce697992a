import KaishuCore

/// What team mode adds to the screens: "taken by kato" on claimed queue rows, and on the status
/// line whether the store is reachable and whether the open case is claimed by this collector.
enum TeamView {
    /// The tag after a debtor's name when another collector holds a live claim on the case.
    static func takenTag(_ row: QueueRow, collector: String) -> String? {
        guard let holder = row.claimedBy, holder != collector else { return nil }
        return "taken by \(holder)"
    }

    /// Status line parts right after the date: an unreachable store comes first, it matters most.
    static func urgentStatus(_ state: AppState) -> [(String, Role)] {
        guard state.team.unreachable != nil else { return [] }
        return [(" | store unreachable: retrying", .error)]
    }

    /// Status line parts before the collector's name: the claim on the open case.
    static func claimStatus(_ state: AppState) -> [(String, Role)] {
        guard state.team.leasing, state.page == .caseDetail, let detail = state.detail else { return [] }
        if let lease = state.team.lease, lease.caseID == detail.id { return [(" | claimed by you", .status)] }
        if state.team.readOnly != nil {
            let holder = state.queue.rows.first { $0.id == detail.id }?.claimedBy
            return [(" | read only" + (holder.map { ": taken by \($0)" } ?? ""), .statusAccent)]
        }
        if state.team.claiming != nil { return [(" | claiming…", .status)] }
        return []
    }
}
