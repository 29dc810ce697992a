import KaishuCore
import PostgresNIO

/// The statements the store sends on its hot paths, exactly as it sends them, for benchmarks that
/// run the same SQL through a cheaper client (`kaishu bench team`: pgbench for the claim, one bare
/// connection for the queue page). Built from the constants the store itself uses, so a floor
/// cannot drift from what it is compared with.
public enum TeamStatements {
    /// What `claimNext(collector:today:ttl:)` sends once the book is ranked for the day: one
    /// statement (prepared, on the store's side), the ranking check inside it. `parameters[n - 1]`
    /// is the text value of `$n`.
    public static func claimNext(
        collector: String, today: CivilDate, ttl: Duration
    ) -> [(sql: String, parameters: [String])] {
        [(PostgresCaseStore.claimNextSQL, [collector, String(PostgresCaseStore.milliseconds(ttl)), today.iso])]
    }

    /// The ranking check every queue read starts with (claims and writes carry it inside).
    public static var rankedCheck: PostgresQuery {
        var binds = PostgresBindings()
        binds.append(TeamReranking.key)
        return PostgresQuery(unsafeSQL: TeamReranking.rankedAsOfSQL, binds: binds)
    }

    /// The statement reading the urgency order (all open cases) from `cursor`, as `queue(_:)`
    /// runs it (the SQL it prepares, these values bound), with `LIMIT limit`. Forward is a page
    /// after the cursor (`.after`, asked for one row more than the page); backward with `limit` 1
    /// is its look back for "more before", from the page's first row. One statement: the keyset
    /// ranges are one `UNION ALL` (`TeamQueueSQL.preparedSQL`).
    public static func urgencyRange(
        from cursor: QueueCursor, backward: Bool, inclusive: Bool = false, limit: Int
    ) throws -> [PostgresQuery] {
        let sql = TeamQueueSQL(.urgency)
        let start = (key: try sql.keyValues(of: cursor, order: .urgency), id: cursor.id)
        let bindings = sql.bindings(
            scope: .all, filter: nil, backward: backward, start: start, inclusive: inclusive, limit: limit)
        return [PostgresQuery(unsafeSQL: sql.preparedSQL(backward: backward, keyed: true), binds: bindings)]
    }
}
