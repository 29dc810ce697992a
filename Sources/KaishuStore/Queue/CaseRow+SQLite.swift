import GRDB
import KaishuCore
import KaishuEventLog

/// The SQLite statements that store a `CaseRow` (the row itself is shared with the team store).
extension CaseRow {
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
            id, debtorID, collector, stage.rawValue, statusColumn, outstanding.yen,
            oldestDueColumn, expiresColumn,
            nextAction?.iso, promise?.date.iso, promise?.amount.yen, disputed, onHold,
            lastContact?.iso, tier.rawValue, version, debtorName, debtorCode, nameKey, searchKey,
        ]
    }

    var updateArguments: StatementArguments {
        [
            collector, stage.rawValue, statusColumn, outstanding.yen,
            oldestDueColumn, expiresColumn,
            nextAction?.iso, promise?.date.iso, promise?.amount.yen, disputed, onHold,
            lastContact?.iso, tier.rawValue, debtorName, debtorCode, nameKey, searchKey, id,
        ]
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
