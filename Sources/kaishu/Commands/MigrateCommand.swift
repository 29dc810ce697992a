import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore
import KaishuTeamStore

/// `kaishu migrate`: creates or upgrades the case book's schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the case book's schema (a SQLite book migrates itself when opened).",
        discussion: """
            On a team case book (--store postgres://…) run it once as the database's owner, and again \
            after upgrading kaishu. --grant ROLE lets a collectors' role work the book: read everything, \
            add events, update case rows and claims — never change or delete an event.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Team case book: a role to grant collectors' access to.") var grant: String?

    func run() async throws {
        try await failing {
            switch store.location {
            case .sqlite(let path):
                if grant != nil { throw CommandFailure("--grant applies to a team (PostgreSQL) case book") }
                _ = try store.openSQLite()
                print("\(path): schema up to date.")
            case .postgres:
                let team = try store.openPostgres()
                let report = try await teamErrors { try await team.migrate(grantTo: grant) }
                let grantLine = report.grantedTo.map { "; granted collectors' access to \($0)" } ?? ""
                if report.from == report.to {
                    print("\(team.location): schema at version \(report.to), up to date\(grantLine).")
                } else {
                    print("\(team.location): schema migrated from version \(report.from) to \(report.to)\(grantLine).")
                }
                await team.shutdown()
            }
        }
    }
}

/// `kaishu copy`: moves a SQLite case book into a team case book, hashes intact.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite case book into an empty team (PostgreSQL) case book, events and hashes intact.",
        discussion: """
            Every row is copied as stored, in one transaction; the target is migrated first if it is \
            new. Afterwards the copy's hash chain is verified and its head hash, last event number and \
            counts are compared with the source's; any difference is an error.
            """
    )

    @Option(help: "The SQLite case book: sqlite:PATH or a path.") var from: String
    @Option(help: "The team case book: postgres://user@host/db.") var to: String

    func run() async throws {
        try await failing {
            guard case .sqlite(let path) = StoreLocation(from) else {
                throw CommandFailure("--from: copying from a PostgreSQL case book is not supported; give sqlite:PATH")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure("--from: \(path) does not exist")
            }
            guard case .postgres(let url) = StoreLocation(to) else {
                throw CommandFailure("--to: give a postgres://… URL (copy moves a book onto a server)")
            }
            let source = try SQLiteCaseStore(path: path, calendar: .japan)
            let report = try await teamErrors {
                try await PostgresCaseStore.withStore(url: url, calendar: .japan, migrating: true) { team in
                    try await team.copy(from: source)
                }
            }
            print(
                "Copied \(report.cases) cases, \(report.debtors) debtors, \(report.claims) claims, "
                    + "\(report.events) events; chain verified, head \(report.headHash).")
        }
    }
}
