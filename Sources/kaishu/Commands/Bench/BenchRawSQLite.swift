import Foundation
import GRDBSQLite

/// The SQLite C API used directly, "as efficiently as possible, without error checking beyond
/// what a measurement needs" — GRDB's own bottom line, and the floor each store figure is
/// divided by. Only `kaishu bench` uses it.
final class RawSQLite {
    let handle: OpaquePointer

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Opens `path` read-write (creating it when `create`), no mutex: one thread at a time.
    init(path: String, create: Bool = false) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
            throw Failure(description: "cannot open \(path) with the SQLite C API")
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close_v2(handle) }

    func exec(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure(description: "\(text) in: \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else {
            throw Failure(description: String(cString: sqlite3_errmsg(handle)) + " in: \(sql)")
        }
        return Statement(handle: statement)
    }

    /// One integer or text value of the first row.
    func scalarText(_ sql: String) throws -> String? {
        let statement = try prepare(sql)
        guard sqlite3_step(statement.handle) == SQLITE_ROW, let text = sqlite3_column_text(statement.handle, 0) else {
            return nil
        }
        return String(cString: text)
    }

    final class Statement {
        let handle: OpaquePointer
        init(handle: OpaquePointer) { self.handle = handle }
        deinit { sqlite3_finalize(handle) }

        func reset() {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }

        func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

        func bind(_ index: Int32, _ value: String) {
            // SQLITE_TRANSIENT: SQLite copies the bytes.
            sqlite3_bind_text(handle, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }

        /// Steps to the end; returns rows seen and a checksum over every column read (integers
        /// as values, text as lengths), so the reads cannot be optimised away.
        func readAll(columns: Int32, limit: Int) -> (rows: Int, checksum: Int64) {
            var rows = 0
            var checksum: Int64 = 0
            while rows < limit, sqlite3_step(handle) == SQLITE_ROW {
                rows += 1
                for column in 0..<columns {
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_INTEGER: checksum &+= sqlite3_column_int64(handle, column)
                    case SQLITE_TEXT:
                        _ = sqlite3_column_text(handle, column)
                        checksum &+= Int64(sqlite3_column_bytes(handle, column))
                    default: break
                    }
                }
            }
            return (rows, checksum)
        }

        @discardableResult
        func run() -> Int32 { sqlite3_step(handle) }
    }
}
