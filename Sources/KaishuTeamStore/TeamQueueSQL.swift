import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

/// The queue as PostgreSQL statements: the same keyset plan as the SQLite book's `QueueSQL` (one
/// index per order, a page after a cursor read as n + 1 disjoint index ranges, never OFFSET),
/// so both stores return the same pages for the same rows.
struct TeamQueueSQL {
    struct Column {
        var name: String
        var descending: Bool
        var isInteger: Bool
    }

    enum Direction { case forward, backward }

    /// A cursor's sort values, typed as the columns are.
    enum Value {
        case int(Int64)
        case text(String)
    }

    var columns: [Column]

    init(_ order: QueueOrder) {
        switch order {
        case .urgency:
            columns = [
                Column(name: "tier", descending: false, isInteger: true),
                Column(name: "outstanding", descending: true, isInteger: true),
                Column(name: "oldest_due", descending: false, isInteger: false),
            ]
        case .expiry: columns = [Column(name: "expires", descending: false, isInteger: false)]
        case .amount: columns = [Column(name: "outstanding", descending: true, isInteger: true)]
        case .debtor: columns = [Column(name: "name_key", descending: false, isInteger: false)]
        }
    }

    /// The row's columns, with the claim shown only while it is live.
    static let rowColumns = """
        id, debtor_name, debtor_code, outstanding, stage, expires, oldest_due, next_action, last_contact, \
        promise_date, promise_amount, disputed, on_hold, collector, tier, name_key, \
        CASE WHEN claim_expires > now() THEN claimed_by END AS live_claimed_by, \
        CASE WHEN claim_expires > now() THEN claim_expires END AS live_claim_expires
        """

    /// The statement reading up to `$3` rows from a cursor (or from the start when `keyed` is
    /// false) in one direction: prepared once per shape (`TeamQueueStatement`), its values bound.
    ///
    /// `$1` the highest tier shown (all open cases: `later`; today's queue: `actionDue`), `$2` the
    /// search pattern or `NULL`, `$3` the limit; from a cursor, `$4`… its key values and then the
    /// id bound (`id >= $n` forward, `id <= $n` backward: the caller moves it by one for an
    /// exclusive start). A page after a cursor is n + 1 disjoint index ranges — same key and a
    /// later id, then a later last key, … then a later first key — each read on its own index
    /// range with its own `LIMIT`, sent as one statement (`UNION ALL`, in range order) so a page
    /// is one round trip rather than one per range.
    func preparedSQL(backward: Bool, keyed: Bool) -> String {
        let base = """
            SELECT \(TeamQueueSQL.rowColumns) FROM cases WHERE status = 'open' AND tier <= $1 \
            AND ($2::text IS NULL OR search_key LIKE $2 ESCAPE '\\')
            """
        let order = orderList(backward: backward)
        guard keyed else { return base + " ORDER BY \(order) LIMIT $3" }
        var parts: [String] = []
        for depth in stride(from: columns.count, through: 0, by: -1) {
            var text = base.replacingOccurrences(
                of: " FROM cases", with: ", \(columns.count - depth) AS part FROM cases")
            for position in 0..<depth { text += " AND \(columns[position].name) = $\(4 + position)" }
            if depth == columns.count {
                text += " AND id \(backward ? "<=" : ">=") $\(4 + columns.count)"
            } else {
                let column = columns[depth]
                text += " AND \(column.name) \(column.descending != backward ? "<" : ">") $\(4 + depth)"
            }
            parts.append("(\(text) ORDER BY \(order) LIMIT $3)")
        }
        return parts.joined(separator: " UNION ALL ") + " ORDER BY part, \(order) LIMIT $3"
    }

    /// The parameter types of `preparedSQL(backward:keyed:)`.
    func parameterTypes(keyed: Bool) -> [PostgresDataType] {
        [.int2, .text, .int8] + (keyed ? columns.map { $0.isInteger ? .int8 : .text } + [.int8] : [])
    }

    /// The values of `preparedSQL`'s parameters for one read.
    func bindings(
        scope: QueueQuery.Scope, filter: String?, backward: Bool, start: (key: [Value], id: Int64)?,
        inclusive: Bool, limit: Int
    ) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(
            Int16(scope == .today ? QueueRanking.Tier.actionDue.rawValue : QueueRanking.Tier.later.rawValue))
        bindings.append(filter.flatMap { $0.isEmpty ? nil : SearchKey.likePattern($0) })
        bindings.append(Int64(limit))
        if let start {
            for value in start.key {
                switch value {
                case .int(let number): bindings.append(number)
                case .text(let text): bindings.append(text)
                }
            }
            bindings.append(inclusive ? start.id : backward ? start.id - 1 : start.id + 1)
        }
        return bindings
    }

    private func orderList(backward: Bool) -> String {
        (columns.map { "\($0.name)\($0.descending != backward ? " DESC" : "")" } + ["id\(backward ? " DESC" : "")"])
            .joined(separator: ", ")
    }

    func keyValues(of cursor: QueueCursor, order: QueueOrder) throws -> [Value] {
        guard cursor.order == order, cursor.key.count == columns.count else {
            throw TeamStoreError.badCursor("a \(cursor.order.rawValue) cursor cannot page the \(order.rawValue) order")
        }
        return try zip(columns, cursor.key).map { column, text in
            if column.isInteger {
                guard let value = Int64(text) else {
                    throw TeamStoreError.badCursor("cursor value '\(text)' for \(column.name) is not a number")
                }
                return .int(value)
            }
            return .text(text)
        }
    }

    func queueRow(_ row: PostgresRandomAccessRow, order: QueueOrder) throws -> QueueRow {
        let key = try columns.map { column -> String in
            if column.name == "tier" { return String(try row.value("tier", as: Int16.self)) }
            if column.isInteger { return String(try row.value(column.name, as: Int64.self)) }
            return try row.value(column.name, as: String.self)
        }
        return try TeamQueueSQL.queueRow(row, cursor: QueueCursor(order: order, key: key, id: try row.value("id")))
    }

    /// A queue row from `rowColumns`.
    static func queueRow(_ row: PostgresRandomAccessRow, cursor: QueueCursor) throws -> QueueRow {
        let promise: Promise?
        if let date = CivilDate(column: try row.value("promise_date", as: String?.self)),
            let amount = try row.value("promise_amount", as: Int64?.self)
        {
            promise = Promise(date: date, amount: Money(amount))
        } else {
            promise = nil
        }
        let stageText = try row.value("stage", as: String.self)
        guard let stage = Stage(rawValue: stageText) else {
            throw TeamStoreError.corrupt("unknown stage '\(stageText)'")
        }
        let tierValue = Int(try row.value("tier", as: Int16.self))
        guard let tier = QueueRanking.Tier(rawValue: tierValue) else {
            throw TeamStoreError.corrupt("unknown tier \(tierValue)")
        }
        return QueueRow(
            id: try row.value("id"),
            debtorName: try row.value("debtor_name"),
            debtorCode: try row.value("debtor_code"),
            outstanding: Money(try row.value("outstanding", as: Int64.self)),
            stage: stage,
            expires: CivilDate(column: try row.value("expires", as: String.self)),
            oldestDue: CivilDate(column: try row.value("oldest_due", as: String.self)),
            nextAction: CivilDate(column: try row.value("next_action", as: String?.self)),
            lastContact: CivilDate(column: try row.value("last_contact", as: String?.self)),
            promise: promise,
            disputed: try row.value("disputed"),
            onHold: try row.value("on_hold"),
            collector: try row.value("collector"),
            tier: tier,
            cursor: cursor,
            claimedBy: try row.value("live_claimed_by"),
            claimExpires: try row.value("live_claim_expires"))
    }
}
