import KaishuCore

/// The case page: one case's file and its fold, loaded from the store.
public struct CaseDetail: Hashable, Sendable {
    public var id: Int64
    /// Shown in the title while the case loads.
    public var debtorName: String
    public var file: CaseFile?
    public var state: CaseState?
    /// First content line on screen.
    public var scroll = 0
    public var loading: RequestID?
    public var error: String?

    public init(id: Int64, debtorName: String) {
        self.id = id
        self.debtorName = debtorName
    }
}

/// The case a dialog acts on, with what the dialog needs to know without loading it.
public struct CaseTarget: Hashable, Sendable {
    public var id: Int64
    public var debtorName: String
    public var stage: Stage
    public var outstanding: Money
    public var disputed: Bool
    public var onHold: Bool

    public init(
        id: Int64, debtorName: String, stage: Stage, outstanding: Money, disputed: Bool, onHold: Bool
    ) {
        self.id = id
        self.debtorName = debtorName
        self.stage = stage
        self.outstanding = outstanding
        self.disputed = disputed
        self.onHold = onHold
    }

    public init(_ row: QueueRow) {
        self.init(
            id: row.id, debtorName: row.debtorName, stage: row.stage, outstanding: row.outstanding,
            disputed: row.disputed, onHold: row.onHold)
    }

    public init(_ state: CaseState) {
        self.init(
            id: state.id, debtorName: state.debtor.name, stage: state.stage, outstanding: state.outstanding,
            disputed: state.disputed, onHold: state.onHold)
    }
}
