import ArgumentParser
import Foundation
import KaishuClusterSupport
import KaishuCore
import KaishuStore
import KaishuTeamStore
import PostgresNIO

/// `kaishu bench team`: the team case book (PostgreSQL) measured against floors run on the same
/// server in the same run (issue 6's speed section):
///
/// - claims per second at 1, 8 and 32 concurrent collectors through `claimNext`, against pgbench
///   running the very statements `claimNext` sends (`TeamStatements.claimNext`);
/// - queue pages (50 rows, decoded) against the same statements on one bare connection;
/// - note saves through the full write path against a one-row autocommit INSERT.
///
/// docs/performance.md (Team mode) holds the latest table and how it was made.
struct BenchTeam: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Measure the team case book (PostgreSQL): claims/s against pgbench, queue pages, note saves.",
        discussion: """
            Without --store, starts a throwaway PostgreSQL server (initdb and pg_ctl from \
            /usr/lib/postgresql/*/bin, on a Unix socket in a temporary folder, as the postgres user when \
            run as root, fsync on unless --no-fsync) and removes it afterwards. With --store, the database \
            must be empty (it is migrated and filled) or hold the book of --cases cases an earlier run \
            left there (reused, its claims reset). The book is a demo book (seed 1), generated into SQLite \
            and copied in as `kaishu copy` does. Needs pgbench (the postgresql package).
            """)

    @Option(help: "A PostgreSQL database to fill and measure, postgres://… (default: a throwaway server).")
    var store: String?
    @Option(help: "Cases in the book.") var cases: Int = 100_000
    @Option(help: "Seconds of claiming per concurrency level (fractions allowed).") var seconds: Double = 10
    @Option(help: "Concurrent collectors, comma-separated.") var collectors: String = "1,8,32"
    @Option(help: "Queue pages measured.") var runs: Int = 2000
    @Option(help: "Note saves measured.") var notes: Int = 200
    @Flag(help: "Throwaway server only: fsync off (commits reach the OS, not the disk).") var noFsync = false
    @Option(help: "Folder keeping the SQLite demo book for reuse (default: a temporary one, removed).")
    var dir: String?
    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard cases > 0 else { throw ValidationError("--cases must be at least 1") }
        guard seconds > 0 else { throw ValidationError("--seconds must be more than 0") }
        guard runs > 0, notes > 0 else { throw ValidationError("--runs and --notes must be at least 1") }
        if store != nil && noFsync {
            throw ValidationError("--no-fsync applies to the throwaway server; set fsync on your own server")
        }
        _ = try levels()
    }

    private func levels() throws -> [Int] {
        try collectors.split(separator: ",").map {
            guard let value = Int($0), (1...256).contains(value) else {
                throw ValidationError("--collectors: '\($0)' is not a number of collectors (1–256)")
            }
            return value
        }
    }

    func run() async throws {
        try await failing {
            do {
                try await measureAll()
            } catch let error as TestCluster.ClusterError {
                throw CommandFailure("cannot start a throwaway PostgreSQL server: \(error.description)")
            } catch let error as ChildRun.Failure {
                throw CommandFailure(error.description)
            } catch let error as PSQLError {
                throw CommandFailure(
                    "PostgreSQL: \(error.serverInfo?[.message] ?? String(describing: error.code))")
            }
        }
    }

    private func measureAll() async throws {
        let today = try day.resolve()
        let levels = try levels()
        let quiet = output.json
        let progress: @Sendable (String) -> Void = { line in
            if !quiet { FileHandle.standardError.write(Data("bench team: \(line)\n".utf8)) }
        }
        let url: String
        let binaries: String?
        var machineFolder = NSTemporaryDirectory()
        if let store {
            guard case .postgres(let given) = StoreLocation(store) else {
                throw CommandFailure("--store: give a postgres://… URL (the benchmark fills a team case book)")
            }
            url = given
            binaries = nil
        } else {
            progress("starting a throwaway PostgreSQL server (fsync \(noFsync ? "off" : "on"))…")
            let cluster = try TestCluster.startPrivate(fsync: !noFsync)
            url = try cluster.makeDatabase().url
            binaries = cluster.binaries
            machineFolder = cluster.folder
        }
        guard let pgbench = PostgresTools.find("pgbench", preferring: binaries) else {
            throw CommandFailure("pgbench not found under /usr/lib/postgresql/*/bin or on PATH; install postgresql")
        }
        let location = try PostgresURL(url)
        let machine = BenchMachine.describe(folder: machineFolder)
        let team = PostgresCaseStore(
            configuration: location.configuration(), location: location.description, calendar: .japan)
        let floorClient = PostgresClient(configuration: location.configuration())
        let work = TeamBenchWork(
            cases: cases, seconds: seconds, runs: runs, notes: notes, dir: dir, today: today, levels: levels,
            location: location, pgbench: pgbench, team: team, progress: progress)
        // The floors' client: its pool runs in a task of its own, as the store's does.
        let runner = Task { await floorClient.run() }
        let report: BenchReport
        do {
            report = try await floorClient.withConnection { raw in
                var report = BenchReport(machine: machine, command: CommandLine.arguments)
                try await work.run(raw: raw, into: &report)
                return report
            }
        } catch {
            runner.cancel()
            await team.shutdown()
            throw error
        }
        runner.cancel()
        await team.shutdown()
        try report.emit(json: output.json)
    }
}

/// One run of `bench team`: fill (or reuse) the book, then claims, queue pages and note saves,
/// each figure appended to the report. `raw` is one bare connection for the floors and for the
/// housekeeping between measurements (resetting claims, VACUUM).
struct TeamBenchWork: Sendable {
    let cases: Int
    let seconds: Double
    let runs: Int
    let notes: Int
    let dir: String?
    let today: CivilDate
    let levels: [Int]
    let location: PostgresURL
    let pgbench: String
    let team: PostgresCaseStore
    let progress: @Sendable (String) -> Void

    var logger: Logger { Logger(label: "kaishu.bench-team") }
    var scale: String { "\(cases.formattedCount) cases" }

    func run(raw: PostgresConnection, into report: inout BenchReport) async throws {
        try await fillBook(raw: raw, into: &report)
        let settings = PostgresQuery(
            unsafeSQL: "SELECT current_setting('server_version'), current_setting('fsync'), "
                + "current_setting('shared_buffers'), current_setting('synchronous_commit')")
        let server = try await raw.query(settings, logger: logger).collect().first
        if let server {
            let (version, fsync, buffers, synchronous) = try server.decode((String, String, String, String).self)
            report.info.append(
                "server: PostgreSQL \(version), fsync \(fsync), shared_buffers \(buffers), "
                    + "synchronous_commit \(synchronous) (both clients ask for on)")
        }
        report.info.append(try await roundTrips(raw))
        let counts = try await teamErrors { try await team.queueCounts(today: today) }
        report.info.append(
            "today's queue (\(today.iso)): \(counts.dueToday.formattedCount) ready cases of "
                + "\(counts.open.formattedCount) open — the set claims walk")
        try await TeamClaimBench(work: self).run(raw: raw, ready: counts.dueToday, into: &report)
        try await resetClaims(raw)
        let positions = try await TeamPageBench.samplePositions(raw, count: 500, seed: 11, logger: logger)
        guard !positions.isEmpty else { throw CommandFailure("the book has no open cases") }
        progress("queue pages…")
        try await TeamPageBench(work: self).run(raw: raw, positions: positions, into: &report)
        progress("note saves…")
        try await TeamNoteBench(work: self).run(raw: raw, caseIDs: positions.map(\.id), into: &report)
    }

    /// Fills an empty database with the demo book (generate into SQLite, copy as `kaishu copy`
    /// does, VACUUM ANALYZE so autovacuum does not wake up mid-measurement), or reuses the book of
    /// the same size an earlier run left.
    private func fillBook(raw: PostgresConnection, into report: inout BenchReport) async throws {
        _ = try await teamErrors { try await team.migrate() }
        let rows = try await raw.query(
            "SELECT (SELECT count(*) FROM cases) AS cases, (SELECT seq FROM log_head) AS events", logger: logger
        ).collect()
        var present: (Int64, Int64) = (0, 0)
        if let row = rows.first { present = try row.decode((Int64, Int64).self) }
        if present.0 == Int64(cases) {
            report.info.append(
                "book: reused the \(scale) (event log up to \(Int(present.1).formattedCount)) already in "
                    + location.database)
            return
        }
        guard present.0 == 0 && present.1 == 0 else {
            throw CommandFailure(
                "\(location.description) holds \(present.0) cases, not --cases \(cases); "
                    + "give an empty database or the one an earlier run of this size filled")
        }
        let folder = dir ?? NSTemporaryDirectory() + "kaishu-bench-team-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let book = "\(folder)/team-\(cases).sqlite"
        let source = try SQLiteCaseStore(path: book, calendar: .japan)
        var lines: [String] = []
        if try source.caseCount() != cases {
            guard try source.caseCount() == 0 else {
                throw CommandFailure("\(book) holds another number of cases; remove it or choose another --dir")
            }
            progress("generating \(scale) (SQLite)…")
            let (summary, seconds) = try measure {
                try DemoCasebook.generate(into: source, cases: cases, seed: 1, today: today)
            }
            lines.append(
                "demo generated in \(String(format: "%.1f", seconds)) s (\(summary.events.formattedCount) events)")
        } else {
            lines.append("demo book reused from \(book)")
        }
        progress("copying \(scale) into PostgreSQL…")
        let (copied, copySeconds) = try await measureAsync {
            try await teamErrors { try await team.copy(from: source) }
        }
        lines.append(
            "copied (kaishu copy's code: one transaction, chain verified) in \(String(format: "%.1f", copySeconds)) s")
        progress("VACUUM ANALYZE…")
        let (_, vacuumSeconds) = try await measureAsync {
            try await raw.query("VACUUM ANALYZE", logger: logger).collect()
        }
        lines.append("VACUUM ANALYZE in \(String(format: "%.1f", vacuumSeconds)) s")
        report.info.append(
            "book: \(copied.cases.formattedCount) cases, \(copied.events.formattedCount) events — "
                + lines.joined(separator: "; "))
    }

    /// Gives every claim back and vacuums the case table, so each measurement starts from the same
    /// ready set and the dead row versions of the previous one are gone; a checkpoint, where the
    /// role may take one, so no run pays for the previous run's dirty pages.
    func resetClaims(_ raw: PostgresConnection) async throws {
        _ = try await raw.query(
            "UPDATE cases SET claimed_by = NULL, claim_token = NULL, claim_expires = NULL WHERE claimed_by IS NOT NULL",
            logger: logger
        ).collect()
        _ = try await raw.query("VACUUM ANALYZE cases", logger: logger).collect()
        _ = try? await raw.query("CHECKPOINT", logger: logger).collect()
    }

    /// pgbench's rate (transactions per second, connection time excluded) and mean latency (ms)
    /// running `script` with `clients` clients, `transactions` each.
    func pgbench(
        script: String, defines: [String] = [], clients: Int, transactions: Int
    ) throws -> (rate: Double, latency: Double) {
        let connection = PostgresTools.connection(location)
        let arguments =
            [
                pgbench, "-n", "-M", "prepared", "-f", script, "-c", String(clients), "-j", String(clients),
                "-t", String(transactions),
            ] + defines + connection.arguments
        let result = try ChildRun.checked(arguments, environment: connection.environment)
        let lines = result.output.split(separator: "\n")
        func number(after prefix: String) -> Double? {
            lines.first { $0.hasPrefix(prefix) }?.dropFirst(prefix.count).split(separator: " ").first
                .flatMap { Double($0) }
        }
        guard let rate = number(after: "tps = "), let latency = number(after: "latency average = ") else {
            throw CommandFailure("pgbench printed no rate: \(result.output.suffix(1000))")
        }
        if let failed = lines.first(where: { $0.hasPrefix("number of failed transactions: ") }),
            !failed.hasPrefix("number of failed transactions: 0 ")
        {
            throw CommandFailure("pgbench: \(failed)")
        }
        return (rate, latency)
    }

    /// One round trip (`SELECT 1`) on the bare connection (p50 of 500) and through pgbench (mean of
    /// 2,000): what each statement costs before the server does anything, which the figures
    /// below multiply by the number of statements each operation sends.
    func roundTrips(_ raw: PostgresConnection) async throws -> String {
        var samples = Samples()
        for _ in 0..<500 {
            let (_, seconds) = try await measureAsync { try await raw.query("SELECT 1", logger: logger).collect() }
            samples.add(seconds)
        }
        let script = NSTemporaryDirectory() + "kaishu-bench-select1-" + UUID().uuidString + ".sql"
        try "SELECT 1;\n".write(toFile: script, atomically: true, encoding: .utf8)
        defer { unlink(script) }
        let floor = try pgbench(script: script, clients: 1, transactions: 2000)
        return "one round trip (SELECT 1): p50 \(String(format: "%.0f", samples.percentile(50) * 1e6)) µs on one bare "
            + "postgres-nio connection, \(String(format: "%.0f", floor.latency * 1e3)) µs mean through pgbench"
    }

    /// A store of its own, as one collector's terminal has.
    func collectorStore() -> PostgresCaseStore {
        PostgresCaseStore(configuration: location.configuration(), location: location.description, calendar: .japan)
    }
}

/// Where PostgreSQL's client programs are.
enum PostgresTools {
    /// `name` from `folder` when given, else from the newest PostgreSQL's programs (as the test
    /// cluster finds `initdb`), else from PATH.
    static func find(_ name: String, preferring folder: String?) -> String? {
        for candidate in [folder, TestCluster.findBinaries()].compactMap({ $0 })
        where FileManager.default.isExecutableFile(atPath: "\(candidate)/\(name)") {
            return "\(candidate)/\(name)"
        }
        return ChildRun.which(name)
    }

    /// libpq's connection arguments and environment for `url` (the password only in the environment).
    static func connection(_ url: PostgresURL) -> (arguments: [String], environment: [String: String]) {
        var environment = [
            "PGAPPNAME": "kaishu-bench-floor",
            // The store opens every connection with synchronous_commit on; so does the floor.
            "PGOPTIONS": "-c synchronous_commit=on",
            "PGSSLMODE": url.socketFolder != nil ? "disable" : url.tls.rawValue,
        ]
        if let password = url.password { environment["PGPASSWORD"] = password }
        return (
            ["-h", url.socketFolder ?? url.host ?? "localhost", "-p", String(url.port), "-U", url.user, url.database],
            environment
        )
    }
}
