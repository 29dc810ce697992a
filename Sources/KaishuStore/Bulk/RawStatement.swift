import GRDB
import GRDBSQLite

/// An INSERT or UPDATE prepared once (GRDB caches it), then bound and stepped through the
/// SQLite C API.
///
/// Why: the bulk writers (the demo book, imports, the event log) insert millions of rows, and
/// GRDB's `StatementArguments` box every value as an existential array element: profiling
/// `kaishu demo` showed argument building and binding costing about as much as SQLite's own
/// insert work. GRDB still prepares, caches and finalizes the statement and owns the
/// transaction; only binding and stepping are done here. Use it inside a GRDB write transaction.
struct RawStatement {
    private let statement: Statement
    private let database: Database

    init(_ db: Database, sql: String) throws {
        database = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values `bind` gives in parameter order, runs the statement and resets it.
    func run(_ bind: (inout RawBindings) -> Void) throws {
        let handle = statement.sqliteStatement
        var bindings = RawBindings(handle: handle)
        bind(&bindings)
        try RawStatement.step(handle, in: database, sql: statement.sql)
    }

    /// Runs a bound statement that returns no rows, then resets it. `sql` is read only for an
    /// error: GRDB's `Statement.sql` builds and trims a string each time.
    static func step(_ handle: SQLiteStatement, in database: Database, sql: @autoclosure () -> String) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
                sql: sql())
        }
    }
}

/// Takes a statement's parameter values left to right: bound at once (`RawBindings`) or
/// collected for a many-row statement (`BulkRow`).
protocol SQLBinder {
    mutating func text(_ value: String?)
    mutating func int(_ value: Int64?)
}

extension SQLBinder {
    mutating func int(_ value: Int?) { int(value.map(Int64.init)) }

    mutating func bool(_ value: Bool) { int(Int64(value ? 1 : 0)) }
}

/// The parameters of one `RawStatement` run, bound left to right.
struct RawBindings: SQLBinder {
    private let handle: SQLiteStatement
    private var index: Int32 = 1

    init(handle: SQLiteStatement) { self.handle = handle }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`), so the Swift string may go away at once.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        defer { index += 1 }
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let bound: Void? = value.utf8.withContiguousStorageIfAvailable(bind)
        if bound == nil {
            var copy = value
            copy.withUTF8(bind)
        }
    }

    private func bind(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no address; SQLite would read that as NULL.
        if let base = bytes.baseAddress {
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), RawBindings.transient)
            }
        } else {
            sqlite3_bind_text(handle, index, "", 0, RawBindings.transient)
        }
    }

    mutating func int(_ value: Int64?) {
        defer { index += 1 }
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }
}
