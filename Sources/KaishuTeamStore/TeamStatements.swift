import KaishuCore
import PostgresNIO

/// The statements the store sends on its hot paths, exactly as it sends them, for benchmarks that
/// run the same SQL through a cheaper client (`kaishu bench team`: pgbench for the claim, one bare
/// connection for the queue page). Built from the constants the store itself uses, so a floor
/// cannot drift from what it is compared with.
public enum TeamStatements {
    /// What `claimNext(collector:today:ttl:)` sends once the book is ranked for the day, in order,
    /// each statement on its own (no transaction around them): the ranking check, then the claim.
    /// `parameters[n - 1]` is the text value of `$n`.
    public static func claimNext(collector: String, ttl: Duration) -> [(sql: String, parameters: [String])] {
        [
            (TeamReranking.rankedAsOfSQL, [TeamReranking.key]),
            (PostgresCaseStore.claimNextSQL, [collector, String(PostgresCaseStore.milliseconds(ttl))]),
        ]
    }

    /// The ranking check every queue read, claim and write starts with.
    public static var rankedCheck: PostgresQuery {
        var binds = PostgresBindings()
        binds.append(TeamReranking.key)
        return PostgresQuery(unsafeSQL: TeamReranking.rankedAsOfSQL, binds: binds)
    }

    /// The statements reading the urgency order (all open cases) from `cursor`, in the order
    /// `queue(_:)` runs them until it has `limit` rows — each has `LIMIT limit`. Forward is a page
    /// after the cursor (`.after`, asked for one row more than the page); backward with `limit` 1
    /// is its look back for "more before", from the page's first row.
    public static func urgencyRange(
        from cursor: QueueCursor, backward: Bool, inclusive: Bool = false, limit: Int
    ) throws -> [PostgresQuery] {
        let sql = TeamQueueSQL(.urgency)
        let start = (key: try sql.keyValues(of: cursor, order: .urgency), id: cursor.id)
        return sql.statements(
            scope: .all, filter: nil, direction: backward ? .backward : .forward, start: start, inclusive: inclusive,
            limit: limit
        ).map(\.query)
    }
}
