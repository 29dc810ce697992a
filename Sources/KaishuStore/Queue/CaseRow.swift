import GRDB
import KaishuCore

/// The `cases` row: `CaseState` flattened for the queue's indexes. Never edited by hand — every
/// write folds the case's events again and rewrites it.
struct CaseRow: Hashable, Sendable {
    var id: Int64
    var collector: String?
    var stage: Stage
    var isOpen: Bool
    var outstanding: Money
    var oldestDue: CivilDate?
    var expires: CivilDate?
    var nextAction: CivilDate?
    var promise: Promise?
    var disputed: Bool
    var onHold: Bool
    var lastContact: CivilDate?
    var tier: QueueRanking.Tier
    var debtorName: String
    var debtorCode: String
    var nameKey: String
    var searchKey: String

    /// The row for a case as its history leaves it, ranked as of `rankedAsOf`.
    init(state: CaseState, rankedAsOf: CivilDate) {
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

    static let insertSQL = """
        INSERT INTO cases (id, debtor_id, collector, stage, status, outstanding, oldest_due, expires,
            next_action, promise_date, promise_amount, disputed, on_hold, last_contact, tier, version,
            debtor_name, debtor_code, name_key, search_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let updateSQL = """
        UPDATE cases SET collector = ?, stage = ?, status = ?, outstanding = ?, oldest_due = ?,
            expires = ?, next_action = ?, promise_date = ?, promise_amount = ?, disputed = ?,
            on_hold = ?, last_contact = ?, tier = ?, version = version + 1, debtor_name = ?,
            debtor_code = ?, name_key = ?, search_key = ?
        WHERE id = ?
        """

    /// Arguments for `insertSQL`, given the case id (`nil`: SQLite picks the next), the debtor row
    /// and the version to store.
    func insertArguments(id: Int64?, debtorID: Int64, version: Int64) -> StatementArguments {
        [
            id, debtorID, collector, stage.rawValue, isOpen ? "open" : "closed", outstanding.yen,
            oldestDue?.iso ?? CasebookSchema.noDate, expires?.iso ?? CasebookSchema.noDate,
            nextAction?.iso, promise?.date.iso, promise?.amount.yen, disputed, onHold,
            lastContact?.iso, tier.rawValue, version, debtorName, debtorCode, nameKey, searchKey,
        ]
    }

    var updateArguments: StatementArguments {
        [
            collector, stage.rawValue, isOpen ? "open" : "closed", outstanding.yen,
            oldestDue?.iso ?? CasebookSchema.noDate, expires?.iso ?? CasebookSchema.noDate,
            nextAction?.iso, promise?.date.iso, promise?.amount.yen, disputed, onHold,
            lastContact?.iso, tier.rawValue, debtorName, debtorCode, nameKey, searchKey, id,
        ]
    }
}

extension CivilDate {
    /// A stored date column: `nil` for NULL and for the "no date" marker.
    init?(column text: String?) {
        guard let text, text != CasebookSchema.noDate else { return nil }
        self.init(iso: text)
    }
}

extension Stage {
    init(column text: String) throws {
        guard let stage = Stage(rawValue: text) else { throw StoreError.corrupt("unknown stage '\(text)'") }
        self = stage
    }
}

extension QueueRanking.Tier {
    init(column value: Int) throws {
        guard let tier = QueueRanking.Tier(rawValue: value) else { throw StoreError.corrupt("unknown tier \(value)") }
        self = tier
    }
}
