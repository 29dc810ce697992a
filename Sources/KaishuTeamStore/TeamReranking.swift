import KaishuCore
import KaishuEventLog
import PostgresNIO

/// Keeps `cases.tier` true for the day the queue is read — the SQLite book's rule (see
/// `Reranking` there): when the day moves from A to B, only open cases whose expiry, promise
/// or next action lies between the old and new thresholds can change tier, each an index range.
///
/// Concurrent collectors rank at most once per day: the `meta.ranked_as_of` row is locked
/// (`FOR UPDATE`) while ranking, and whoever gets it second finds the work done.
enum TeamReranking {
    static let key = "ranked_as_of"
    /// The check every queue read, claim and write starts with (`$1` is `key`).
    static let rankedAsOfSQL = "SELECT value FROM meta WHERE key = $1"

    static func rankedAsOf(_ connection: PostgresConnection, logger: Logger) async throws -> CivilDate? {
        try await connection.rows(RankedAsOfStatement(), logger: logger).first
            .flatMap { CivilDate(iso: try $0.value("value", as: String.self)) }
    }

    /// Ranks as of `today` inside the caller's transaction; returns how many tiers changed.
    @discardableResult
    static func rerank(_ connection: PostgresConnection, to today: CivilDate, logger: Logger) async throws -> Int {
        var ensure = SQLText("INSERT INTO meta (key, value) VALUES (")
        ensure.append(ensure.bind(key) + ", '') ON CONFLICT (key) DO NOTHING")
        try await connection.run(ensure.query, logger: logger)
        var lock = SQLText("SELECT value FROM meta WHERE key = ")
        lock.append(lock.bind(key) + " FOR UPDATE")
        let old = try await connection.rows(lock.query, logger: logger).first
            .flatMap { CivilDate(iso: try $0.value("value", as: String.self)) }
        if old == today { return 0 }
        let columns = "id, expires, promise_date, promise_amount, next_action, on_hold, tier"
        var queries: [SQLText] = []
        if let old {
            let a = QueueRanking.Thresholds(today: min(old, today))
            let b = QueueRanking.Thresholds(today: max(old, today))
            func range(_ column: String, _ low: CivilDate, _ high: CivilDate, notNull: Bool) -> SQLText {
                var text = SQLText("SELECT \(columns) FROM cases WHERE status = 'open'")
                if notNull { text.append(" AND \(column) IS NOT NULL") }
                text.append(" AND \(column) BETWEEN " + text.bind(low.iso) + " AND " + text.bind(high.iso))
                return text
            }
            queries = [
                range("expires", a.today, b.today, notNull: false),
                range("expires", a.critical, b.critical, notNull: false),
                range("expires", a.near, b.near, notNull: false),
                range("promise_date", a.today, b.today, notNull: true),
                range("next_action", a.today, b.today, notNull: true),
            ]
        } else {
            queries = [SQLText("SELECT \(columns) FROM cases WHERE status = 'open'")]
        }
        var seen = Set<Int64>()
        var changedIDs: [Int64] = []
        var changedTiers: [Int64] = []
        for query in queries {
            for row in try await connection.rows(query.query, logger: logger) {
                let id = try row.value("id", as: Int64.self)
                guard seen.insert(id).inserted else { continue }
                let promise: Promise? =
                    if let date = CivilDate(column: try row.value("promise_date", as: String?.self)),
                        let amount = try row.value("promise_amount", as: Int64?.self)
                    { Promise(date: date, amount: Money(amount)) } else { nil }
                let tier = QueueRanking.tier(
                    expires: CivilDate(column: try row.value("expires", as: String.self)), promise: promise,
                    nextAction: CivilDate(column: try row.value("next_action", as: String?.self)),
                    onHold: try row.value("on_hold", as: Bool.self), today: today)
                let stored = Int(try row.value("tier", as: Int16.self))
                if tier.rawValue != stored {
                    changedIDs.append(id)
                    changedTiers.append(Int64(tier.rawValue))
                }
            }
        }
        if !changedIDs.isEmpty {
            // One statement for every change, in id order (a stable lock order between rankers).
            var update = SQLText("UPDATE cases SET tier = changes.tier FROM unnest(")
            update.append(
                update.bind(changedIDs) + "::bigint[], " + update.bind(changedTiers)
                    + "::bigint[]) AS changes(id, tier) WHERE cases.id = changes.id")
            try await connection.run(update.query, logger: logger)
        }
        var set = SQLText("UPDATE meta SET value = ")
        set.append(set.bind(today.iso) + " WHERE key = " + set.bind(key))
        try await connection.run(set.query, logger: logger)
        return changedIDs.count
    }
}
