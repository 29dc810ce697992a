import Foundation
import KaishuCore
import KaishuEventLog
import Logging
import PostgresNIO

/// The team's case book: one PostgreSQL database that several collectors work at once.
///
/// It keeps every promise of `CaseStore` that the SQLite book keeps — a write returns only after a
/// durable commit (`synchronous_commit = on` for every connection, checked at open); the event log
/// is append-only (triggers *and* privileges refuse UPDATE, DELETE and TRUNCATE) and hash-chained
/// with the same bytes as SQLite (`KaishuEventLog`), so `kaishu copy` keeps every hash; a reused
/// idempotency key is not applied twice; the queue is a keyset query over one index per order —
/// and adds leases (`CaseLeasing`) and change hints (`CaseChangeFeed`).
///
/// The `PostgresClient` pool needs its `run()` loop going for as long as the store is used. The
/// store starts it in a task it owns, because the command line hands the store to whoever opened
/// it; `shutdown()` stops it (also on deinit). `withStore` offers the structured form.
public final class PostgresCaseStore: CaseStore, Sendable {
    /// Where the book is (password redacted), for messages.
    public let location: String
    /// The database's name on its server.
    public let databaseName: String
    public let calendar: BusinessCalendar
    let client: PostgresClient
    let logger: Logger
    /// One connection of its own made at open, before the pool's first (`PostgresURL.connectionConfiguration`).
    private let probe: PostgresConnection.Configuration?
    private let runner: Task<Void, Never>
    private let gate = ReadyGate()
    private let reachGate = ReadyGate()

    /// A store over `configuration`. Call `open()` (or `migrate`) before use.
    /// With `probe`, `open()` first connects once on its own, so that a server it cannot reach is
    /// reported at once and with the reason.
    public init(
        configuration: PostgresClient.Configuration, location: String, calendar: BusinessCalendar,
        probe: PostgresConnection.Configuration? = nil
    ) {
        self.probe = probe
        var logger = Logger(label: "kaishu.team-store")
        logger.logLevel = .error
        self.logger = logger
        self.location = location
        self.databaseName = configuration.database ?? configuration.username
        self.calendar = calendar
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// A store at a `postgres://` URL (see `PostgresURL`).
    public convenience init(url: String, calendar: BusinessCalendar) throws {
        let parsed = try PostgresURL(url)
        self.init(
            configuration: parsed.configuration(), location: parsed.description, calendar: calendar,
            probe: try parsed.connectionConfiguration())
    }

    deinit { runner.cancel() }

    /// Stops the connection pool. The store cannot be used afterwards.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    /// Opens `url`, runs `body`, and shuts the pool down however `body` ends.
    public static func withStore<Result: Sendable>(
        url: String, calendar: BusinessCalendar, migrating: Bool = false,
        _ body: (PostgresCaseStore) async throws -> Result
    ) async throws -> Result {
        let store = try PostgresCaseStore(url: url, calendar: calendar)
        do {
            if migrating { _ = try await store.migrate() } else { try await store.open() }
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    /// Checks that the server is reachable, the schema is this build's, and commits are durable.
    /// Every operation runs this once per store before its first query (`ready()`), so a book
    /// that was never migrated says "run `kaishu migrate`" rather than "relation does not exist".
    public func open() async throws {
        try await gate.pass { try await self.check() }
    }

    func ready() async throws { try await open() }

    private func check() async throws {
        try await reachable()
        let version = try await schemaVersion()
        guard version == TeamSchema.currentVersion else {
            throw TeamStoreError.schemaVersion(found: version, expected: TeamSchema.currentVersion)
        }
        try await checkDurable()
    }

    /// Makes the store's one connection outside the pool (see `reach`), once; `migrate` and every
    /// operation (through `open`) start with it.
    func reachable() async throws {
        guard let probe else { return }
        try await reachGate.pass { try await self.reach(probe) }
    }

    /// Connects once outside the pool and hangs up: the pool retries a connection that fails for a
    /// minute and then reports only that it gave up; this says why (`connectFailure`) at once.
    private func reach(_ configuration: PostgresConnection.Configuration) async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch let error as PSQLError {
            throw Self.teamError(error, location: location)
        } catch {
            throw TeamStoreError.cannotConnect(location, "\(error)")
        }
    }

    /// The server's `synchronous_commit` for this store's connections (must not be `off`).
    public func synchronousCommit() async throws -> String {
        try await unchecked { connection in
            let rows = try await connection.rows("SHOW synchronous_commit", logger: self.logger)
            return try rows.first?.value("synchronous_commit", as: String.self) ?? "unknown"
        }
    }

    func checkDurable() async throws {
        let value = try await synchronousCommit()
        guard value != "off" else { throw TeamStoreError.notDurable(value) }
    }

    /// Runs `body` on a pooled connection after the readiness check.
    func connected<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await ready()
        return try await unchecked(body)
    }

    /// Runs `body` on a pooled connection, turning a failure to connect into a clear error.
    func unchecked<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as PSQLError {
            throw Self.teamError(error, location: location)
        }
    }

    /// postgres-nio's own description hides the server's message; say what happened.
    static func teamError(_ error: PSQLError, location: String) -> TeamStoreError {
        if let info = error.serverInfo {
            return .server(
                message: info[.message] ?? "unknown error", sqlState: info[.sqlState] ?? "?????",
                constraint: info[.constraintName])
        }
        return .cannotConnect(location, connectFailure(error))
    }

    /// Why a connection failed, in words a collector can act on.
    static func connectFailure(_ error: PSQLError) -> String {
        switch error.code {
        case .sslUnsupported:
            return "the server does not offer TLS, and the URL asks for it (sslmode=require); turn ssl on in the "
                + "server's postgresql.conf, or connect with sslmode=prefer"
        case .failedToAddSSLHandler:
            return "TLS could not be set up: \(error.underlying.map { "\($0)" } ?? "no reason given")"
        default:
            guard let underlying = error.underlying else { return String(describing: error.code) }
            return "\(error.code): \(underlying)"
        }
    }

    /// Runs `body` in one transaction: BEGIN … COMMIT, ROLLBACK on any error, and the error
    /// rethrown as it was (a `Refusal` stays a `Refusal`; postgres-nio's own `withTransaction`
    /// would wrap it).
    func transaction<Result: Sendable>(
        checked: Bool = true, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        if checked { try await ready() } else { try await reachable() }
        return try await unchecked { connection in try await self.within(connection, body) }
    }

    /// Runs `body` in one transaction on `connection` (the statements prepared: see
    /// `BeginStatement`).
    func within<Result: Sendable>(
        _ connection: PostgresConnection, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        _ = try await connection.rows(BeginStatement(), logger: logger)
        let value: Result
        do {
            value = try await body(connection)
        } catch {
            _ = try? await connection.rows(RollbackStatement(), logger: logger)
            throw error
        }
        _ = try await connection.rows(CommitStatement(), logger: logger)
        return value
    }
}

/// Runs a readiness check once; later callers pass at once, a failed check is retried next time.
actor ReadyGate {
    private var passed = false

    func pass(_ check: @Sendable () async throws -> Void) async throws {
        if passed { return }
        try await check()
        passed = true
    }
}
