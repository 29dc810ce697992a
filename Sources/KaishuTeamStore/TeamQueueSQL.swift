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

    /// The statements reading rows from `start` in `direction`, in the order they must run, each
    /// limited to `limit` rows.
    func statements(
        scope: QueueQuery.Scope, filter: String?, direction: Direction, start: (key: [Value], id: Int64)?,
        inclusive: Bool = false, limit: Int
    ) -> [SQLText] {
        let backward = direction == .backward
        func base() -> SQLText {
            var text = SQLText("SELECT \(TeamQueueSQL.rowColumns) FROM cases WHERE status = 'open'")
            if scope == .today { text.append(" AND tier <= \(QueueRanking.Tier.actionDue.rawValue)") }
            if let filter, !filter.isEmpty {
                text.append(" AND search_key LIKE " + text.bind(SearchKey.likePattern(filter)) + " ESCAPE '\\'")
            }
            return text
        }
        let orderBy =
            " ORDER BY "
            + (columns.map { "\($0.name)\($0.descending != backward ? " DESC" : "")" } + [
                "id\(backward ? " DESC" : "")"
            ])
            .joined(separator: ", ") + " LIMIT \(limit)"
        guard let start else {
            var text = base()
            text.append(orderBy)
            return [text]
        }
        var result: [SQLText] = []
        for depth in stride(from: columns.count, through: 0, by: -1) {
            var text = base()
            for position in 0..<depth {
                text.append(" AND \(columns[position].name) = " + bind(start.key[position], into: &text))
            }
            if depth == columns.count {
                let op = backward ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")
                text.append(" AND id \(op) " + text.bind(start.id))
            } else {
                let column = columns[depth]
                text.append(
                    " AND \(column.name) \(column.descending != backward ? "<" : ">") "
                        + bind(start.key[depth], into: &text))
            }
            text.append(orderBy)
            result.append(text)
        }
        return result
    }

    private func bind(_ value: Value, into text: inout SQLText) -> String {
        switch value {
        case .int(let number): return text.bind(number)
        case .text(let string): return text.bind(string)
        }
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
