import Foundation
import GRDB
import KaishuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded case book: one SQLite file, opened through a GRDB `DatabasePool` (WAL: the queue
/// reads while a note is being saved).
///
/// Its promises (see `CaseStore`): every write is acknowledged only after a durable commit
/// (`synchronous = FULL`, checked at every open); the event log is append-only and hash-chained;
/// a write whose idempotency key was already used is not applied again; the queue is a keyset
/// query over one index per order.
public final class SQLiteCaseStore: CaseStore, Sendable {
    /// The case book file.
    public let path: String
    /// The calendar the case fold schedules next actions with.
    public let calendar: BusinessCalendar
    let pool: DatabasePool
    /// Set for `temporary(calendar:)`: the folder removed when the store goes away.
    private let temporaryFolder: String?

    /// Opens the case book at `path`, creating it (mode 0600) and migrating it to the current
    /// schema. The folder must exist. Throws `StoreError.notDurable` if SQLite will not run the
    /// writer at `synchronous = FULL`.
    public convenience init(path: String, calendar: BusinessCalendar) throws {
        try self.init(path: path, calendar: calendar, temporaryFolder: nil)
    }

    /// A case book in a fresh folder under the system's temporary directory, removed with the
    /// store: for tests and throwaway runs. Same file format and settings as a real one.
    public static func temporary(calendar: BusinessCalendar) throws -> SQLiteCaseStore {
        let folder = NSTemporaryDirectory() + "kaishu-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return try SQLiteCaseStore(path: folder + "/casebook.sqlite", calendar: calendar, temporaryFolder: folder)
    }

    private init(path: String, calendar: BusinessCalendar, temporaryFolder: String?) throws {
        self.path = path
        self.calendar = calendar
        self.temporaryFolder = temporaryFolder
        try SQLiteCaseStore.createPrivateFile(at: path)

        var configuration = Configuration()
        configuration.label = "kaishu.casebook"
        configuration.foreignKeysEnabled = true
        // GRDB begins write transactions IMMEDIATE: a write takes the lock at BEGIN, so two
        // processes sharing the file wait for each other (up to this timeout) instead of failing
        // half-way with SQLITE_BUSY.
        configuration.busyMode = .timeout(10)
        // 64 MB of page cache per connection (SQLite's default is 2 MB): a million-case book's
        // queue indexes and a day's re-ranking fit, instead of spilling dirty pages to the WAL.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: String(describing: error))
        }
        // GRDB's WAL set-up ran `PRAGMA synchronous = NORMAL` on the writer after any
        // `prepareDatabase` hook: under NORMAL a committed note can roll back on power loss.
        // Set FULL on the writer now, outside any transaction (SQLite refuses it inside one).
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let synchronous = try synchronousLevel()
        guard synchronous == 2 else { throw StoreError.notDurable(path: path, synchronous: synchronous) }
        try CasebookSchema.migrator.migrate(pool)
    }

    deinit {
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// The writer connection's `PRAGMA synchronous` (2 = FULL). Checked at every open.
    public func synchronousLevel() throws -> Int? {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    }

    /// Creates the file readable and writable by its owner only, before SQLite writes a byte:
    /// the case book holds names, phone numbers and debts. SQLite gives the `-wal` and `-shm`
    /// files the database file's permissions. An existing file keeps its permissions.
    static func createPrivateFile(at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            // The mode given to open() is filtered by the umask; make it exactly 0600.
            let status = fchmod(descriptor, 0o600)
            close(descriptor)
            if status != 0 {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
        } else if errno != EEXIST {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
