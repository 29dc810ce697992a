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

    /// The columns a rewrite may set, in the order `bindColumns` and `bindNames` bind them.
    private static let rewritableColumns = [
        "collector", "stage", "status", "outstanding", "oldest_due", "expires", "next_action", "promise_date",
        "promise_amount", "disputed", "on_hold", "last_contact", "tier", "debtor_name", "debtor_code", "name_key",
        "search_key",
    ]

    private static let storedColumnsSQL =
        "SELECT " + rewritableColumns.joined(separator: ", ") + " FROM cases WHERE id = ?"

    /// Binds `insertSQL`'s parameters, given the case id (`nil`: SQLite picks the next), the
    /// debtor row and the version to store.
    func bindInsert<B: SQLBinder>(_ b: inout B, id: Int64?, debtorID: Int64, version: Int64) {
        b.int(id)
        b.int(debtorID)
        bindColumns(&b)
        b.int(version)
        bindNames(&b)
    }

    /// Rewrites the stored row as this one, setting only the columns whose value changed, and
    /// bumps its `version`.
    ///
    /// Why: SQLite rewrites a row's entry in every index over a column an UPDATE sets, even when
    /// the value stays the same. A call note changes two or three columns; setting all of them
    /// rewrote the entries of all six queue indexes, and a note committed ten pages to the WAL
    /// where five hold what changed (measured with `PRAGMA wal_checkpoint` on a 100,000-case book).
    func rewrite(_ db: Database) throws {
        var values = BulkRow()
        bindColumns(&values)
        bindNames(&values)
        guard
            let stored = try Row.fetchOne(db.cachedStatement(sql: CaseRow.storedColumnsSQL), arguments: [id])
        else { throw StoreError.corrupt("case \(id) has no row to rewrite") }
        let changed = values.values.indices.filter { !values.values[$0].isStored(as: stored[$0]) }
        let assignments = changed.map { CaseRow.rewritableColumns[$0] + " = ?" } + ["version = version + 1"]
        let sql = "UPDATE cases SET " + assignments.joined(separator: ", ") + " WHERE id = ?"
        try RawStatement(db, sql: sql).run { b in
            for index in changed { values.values[index].bind(&b) }
            b.int(id)
        }
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
