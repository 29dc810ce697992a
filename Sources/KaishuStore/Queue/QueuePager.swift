import GRDB
import KaishuCore
import KaishuEventLog

/// Reads pages and counts of the queue. Expects the book to be ranked as of the query's today.
enum QueuePager {
    static func page(_ db: Database, _ query: QueueQuery) throws -> QueuePage {
        let sql = QueueSQL(query.order)
        let limit = max(1, query.limit)
        func start(_ cursor: QueueCursor) throws -> (key: [DatabaseValue], id: Int64) {
            (try sql.keyValues(of: cursor, order: query.order), cursor.id)
        }
        switch query.position {
        case .first:
            let rows = try fetch(db, sql, query, .forward, from: nil, limit: limit + 1)
            return QueuePage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: false)
        case .last:
            let rows = try fetch(db, sql, query, .backward, from: nil, limit: limit + 1)
            return QueuePage(
                rows: rows.prefix(limit).reversed(), hasMoreAfter: false, hasMoreBefore: rows.count > limit)
        case .after(let cursor):
            let rows = try fetch(db, sql, query, .forward, from: start(cursor), limit: limit + 1)
            let page = Array(rows.prefix(limit))
            // Anything before the page: before its first row, or at or before the cursor if empty.
            let before = try fetch(
                db, sql, query, .backward, from: start(page.first?.cursor ?? cursor), inclusive: page.isEmpty,
                limit: 1)
            return QueuePage(rows: page, hasMoreAfter: rows.count > limit, hasMoreBefore: !before.isEmpty)
        case .before(let cursor):
            let rows = try fetch(db, sql, query, .backward, from: start(cursor), limit: limit + 1)
            let page = Array(rows.prefix(limit).reversed())
            let after = try fetch(
                db, sql, query, .forward, from: start(page.last?.cursor ?? cursor), inclusive: page.isEmpty,
                limit: 1)
            return QueuePage(rows: page, hasMoreAfter: !after.isEmpty, hasMoreBefore: rows.count > limit)
        }
    }

    /// Up to `limit` rows in `direction` from `start`, reading the keyset ranges in order.
    static func fetch(
        _ db: Database, _ sql: QueueSQL, _ query: QueueQuery, _ direction: QueueSQL.Direction,
        from start: (key: [DatabaseValue], id: Int64)?, inclusive: Bool = false, limit: Int
    ) throws -> [QueueRow] {
        var rows: [QueueRow] = []
        let statements = sql.statements(
            scope: query.scope, filter: query.filter, direction: direction, start: start, inclusive: inclusive)
        for statement in statements where rows.count < limit {
            // Each range reads only what the page still needs.
            let arguments = statement.arguments + [limit - rows.count]
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: statement.sql), arguments: arguments)
            while let row = try cursor.next() {
                rows.append(try sql.queueRow(row, order: query.order))
            }
        }
        return rows
    }

    /// The status line's counts, each an index range count.
    static func counts(_ db: Database, today: CivilDate) throws -> QueueCounts {
        let near = QueueRanking.Thresholds(today: today).near
        func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
            try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
        }
        return QueueCounts(
            dueToday: try count(
                "SELECT count(*) FROM cases INDEXED BY cases_queue_urgency WHERE status = 'open' AND tier <= ?",
                [QueueRanking.Tier.actionDue.rawValue]),
            nearLimitation: try count(
                "SELECT count(*) FROM cases INDEXED BY cases_queue_expiry WHERE status = 'open' AND expires BETWEEN ? AND ?",
                [today.iso, near.iso]),
            brokenPromises: try count(
                "SELECT count(*) FROM cases INDEXED BY cases_promise WHERE status = 'open' AND promise_date IS NOT NULL AND promise_date < ?",
                [today.iso]),
            open: try count("SELECT open FROM case_totals WHERE id = 1"))
    }
}
