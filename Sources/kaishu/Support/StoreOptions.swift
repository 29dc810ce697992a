import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore
import KaishuTeamStore

/// Where the case book is: a SQLite file (the embedded default) or a PostgreSQL server.
enum StoreLocation: Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// `postgres://…` / `postgresql://…` name a server; `sqlite:PATH` or a bare path name a file.
    init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else {
            self = .sqlite(path: text)
        }
    }

    var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return StoreLocation.redacted(url)
        }
    }

    /// The URL without its password, for status lines and messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}

/// `--store` (or `KAISHU_STORE`): which case book a command works on.
struct StoreOptions: ParsableArguments {
    @Option(
        name: [.customLong("store"), .customLong("db")],
        help: ArgumentHelp(
            "The case book: a SQLite file path (also sqlite:PATH) or postgres://user@host/db; also KAISHU_STORE.",
            valueName: "store"))
    var store: String?

    var location: StoreLocation {
        if let store { return StoreLocation(store) }
        if let env = ProcessInfo.processInfo.environment["KAISHU_STORE"], !env.isEmpty {
            return StoreLocation(env)
        }
        if let configured = (try? KaishuConfig.resolved())?.store { return StoreLocation(configured) }
        return .sqlite(path: CasebookLocation.defaultPath())
    }

    /// Whether the case book already exists (a server is assumed to).
    var exists: Bool {
        switch location {
        case .sqlite(let path): return FileManager.default.fileExists(atPath: path)
        case .postgres: return true
        }
    }

    /// Opens the case book, creating an empty SQLite one (and its folder, owner-only) if needed.
    func open() throws -> any CaseStore {
        let calendar = try KaishuConfig.resolved().calendar
        switch location {
        case .sqlite: return try openSQLite(calendar: calendar)
        case .postgres: return try openPostgres(calendar: calendar)
        }
    }

    /// Opens the team's PostgreSQL case book. The schema and durability are checked before the
    /// first query (`PostgresCaseStore.open()`); a book never migrated says to run `kaishu migrate`.
    func openPostgres(calendar: BusinessCalendar = .japan) throws -> PostgresCaseStore {
        guard case .postgres(let url) = location else {
            throw CommandFailure(
                "this command needs a team case book (--store postgres://…); \(location) is a SQLite file")
        }
        do {
            return try PostgresCaseStore(url: url, calendar: calendar)
        } catch let error as TeamStoreError {
            throw CommandFailure(error.description)
        }
    }

    /// Opens the SQLite case book, for commands that only SQLite offers.
    func openSQLite() throws -> SQLiteCaseStore {
        try openSQLite(calendar: KaishuConfig.resolved().calendar)
    }

    private func openSQLite(calendar: BusinessCalendar) throws -> SQLiteCaseStore {
        try SQLiteCaseStore(path: sqlitePath(), calendar: calendar)
    }

    /// The SQLite case book's path, its folder created (0700) when missing.
    func sqlitePath() throws -> String {
        guard case .sqlite(let path) = location else {
            throw CommandFailure("this command works on a SQLite case book; \(location) is a server")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        return path
    }
}
