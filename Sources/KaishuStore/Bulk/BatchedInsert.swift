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
    /// The one-row statement.
    private let sql: String
    let rowsPerStatement: Int
    /// The rows added since the last flush.
    private var rowValues: [[BulkValue]] = []

    /// `sql` is the one-row statement, `INSERT INTO t (a, b) VALUES (?, ?)`. Nothing is parsed
    /// here: an ordinary write makes one of these per event it appends.
    init(_ db: Database, sql: String, rowsPerStatement: Int) {
        precondition(rowsPerStatement >= 1)
        database = db
        self.sql = sql
        self.rowsPerStatement = rowsPerStatement
        rowValues.reserveCapacity(rowsPerStatement)
    }

    /// Adds one row, binding its values in parameter order; stores the batch when it is full.
    func add(_ bind: (inout BulkRow) -> Void) throws {
        var row = BulkRow()
        bind(&row)
        assert(
            row.values.count == sql.utf8.filter { $0 == UInt8(ascii: "?") }.count,
            "a row bound \(row.values.count) values for \(sql)")
        rowValues.append(row.values)
        if rowValues.count == rowsPerStatement { try flush() }
    }

    /// Stores the rows added so far.
    func flush() throws {
        guard !rowValues.isEmpty else { return }
        let text = BatchedInsert.text(sql, rows: rowValues.count)
        let statement = try database.cachedStatement(sql: text)
        let handle = statement.sqliteStatement
        var bindings = RawBindings(handle: handle)
        for row in rowValues {
            for value in row { value.bind(&bindings) }
        }
        rowValues.removeAll(keepingCapacity: true)
        try RawStatement.step(handle, in: database, sql: text)
    }

    private struct TextKey: Hashable, Sendable {
        var sql: String
        var rows: Int
    }

    private static let texts = Memo<TextKey, String>()

    /// The one-row `sql` with its `VALUES (…)` tuple repeated `rows` times.
    private static func text(_ sql: String, rows: Int) -> String {
        guard rows > 1 else { return sql }
        return texts.value(for: TextKey(sql: sql, rows: rows)) {
            guard let values = sql.range(of: "VALUES", options: .backwards) else {
                preconditionFailure("not an INSERT … VALUES statement: \(sql)")
            }
            let tuple = sql[values.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            return sql[..<values.upperBound] + " " + Array(repeating: tuple, count: rows).joined(separator: ", ")
        }
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
