import KaishuCore

/// The `cases` row: `CaseState` flattened for the queue's indexes. Never edited by hand — every
/// write folds the case's events again and rewrites it. Both stores store exactly these values,
/// so a copied book pages in the same order.
public struct CaseRow: Hashable, Sendable {
    public var id: Int64
    public var collector: String?
    public var stage: Stage
    public var isOpen: Bool
    public var outstanding: Money
    public var oldestDue: CivilDate?
    public var expires: CivilDate?
    public var nextAction: CivilDate?
    public var promise: Promise?
    public var disputed: Bool
    public var onHold: Bool
    public var lastContact: CivilDate?
    public var tier: QueueRanking.Tier
    public var debtorName: String
    public var debtorCode: String
    public var nameKey: String
    public var searchKey: String

    /// The date stored for "no date" in `oldest_due` and `expires`. It sorts after every real
    /// date, which is where `QueueRanking.precedes` puts a missing date, so the indexes can hold
    /// the queue's order without a NULL case. Read back as `nil`.
    public static let noDate = "9999-12-31"

    /// The row for a case as its history leaves it, ranked as of `rankedAsOf`.
    public init(state: CaseState, rankedAsOf: CivilDate) {
        id = state.id
        collector = state.collector
        stage = state.stage
        isOpen = !state.isClosed
        outstanding = state.outstanding
        oldestDue = state.oldestDue
        expires = state.expires
        nextAction = state.nextAction
        promise = state.promise
        disputed = state.disputed
        onHold = state.onHold
        lastContact = state.lastContact
        tier = state.tier(today: rankedAsOf)
        debtorName = state.debtor.name
        debtorCode = state.debtor.code
        nameKey = SearchKey.nameKey(for: state.debtor)
        searchKey = SearchKey.searchKey(for: state.debtor)
    }

    /// `oldest_due` as stored (`noDate` when there is none).
    public var oldestDueColumn: String { oldestDue?.iso ?? CaseRow.noDate }
    /// `expires` as stored (`noDate` while a court proceeding is pending).
    public var expiresColumn: String { expires?.iso ?? CaseRow.noDate }
    /// `status` as stored.
    public var statusColumn: String { isOpen ? "open" : "closed" }
}

extension CivilDate {
    /// A stored date column: `nil` for NULL and for the "no date" marker.
    public init?(column text: String?) {
        guard let text, text != CaseRow.noDate else { return nil }
        self.init(iso: text)
    }
}
