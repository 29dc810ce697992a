import GRDB
import GRDBSQLite

/// An `INSERT … VALUES (…)` that stores many rows per statement: rows are collected, then bound
/// and stepped as one `VALUES (…), (…), …` statement of `rowsPerStatement` rows.
///
/// Why: bulk writers (the demo book, imports) store millions of rows, and each statement run
/// costs SQLite more than the row itself — setting up the program and its cursors, and for
/// `events` (AUTOINCREMENT) reading and rewriting `sqlite_sequence`. Sixty-four rows per
/// statement pay that once. Rows added are stored only when `flush()` runs, which happens by
/// itself when a statement is full: a writer must flush before it reads the table back or
/// commits. With `rowsPerStatement` 1 every row is stored as it is added.
final class BatchedInsert {
    private let database: Database
    private let prefix: String
    private let tuple: String
    private let columns: Int
    private let fullSQL: String
    let rowsPerStatement: Int
    /// The rows added since the last flush, as slices of the arrays they came in: the values
    /// are bound straight from there, not copied one by one.
    private var segments: [ArraySlice<BulkValue>] = []
    private var rows = 0

    /// `sql` is the one-row statement, `INSERT INTO t (a, b) VALUES (?, ?)`.
    init(_ db: Database, sql: String, rowsPerStatement: Int) {
        precondition(rowsPerStatement >= 1)
        guard let values = sql.range(of: "VALUES", options: .backwards) else {
            preconditionFailure("not an INSERT … VALUES statement: \(sql)")
        }
        database = db
        prefix = String(sql[..<values.upperBound])
        tuple = sql[values.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        columns = tuple.filter { $0 == "?" }.count
        self.rowsPerStatement = rowsPerStatement
        fullSQL = BatchedInsert.sql(prefix: prefix, tuple: tuple, rows: rowsPerStatement)
        segments.reserveCapacity(rowsPerStatement)
    }

    /// Adds one row, binding its values in parameter order; stores the batch when it is full.
    func add(_ bind: (inout BulkRow) -> Void) throws {
        var row = BulkRow()
        bind(&row)
        try add(values: row.values, rows: 1)
    }

    /// Adds `count` rows whose values were laid out beforehand, one row after the other.
    func add(values rowValues: [BulkValue], rows count: Int) throws {
        assert(rowValues.count == count * columns, "\(rowValues.count) values for \(count) rows of \(columns)")
        var start = 0
        while start < rowValues.count {
            let take = min(rowValues.count - start, (rowsPerStatement - rows) * columns)
            segments.append(rowValues[start..<(start + take)])
            rows += take / columns
            start += take
            if rows == rowsPerStatement { try flush() }
        }
    }

    /// Stores the rows added so far.
    func flush() throws {
        guard rows > 0 else { return }
        let sql = rows == rowsPerStatement ? fullSQL : BatchedInsert.sql(prefix: prefix, tuple: tuple, rows: rows)
        let statement = try database.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        var bindings = RawBindings(handle: handle)
        for segment in segments {
            for value in segment { value.bind(&bindings) }
        }
        segments.removeAll(keepingCapacity: true)
        rows = 0
        try RawStatement.step(handle, in: database, sql: sql)
    }

    private static func sql(prefix: String, tuple: String, rows: Int) -> String {
        prefix + " " + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }
}

/// A value waiting in a `BatchedInsert`.
enum BulkValue: Sendable {
    case int(Int64)
    case text(String)
    case null

    func bind<B: SQLBinder>(_ b: inout B) {
        switch self {
        case .int(let int): b.int(int)
        case .text(let text): b.text(text)
        case .null: b.int(nil as Int64?)
        }
    }

    /// Whether the database already holds this value (same type and value).
    func isStored(as stored: DatabaseValue) -> Bool {
        switch (self, stored.storage) {
        case (.int(let value), .int64(let other)): value == other
        case (.text(let value), .string(let other)): value == other
        case (.null, .null): true
        default: false
        }
    }
}

/// Values of one or more rows, bound left to right: for a `BatchedInsert`, or laid out ahead
/// on another thread.
struct BulkRow: SQLBinder {
    private(set) var values: [BulkValue] = []

    init() {}

    mutating func text(_ value: String?) { values.append(value.map(BulkValue.text) ?? .null) }
    mutating func int(_ value: Int64?) { values.append(value.map(BulkValue.int) ?? .null) }
}
