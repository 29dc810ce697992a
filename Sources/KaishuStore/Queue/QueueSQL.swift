import GRDB
import KaishuCore
import KaishuEventLog

/// The queue as SQL: one index per `QueueOrder`, keyset positions, never OFFSET, never a sort.
///
/// Each order is a list of sort columns ending in `id` (ascending), and an index over exactly those
/// columns in those directions, partial on `status = 'open'`. A page after a cursor `(k1 … kn, id)`
/// is the union of n + 1 disjoint index ranges, read in order until the page is full:
///
///     k1 = ? AND … AND kn = ? AND id > ?
///     k1 = ? AND … AND k(n-1) = ? AND kn ▹ ?       (▹ is > for ascending, < for descending)
///     …
///     k1 ▹ ?
///
/// Each range is an index seek followed by an ordered scan (`INDEXED BY` makes SQLite refuse rather
/// than fall back to a scan and sort), which is why mixed directions such as urgency's
/// `outstanding DESC` need no row-value trick. A page before a cursor is the same with every
/// direction reversed, read back to front.
struct QueueSQL {
    struct Column {
        var name: String
        var descending: Bool
        var isInteger: Bool
        /// Where `rowColumns` has it.
        var position: Int
    }

    enum Direction {
        case forward, backward
    }

    var index: String
    var columns: [Column]

    init(_ order: QueueOrder) {
        switch order {
        case .urgency:
            index = "cases_queue_urgency"
            columns = [
                Column(name: "tier", descending: false, isInteger: true, position: 14),
                Column(name: "outstanding", descending: true, isInteger: true, position: 3),
                Column(name: "oldest_due", descending: false, isInteger: false, position: 6),
            ]
        case .expiry:
            index = "cases_queue_expiry"
            columns = [Column(name: "expires", descending: false, isInteger: false, position: 5)]
        case .amount:
            index = "cases_queue_amount"
            columns = [Column(name: "outstanding", descending: true, isInteger: true, position: 3)]
        case .debtor:
            index = "cases_queue_debtor"
            columns = [Column(name: "name_key", descending: false, isInteger: false, position: 15)]
        }
    }

    /// The columns of a queue row, read by position (`queueRow`, `Column.position`).
    static let rowColumns = """
        id, debtor_name, debtor_code, outstanding, stage, expires, oldest_due, next_action, \
        last_contact, promise_date, promise_amount, disputed, on_hold, collector, tier, name_key
        """

    /// The statements that read rows from `start` (exclusive, unless `inclusive`) in `direction`,
    /// in the order they must run; each ends in `LIMIT ?`, whose argument the caller appends.
    /// Without a start, one statement from the end.
    func statements(
        scope: QueueQuery.Scope, filter: String?, direction: Direction,
        start: (key: [DatabaseValue], id: Int64)?, inclusive: Bool = false
    ) -> [(sql: String, arguments: StatementArguments)] {
        let filtered = !(filter ?? "").isEmpty
        let key = TextKey(
            index: index, scope: scope, filtered: filtered, direction: direction, hasStart: start != nil,
            inclusive: inclusive)
        let texts = QueueSQL.texts.value(for: key) {
            self.texts(
                scope: scope, filtered: filtered, direction: direction, hasStart: start != nil, inclusive: inclusive)
        }
        var baseArguments: StatementArguments = []
        if let filter, filtered { baseArguments += [SearchKey.likePattern(filter)] }
        guard let start else { return [(texts[0], baseArguments)] }
        // Depth n … 0, as `texts` lists them: the first n sort values equal, then the next one beyond.
        return zip(stride(from: columns.count, through: 0, by: -1), texts).map { depth, sql in
            var arguments = baseArguments
            for position in 0..<depth { arguments += [start.key[position]] }
            arguments += depth == columns.count ? [start.id] : [start.key[depth]]
            return (sql, arguments)
        }
    }

    /// The SQL of `statements`: the same few texts for every page of an order, so they are built
    /// once and kept (`texts`).
    private func texts(
        scope: QueueQuery.Scope, filtered: Bool, direction: Direction, hasStart: Bool, inclusive: Bool
    ) -> [String] {
        var base = "SELECT \(QueueSQL.rowColumns) FROM cases INDEXED BY \(index) WHERE status = 'open'"
        if scope == .today {
            base += " AND tier <= \(QueueRanking.Tier.actionDue.rawValue)"
        }
        if filtered {
            base += " AND search_key LIKE ? ESCAPE '\\'"
        }
        let backward = direction == .backward
        let orderBy =
            " ORDER BY "
            + (columns.map { "\($0.name)\($0.descending != backward ? " DESC" : "")" } + [
                "id\(backward ? " DESC" : "")"
            ])
            .joined(separator: ", ") + " LIMIT ?"
        guard hasStart else { return [base + orderBy] }
        return stride(from: columns.count, through: 0, by: -1).map { depth in
            var conditions = (0..<depth).map { "\(columns[$0].name) = ?" }
            if depth == columns.count {
                conditions.append("id \(backward ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")) ?")
            } else {
                let column = columns[depth]
                conditions.append("\(column.name) \(column.descending != backward ? "<" : ">") ?")
            }
            return base + " AND " + conditions.joined(separator: " AND ") + orderBy
        }
    }

    private struct TextKey: Hashable {
        var index: String
        var scope: QueueQuery.Scope
        var filtered: Bool
        var direction: Direction
        var hasStart: Bool
        var inclusive: Bool
    }

    private static let texts = Memo<TextKey, [String]>()

    /// The stored sort values of a cursor, checked against this order's columns.
    func keyValues(of cursor: QueueCursor, order: QueueOrder) throws -> [DatabaseValue] {
        guard cursor.order == order, cursor.key.count == columns.count else {
            throw StoreError.badCursor("a \(cursor.order.rawValue) cursor cannot page the \(order.rawValue) order")
        }
        return try zip(columns, cursor.key).map { column, text in
            if column.isInteger {
                guard let value = Int64(text) else {
                    throw StoreError.badCursor("cursor value '\(text)' for \(column.name) is not a number")
                }
                return value.databaseValue
            }
            return text.databaseValue
        }
    }

    /// The cursor of a row in this order: its sort values as stored, and its id.
    func cursor(of row: Row, order: QueueOrder) -> QueueCursor {
        let key = columns.map { column -> String in
            column.isInteger ? String(row[column.position] as Int64) : (row[column.position] as String)
        }
        return QueueCursor(order: order, key: key, id: row[0])
    }

    func queueRow(_ row: Row, order: QueueOrder) throws -> QueueRow {
        // By position in `rowColumns`: a page decodes 16 columns of 51 rows, and looking each up
        // by name cost more than reading it.
        let promise: Promise?
        if let date = CivilDate(column: row[9]), let amount: Int64 = row[10] {
            promise = Promise(date: date, amount: Money(amount))
        } else {
            promise = nil
        }
        return QueueRow(
            id: row[0],
            debtorName: row[1],
            debtorCode: row[2],
            outstanding: Money(row[3] as Int64),
            stage: try Stage(column: row[4]),
            expires: CivilDate(column: row[5]),
            oldestDue: CivilDate(column: row[6]),
            nextAction: CivilDate(column: row[7]),
            lastContact: CivilDate(column: row[8]),
            promise: promise,
            disputed: row[11],
            onHold: row[12],
            collector: row[13],
            tier: try QueueRanking.Tier(column: row[14]),
            cursor: cursor(of: row, order: order))
    }
}
