import Foundation
import KaishuCore
import KaishuTeamStore
import PostgresNIO

/// Claims per second: N collectors — N stores, one connection pool each, as N terminals — call
/// `claimNext` in a loop for a while; then pgbench runs the statements `claimNext` sends
/// (`TeamStatements.claimNext`: one autocommit statement, the ranking check inside it, `-M prepared`
/// as the store prepares it) with N clients.
///
/// Every claim lasts 300 s, so claims pile up during a run, and the claim walks today's queue past
/// every live claim before it finds a free case: a claim costs more the more cases are already
/// held. So both sides start from the same ready set (every claim given back, the case table
/// vacuumed) and pgbench makes as many claims as Kaishu made (`-t`, per client) rather than running
/// for the same time — the server does the same work for both, and the ratio is the client's.
/// The time is split into two rounds, Kaishu then pgbench each time (ABAB), so a drift in what the
/// shared disk and CPUs give during the run falls on both sides.
struct TeamClaimBench {
    let work: TeamBenchWork
    static let rounds = 2

    struct KaishuRun {
        var claims: Int
        var seconds: Double
        /// A collector found nothing free before the time was up.
        var exhausted: Bool
        /// Claims per second in the first and the last fifth of the run.
        var early: Double
        var late: Double
    }

    func run(raw: PostgresConnection, ready: Int, into report: inout BenchReport) async throws {
        let folder = NSTemporaryDirectory() + "kaishu-bench-pgbench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "\(folder)/claim.sql"
        let (text, defines) = Self.pgbenchScript(
            TeamStatements.claimNext(collector: "pgbench", today: work.today, ttl: .seconds(300)))
        try text.write(toFile: script, atomically: true, encoding: .utf8)

        let stores = (0..<(work.levels.max() ?? 1)).map { _ in work.collectorStore() }
        do {
            for store in stores { try await teamErrors { try await store.open() } }
            for collectors in work.levels {
                let label = "\(collectors) collector\(collectors == 1 ? "" : "s")"
                var kaishuRuns: [KaishuRun] = []
                var floorRuns: [(claims: Int, rate: Double)] = []
                var notes: [String] = []
                for round in 1...Self.rounds {
                    work.progress("claims, \(label), round \(round): kaishu…")
                    try await work.resetClaims(raw)
                    let kaishu = try await claim(with: Array(stores.prefix(collectors)))
                    kaishuRuns.append(kaishu)
                    let kaishuHeld = try await held(raw, like: "kaishu-%")
                    if kaishuHeld != kaishu.claims { notes.append("\(kaishuHeld) held after Kaishu's round \(round)") }
                    if kaishu.exhausted { notes.append("the ready set (\(ready)) ran out in round \(round)") }
                    if round == 1 && collectors == 1 && kaishu.claims > 0 {
                        work.progress("claims, \(label): one bare connection…")
                        try await work.resetClaims(raw)
                        let rate = try await bare(raw, claims: kaishu.claims)
                        notes.append(
                            "the same statements on one bare postgres-nio connection: " + String(format: "%.0f/s", rate)
                        )
                    }
                    let perClient = max(1, (kaishu.claims + collectors - 1) / collectors)
                    work.progress("claims, \(label), round \(round): pgbench, \(collectors) × \(perClient)…")
                    try await work.resetClaims(raw)
                    let floor = try work.pgbench(
                        script: script, defines: defines, clients: collectors, transactions: perClient
                    ).rate
                    floorRuns.append((perClient * collectors, floor))
                    let floorHeld = try await held(raw, like: "pgbench")
                    if floorHeld != perClient * collectors {
                        notes.append("\(floorHeld) held after pgbench's round \(round)")
                    }
                }
                let kaishuRate = Double(kaishuRuns.map(\.claims).reduce(0, +)) / kaishuRuns.map(\.seconds).reduce(0, +)
                let floorRate =
                    Double(floorRuns.map(\.claims).reduce(0, +))
                    / floorRuns.map { Double($0.claims) / $0.rate }.reduce(0, +)
                let rounds = zip(kaishuRuns, floorRuns).map { kaishu, floor in
                    String(
                        format: "%ld claims, %.0f/s (first fifth %.0f/s, last fifth %.0f/s) against %.0f/s",
                        kaishu.claims, Double(kaishu.claims) / kaishu.seconds, kaishu.early, kaishu.late, floor.rate)
                }
                report.figures.append(
                    BenchFigure(
                        metric: "claims per second, \(label)", scale: work.scale, unit: .perSecond,
                        kaishu: kaishuRate, floor: floorRate, floorName: "pgbench, claimNext's SQL, -M prepared",
                        target: 0.7,
                        note: (["rounds: " + rounds.joined(separator: "; ")] + notes).joined(separator: "; "),
                        atLeast: true))
            }
        } catch {
            for store in stores { await store.shutdown() }
            throw error
        }
        for store in stores { await store.shutdown() }
        try await work.resetClaims(raw)
    }

    private func claim(with stores: [PostgresCaseStore]) async throws -> KaishuRun {
        let today = work.today
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(work.seconds / Double(Self.rounds) * 1e9)
        let results = try await withThrowingTaskGroup(of: (times: [UInt64], exhausted: Bool).self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    var times: [UInt64] = []
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let claimed = try await store.claimNext(
                            collector: "kaishu-\(index + 1)", today: today, ttl: .seconds(300))
                        guard claimed != nil else { return (times, true) }
                        times.append(DispatchTime.now().uptimeNanoseconds)
                    }
                    return (times, false)
                }
            }
            var all: [(times: [UInt64], exhausted: Bool)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let end = DispatchTime.now().uptimeNanoseconds
        let times = results.flatMap(\.times)
        let fifth = (end - start) / 5
        let fifthSeconds = Double(fifth) / 1e9
        return KaishuRun(
            claims: times.count, seconds: Double(end - start) / 1e9, exhausted: results.contains { $0.exhausted },
            early: Double(times.filter { $0 < start + fifth }.count) / fifthSeconds,
            late: Double(times.filter { $0 >= end - fifth }.count) / fifthSeconds)
    }

    /// The same statements, the same number of claims, on one bare connection one after another:
    /// the driver's share of the gap to pgbench, without the store's pool and code.
    private func bare(_ raw: PostgresConnection, claims: Int) async throws -> Double {
        let statements = TeamStatements.claimNext(collector: "bare", today: work.today, ttl: .seconds(300))
        let queries = statements.map { statement in
            var binds = PostgresBindings()
            for value in statement.parameters { binds.append(value) }
            return PostgresQuery(unsafeSQL: statement.sql, binds: binds)
        }
        let logger = work.logger
        let (_, seconds) = try await measureAsync {
            for _ in 0..<claims {
                for query in queries { _ = try await raw.query(query, logger: logger).collect() }
            }
        }
        return Double(claims) / seconds
    }

    /// Live claims held by collectors whose name is LIKE `pattern`.
    private func held(_ raw: PostgresConnection, like pattern: String) async throws -> Int {
        let rows = try await raw.query(
            "SELECT count(*) FROM cases WHERE claimed_by LIKE \(pattern) AND claim_expires > now()",
            logger: work.logger
        ).collect()
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }

    /// A pgbench script running `statements` in order, each ending in `;`, with `$n` of statement
    /// `i` as the variable `:s{i}p{n}` (pgbench sends variables as parameters under -M prepared),
    /// and the `-D` arguments defining them.
    static func pgbenchScript(_ statements: [(sql: String, parameters: [String])]) -> (String, [String]) {
        var script = ""
        var defines: [String] = []
        for (index, statement) in statements.enumerated() {
            var sql = ""
            var characters = statement.sql[...]
            while let character = characters.popFirst() {
                guard character == "$", let digit = characters.first, digit.isNumber else {
                    sql.append(character)
                    continue
                }
                let number = characters.prefix { $0.isNumber }
                characters = characters.dropFirst(number.count)
                sql += ":s\(index + 1)p\(number)"
            }
            script += sql + ";\n"
            for (position, value) in statement.parameters.enumerated() {
                defines += ["-D", "s\(index + 1)p\(position + 1)=\(value)"]
            }
        }
        return (script, defines)
    }
}
