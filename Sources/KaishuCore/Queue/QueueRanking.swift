/// The order of today's queue: the one rule that decides what a collector works first.
///
/// A case falls into the first tier that applies:
///
/// 0. **limitation critical** — its limitation completes within 30 days (0–30 days left);
/// 1. **limitation near** — within 90 days;
/// 2. **broken promise** — a promised payment date has passed without the promised amount;
/// 3. **action due** — its next action (callback, follow-up) is today or earlier;
/// 4. **later** — none of the above: open, but not in today's queue.
///
/// A case on hold leaves tiers 2–3 (a hold says "do not chase"), never tiers 0–1: a claim
/// about to expire must be seen. An expired claim (days left < 0) gets no limitation tier:
/// it can only be collected if the debtor does not invoke prescription.
///
/// Within a tier: the larger outstanding amount first, then the longer overdue (older
/// oldest due date), then the case id. The stores implement exactly this order with an index
/// on `(tier, outstanding DESC, oldest_due, id)`; `precedes` is the reference the tests
/// compare them against.
public enum QueueRanking {
    public enum Tier: Int, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case limitationCritical = 0
        case limitationNear = 1
        case brokenPromise = 2
        case actionDue = 3
        case later = 4

        public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }

        /// In today's queue (`kaishu queue` without `--all`).
        public var isDueToday: Bool { self != .later }

        public var label: String {
            switch self {
            case .limitationCritical: "limitation ≤ 30 days"
            case .limitationNear: "limitation ≤ 90 days"
            case .brokenPromise: "broken promise"
            case .actionDue: "action due"
            case .later: "scheduled later"
            }
        }
    }

    public static let criticalDays = 30
    public static let nearDays = 90

    public static func tier(
        expires: CivilDate?, promise: Promise?, nextAction: CivilDate?, onHold: Bool,
        today: CivilDate
    ) -> Tier {
        if let expires {
            let left = today.days(until: expires)
            if (0...criticalDays).contains(left) { return .limitationCritical }
            if (0...nearDays).contains(left) { return .limitationNear }
        }
        if onHold { return .later }
        if let promise, promise.date < today { return .brokenPromise }
        if let nextAction, nextAction <= today { return .actionDue }
        return .later
    }

    /// The dates at which a case's tier can change, relative to `today`; the stores re-rank
    /// only the rows whose dates fall between the old and the new thresholds when the date moves.
    public struct Thresholds: Hashable, Sendable {
        public var critical: CivilDate
        public var near: CivilDate
        public var today: CivilDate

        public init(today: CivilDate) {
            self.today = today
            critical = today.adding(days: criticalDays)
            near = today.adding(days: nearDays)
        }
    }

    /// `true` when row `a` comes before row `b` in urgency order.
    public static func precedes(_ a: QueueRow, _ b: QueueRow) -> Bool {
        if a.tier != b.tier { return a.tier < b.tier }
        if a.outstanding != b.outstanding { return a.outstanding > b.outstanding }
        switch (a.oldestDue, b.oldestDue) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }
}
