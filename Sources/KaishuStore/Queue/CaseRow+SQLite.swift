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

    /// Binds `insertSQL`'s parameters, given the case id (`nil`: SQLite picks the next), the
    /// debtor row and the version to store.
    func bindInsert<B: SQLBinder>(_ b: inout B, id: Int64?, debtorID: Int64, version: Int64) {
        b.int(id)
        b.int(debtorID)
        bindColumns(&b)
        b.int(version)
        bindNames(&b)
    }

    /// Binds `updateSQL`'s parameters.
    func bindUpdate<B: SQLBinder>(_ b: inout B) {
        bindColumns(&b)
        bindNames(&b)
        b.int(id)
    }

    /// `collector` … `tier`, in the order both statements list them.
    private func bindColumns<B: SQLBinder>(_ b: inout B) {
        b.text(collector)
        b.text(stage.rawValue)
        b.text(statusColumn)
        b.int(outstanding.yen)
        b.text(oldestDueColumn)
        b.text(expiresColumn)
        b.text(nextAction?.iso)
        b.text(promise?.date.iso)
        b.int(promise?.amount.yen)
        b.bool(disputed)
        b.bool(onHold)
        b.text(lastContact?.iso)
        b.int(tier.rawValue)
    }

    private func bindNames<B: SQLBinder>(_ b: inout B) {
        b.text(debtorName)
        b.text(debtorCode)
        b.text(nameKey)
        b.text(searchKey)
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
