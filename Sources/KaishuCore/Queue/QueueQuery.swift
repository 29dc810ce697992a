import Foundation

/// Which page of the queue to fetch.
public struct QueueQuery: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        /// Cases that need an action today (ranking tiers 0–3, see `QueueRanking`).
        case today
        /// Every open case, in queue order.
        case all
    }

    /// Where the page sits: keyset positions, never offsets.
    public enum Position: Hashable, Sendable {
        case first
        case last
        case after(QueueCursor)
        case before(QueueCursor)
    }

    public var today: CivilDate
    public var scope: Scope
    public var order: QueueOrder
    /// Debtor name, kana or code contains this text (matched on NFKC-folded keys).
    public var filter: String?
    public var position: Position
    public var limit: Int

    public init(
        today: CivilDate, scope: Scope = .today, order: QueueOrder = .urgency,
        filter: String? = nil, position: Position = .first, limit: Int = 50
    ) {
        self.today = today
        self.scope = scope
        self.order = order
        self.filter = filter
        self.position = position
        self.limit = limit
    }
}

/// The sort orders the queue offers (`o` in the workbench cycles through them).
public enum QueueOrder: String, Hashable, Sendable, CaseIterable, Codable {
    /// `QueueRanking`: tier, then larger amount, then longer overdue.
    case urgency
    /// Soonest limitation first.
    case expiry
    /// Largest outstanding first.
    case amount
    /// By debtor name (kana reading when known).
    case debtor
}

/// The sort key of a row in a given order: an opaque keyset position.
public struct QueueCursor: Hashable, Sendable, Codable {
    public var order: QueueOrder
    /// The row's sort key values, in the order's column order, as stored.
    public var key: [String]
    public var id: Int64

    public init(order: QueueOrder, key: [String], id: Int64) {
        self.order = order
        self.key = key
        self.id = id
    }
}

/// One row of the queue: what a collector sees before opening the case.
public struct QueueRow: Hashable, Sendable, Codable {
    public var id: Int64
    public var debtorName: String
    public var debtorCode: String
    public var outstanding: Money
    public var stage: Stage
    /// Limitation of the most urgent open claim; `nil` while a court proceeding is pending.
    public var expires: CivilDate?
    public var oldestDue: CivilDate?
    public var nextAction: CivilDate?
    public var lastContact: CivilDate?
    public var promise: Promise?
    public var disputed: Bool
    public var onHold: Bool
    public var collector: String?
    public var tier: QueueRanking.Tier
    public var cursor: QueueCursor
    /// The collector holding a live claim on the case (team store), `nil` when it is free.
    public var claimedBy: String?
    /// When that claim lapses unless renewed.
    public var claimExpires: Date?

    public init(
        id: Int64, debtorName: String, debtorCode: String, outstanding: Money, stage: Stage,
        expires: CivilDate?, oldestDue: CivilDate?, nextAction: CivilDate?,
        lastContact: CivilDate?, promise: Promise?, disputed: Bool, onHold: Bool,
        collector: String?, tier: QueueRanking.Tier, cursor: QueueCursor,
        claimedBy: String? = nil, claimExpires: Date? = nil
    ) {
        self.claimedBy = claimedBy
        self.claimExpires = claimExpires
        self.id = id
        self.debtorName = debtorName
        self.debtorCode = debtorCode
        self.outstanding = outstanding
        self.stage = stage
        self.expires = expires
        self.oldestDue = oldestDue
        self.nextAction = nextAction
        self.lastContact = lastContact
        self.promise = promise
        self.disputed = disputed
        self.onHold = onHold
        self.collector = collector
        self.tier = tier
        self.cursor = cursor
    }

    public func daysLeft(today: CivilDate) -> Int? { expires.map { today.days(until: $0) } }

    /// Days past the oldest open due date (0 when not yet due).
    public func daysPastDue(today: CivilDate) -> Int {
        oldestDue.map { max(0, $0.days(until: today)) } ?? 0
    }
}

public struct QueuePage: Hashable, Sendable {
    public var rows: [QueueRow]
    /// More rows exist beyond the page in the direction it was fetched.
    public var hasMoreAfter: Bool
    public var hasMoreBefore: Bool

    public init(rows: [QueueRow], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows
        self.hasMoreAfter = hasMoreAfter
        self.hasMoreBefore = hasMoreBefore
    }
}

public struct QueueCounts: Hashable, Sendable, Codable {
    /// Cases in today's queue (tiers 0–3).
    public var dueToday: Int
    /// Cases whose limitation completes within 90 days.
    public var nearLimitation: Int
    public var brokenPromises: Int
    public var open: Int

    public init(dueToday: Int, nearLimitation: Int, brokenPromises: Int, open: Int) {
        self.dueToday = dueToday
        self.nearLimitation = nearLimitation
        self.brokenPromises = brokenPromises
        self.open = open
    }
}
