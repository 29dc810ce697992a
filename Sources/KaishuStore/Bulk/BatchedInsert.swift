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
    /// The values of the rows added since the last flush, row after row.
    private var pending = BulkRow()
    private var pendingRows = 0
    /// Holds the text values of the statement being run; see `flush`.
    private let arena = TextArena()
    /// The statement for a full batch, made at the first one.
    private lazy var fullText = BatchedInsert.text(sql, rows: rowsPerStatement)

    /// `sql` is the one-row statement, `INSERT INTO t (a, b) VALUES (?, ?)`. Nothing is parsed
    /// here: an ordinary write makes one of these per event it appends.
    init(_ db: Database, sql: String, rowsPerStatement: Int) {
        precondition(rowsPerStatement >= 1)
        database = db
        self.sql = sql
        self.rowsPerStatement = rowsPerStatement
    }

    /// Adds one row, binding its values in parameter order; stores the batch when it is full.
    func add(_ bind: (inout BulkRow) -> Void) throws {
        let before = pending.values.count
        bind(&pending)
        assert(
            pending.values.count - before == sql.utf8.filter { $0 == UInt8(ascii: "?") }.count,
            "a row bound \(pending.values.count - before) values for \(sql)")
        pendingRows += 1
        if pendingRows == rowsPerStatement { try flush() }
    }

    /// Stores the rows added so far.
    ///
    /// The text values are copied into one arena and bound in place (`SQLITE_STATIC`), where
    /// binding a Swift string makes SQLite allocate and copy each value: at a million cases the
    /// per-value allocations cost more than the copying. The bindings are cleared once the
    /// statement has run, so the cached statement never points into the arena afterwards.
    func flush() throws {
        guard pendingRows > 0 else { return }
        let text = pendingRows == rowsPerStatement ? fullText : BatchedInsert.text(sql, rows: pendingRows)
        let statement = try database.cachedStatement(sql: text)
        let handle = statement.sqliteStatement
        defer {
            sqlite3_clear_bindings(handle)
            pending.removeAll()
            pendingRows = 0
        }
        arena.bind(pending.values, to: handle)
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

/// Memory that the text values of one statement are copied into and bound from, reused from
/// statement to statement.
private final class TextArena {
    private var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 4_096, alignment: 1)

    deinit { storage.deallocate() }

    /// Binds `values` to `handle`'s parameters in order. The texts stay readable until the next
    /// call: the caller runs the statement and clears its bindings before that.
    func bind(_ values: [BulkValue], to handle: SQLiteStatement) {
        // All the room first: growing later would move texts already bound.
        let textBytes = values.reduce(0) { total, value in
            if case .text(let text) = value { return total + text.utf8.count }
            return total
        }
        if storage.count < textBytes {
            storage.deallocate()
            storage = .allocate(byteCount: max(textBytes, 2 * storage.count), alignment: 1)
        }
        // Never nil: the arena always has room for at least one byte.
        let base = storage.baseAddress!
        var offset = 0
        for (position, value) in values.enumerated() {
            let index = Int32(position + 1)
            switch value {
            case .int(let int):
                sqlite3_bind_int64(handle, index, int)
            case .null:
                sqlite3_bind_null(handle, index)
            case .text(var text):
                let start = base + offset
                let count = text.withUTF8 { bytes in
                    if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
                    return bytes.count
                }
                sqlite3_bind_text(
                    handle, index, start.assumingMemoryBound(to: CChar.self), Int32(count), TextArena.static)
                offset += count
            }
        }
    }

    /// SQLite reads the bytes where they are, for as long as they stay bound.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
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

    mutating func removeAll() { values.removeAll(keepingCapacity: true) }
}
