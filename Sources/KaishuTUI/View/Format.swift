import KaishuCore

/// How values are written on screen.
enum Format {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func weekday(_ date: CivilDate) -> String { weekdays[date.weekday] }

    /// Days left before limitation as the queue shows it, with the role that colours it:
    /// ≤ 30 critical, ≤ 90 near, below 0 expired (inverted), `court` while a proceeding runs.
    static func daysLeft(_ days: Int?) -> (text: String, role: Role) {
        guard let days else { return ("court", .muted) }
        if days < 0 { return ("exp\(days)", .daysExpired) }
        if days <= QueueRanking.criticalDays { return (String(days), .daysCritical) }
        if days <= QueueRanking.nearDays { return (String(days), .daysNear) }
        return (String(days), .text)
    }

    /// The urgency mark: two characters for the tier (readable without colour) and the role.
    static func urgencyMark(_ tier: QueueRanking.Tier) -> (text: String, role: Role) {
        switch tier {
        case .limitationCritical: ("!!", .urgencyCritical)
        case .limitationNear: ("! ", .urgencyNear)
        case .brokenPromise: ("P ", .brokenPromise)
        case .actionDue: ("* ", .actionDue)
        case .later: ("  ", .text)
        }
    }

    static func flags(disputed: Bool, onHold: Bool) -> String {
        disputed ? "D" : onHold ? "H" : " "
    }

    static func date(_ date: CivilDate?) -> String { date?.iso ?? "-" }
}
