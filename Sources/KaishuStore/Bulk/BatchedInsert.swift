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
    /// The rows added since the last flush.
    private var rowValues: [[BulkValue]] = []

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
        rowValues.reserveCapacity(rowsPerStatement)
    }

    /// Adds one row, binding its values in parameter order; stores the batch when it is full.
    func add(_ bind: (inout BulkRow) -> Void) throws {
        var row = BulkRow()
        bind(&row)
        assert(row.values.count == columns, "a row bound \(row.values.count) of \(columns) values")
        rowValues.append(row.values)
        if rowValues.count == rowsPerStatement { try flush() }
    }

    /// Stores the rows added so far.
    func flush() throws {
        let rows = rowValues.count
        guard rows > 0 else { return }
        let sql = rows == rowsPerStatement ? fullSQL : BatchedInsert.sql(prefix: prefix, tuple: tuple, rows: rows)
        let statement = try database.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        var bindings = RawBindings(handle: handle)
        for row in rowValues {
            for value in row { value.bind(&bindings) }
        }
        rowValues.removeAll(keepingCapacity: true)
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

/// The values of one row, bound left to right: for a `BatchedInsert`, or to compare with what
/// is stored.
struct BulkRow: SQLBinder {
    private(set) var values: [BulkValue] = []

    init() {}

    mutating func text(_ value: String?) { values.append(value.map(BulkValue.text) ?? .null) }
    mutating func int(_ value: Int64?) { values.append(value.map(BulkValue.int) ?? .null) }
}
