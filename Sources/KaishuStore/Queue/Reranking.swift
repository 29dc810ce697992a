import GRDB
import KaishuCore
import KaishuEventLog

/// Keeps `cases.tier` true for the day the queue is read.
///
/// A case's tier depends on today (`QueueRanking.tier`), so the stored tier is only right for
/// one date, kept in `meta.ranked_as_of`. When the queue is read (or a write arrives) for another
/// day, only the rows whose tier can have changed are ranked again. A tier compares three dates
/// with today: `expires` with today, today + 30 and today + 90; the promise date with today;
/// the next action with today. Moving from day A to day B can change a comparison only for a date
/// lying between its old and new threshold, so the candidates are the open cases with
///
///     expires      in [min(A, B), max(A, B)]            (days left crossing 0)
///     expires      in [min(A, B) + 30, max(A, B) + 30]  (crossing the critical window)
///     expires      in [min(A, B) + 90, max(A, B) + 90]  (crossing the near window)
///     promise_date in [min(A, B), max(A, B)]
///     next_action  in [min(A, B), max(A, B)]
///
/// each an index range; the ranges are inclusive, so they hold whichever way the date moved.
/// Moving one day touches the cases whose dates fall on five days, not the whole book.
enum Reranking {
    static let key = "ranked_as_of"

    static func rankedAsOf(_ db: Database) throws -> CivilDate? {
        // Asked before every queue page: a cached statement, not compiled each time.
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
            .flatMap { CivilDate(iso: $0) }
    }

    static func setRankedAsOf(_ db: Database, _ day: CivilDate) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [key, day.iso])
    }

    /// The candidate queries for a move from `old` to `new`, each reading one index.
    static func candidateQueries(from old: CivilDate, to new: CivilDate) -> [(
        sql: String, arguments: StatementArguments
    )] {
        let a = QueueRanking.Thresholds(today: min(old, new))
        let b = QueueRanking.Thresholds(today: max(old, new))
        let columns = "id, expires, promise_date, promise_amount, next_action, on_hold, tier"
        func range(_ index: String, _ column: String, _ low: CivilDate, _ high: CivilDate, notNull: Bool)
            -> (sql: String, arguments: StatementArguments)
        {
            (
                "SELECT \(columns) FROM cases INDEXED BY \(index) WHERE status = 'open'"
                    + (notNull ? " AND \(column) IS NOT NULL" : "") + " AND \(column) BETWEEN ? AND ?",
                [low.iso, high.iso]
            )
        }
        return [
            range("cases_queue_expiry", "expires", a.today, b.today, notNull: false),
            range("cases_queue_expiry", "expires", a.critical, b.critical, notNull: false),
            range("cases_queue_expiry", "expires", a.near, b.near, notNull: false),
            range("cases_promise", "promise_date", a.today, b.today, notNull: true),
            range("cases_next_action", "next_action", a.today, b.today, notNull: true),
        ]
    }

    /// Ranks the book as of `today` if it is ranked as of another day. Returns the number of rows
    /// whose tier changed.
    @discardableResult
    static func rerank(_ db: Database, to today: CivilDate) throws -> Int {
        let old = try rankedAsOf(db)
        if old == today { return 0 }
        let queries: [(sql: String, arguments: StatementArguments)]
        if let old {
            queries = candidateQueries(from: old, to: today)
        } else {
            // Never ranked (a book written before ranking existed): rank every open case once.
            queries = [
                (
                    "SELECT id, expires, promise_date, promise_amount, next_action, on_hold, tier FROM cases WHERE status = 'open'",
                    []
                )
            ]
        }
        var seen = Set<Int64>()
        var changes: [(id: Int64, tier: QueueRanking.Tier)] = []
        for query in queries {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: query.arguments)
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                guard seen.insert(id).inserted else { continue }
                let promise: Promise? =
                    if let date = CivilDate(column: row["promise_date"]), let amount: Int64 = row["promise_amount"] {
                        Promise(date: date, amount: Money(amount))
                    } else { nil }
                let tier = QueueRanking.tier(
                    expires: CivilDate(column: row["expires"]), promise: promise,
                    nextAction: CivilDate(column: row["next_action"]), onHold: row["on_hold"], today: today)
                if tier.rawValue != row["tier"] as Int { changes.append((id, tier)) }
            }
        }
        // Updated after reading, so no cursor walks an index while its table changes; in id order,
        // so the updates walk the table's pages once instead of dirtying them at random (a
        // day's move can re-rank a tenth of a large book).
        changes.sort { $0.id < $1.id }
        let update = try db.cachedStatement(sql: "UPDATE cases SET tier = ? WHERE id = ?")
        for change in changes {
            try update.execute(arguments: [change.tier.rawValue, change.id])
        }
        try setRankedAsOf(db, today)
        return changes.count
    }
}
