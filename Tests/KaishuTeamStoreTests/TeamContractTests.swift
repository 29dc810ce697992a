import Foundation
import KaishuCore
import KaishuEventLog
import KaishuStore
import KaishuTeamStore
import Testing

/// The `CaseStore` contract on PostgreSQL, held against the SQLite book with the same rows.
@Suite("team store keeps the SQLite book's promises")
struct TeamContractTests {
    /// Every page, forward from the first and backward from the last, in `order` and `scope`.
    static func walk(
        _ store: some CaseStore, order: QueueOrder, scope: QueueQuery.Scope, today: CivilDate, limit: Int = 7
    )
        async throws -> (forward: [Int64], backward: [Int64])
    {
        var forward: [Int64] = []
        var query = QueueQuery(today: today, scope: scope, order: order, position: .first, limit: limit)
        while true {
            let page = try await store.queue(query)
            forward += page.rows.map(\.id)
            guard page.hasMoreAfter, let last = page.rows.last else { break }
            query.position = .after(last.cursor)
        }
        var backward: [Int64] = []
        query.position = .last
        while true {
            let page = try await store.queue(query)
            backward = page.rows.map(\.id) + backward
            guard page.hasMoreBefore, let first = page.rows.first else { break }
            query.position = .before(first.cursor)
        }
        return (forward, backward)
    }

    @Test("keyset pages in every order equal the SQLite book's pages and the reference order")
    func pagingMatchesSQLite() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 300)
        defer { Task { await team.shutdown() } }
        for order in QueueOrder.allCases {
            for scope in QueueQuery.Scope.allCases {
                let mine = try await Self.walk(team, order: order, scope: scope, today: TeamFixture.today)
                let theirs = try await Self.walk(sqlite, order: order, scope: scope, today: TeamFixture.today)
                #expect(mine.forward == theirs.forward, "\(order) \(scope) forward")
                #expect(mine.backward == mine.forward, "\(order) \(scope) backward")
                #expect(Set(mine.forward).count == mine.forward.count, "no row twice")
            }
        }
        // The urgency order is QueueRanking.precedes, row by row.
        let all = try await team.queue(QueueQuery(today: TeamFixture.today, scope: .all, limit: 1000)).rows
        #expect(all.map(\.id) == all.sorted(by: QueueRanking.precedes).map(\.id))
        #expect(all.count > 100)
    }

    @Test("moving the date re-ranks by the thresholds exactly as SQLite does")
    func rerankingMatchesSQLite() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 300, seed: 11)
        defer { Task { await team.shutdown() } }
        for days in [1, 10, 31, 45, 91, 200, -3] {
            let day = TeamFixture.today.adding(days: days)
            let mine = try await team.queue(QueueQuery(today: day, scope: .all, limit: 1000)).rows
            let theirs = try await sqlite.queue(QueueQuery(today: day, scope: .all, limit: 1000)).rows
            #expect(mine.map(\.id) == theirs.map(\.id), "order as of \(day)")
            #expect(mine.map(\.tier) == theirs.map(\.tier), "tiers as of \(day)")
            let counts = try await team.queueCounts(today: day)
            #expect(counts == (try await sqlite.queueCounts(today: day)), "counts as of \(day)")
        }
    }

    @Test("the same write hashes byte for byte as on SQLite")
    func appendHashesLikeSQLite() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 20)
        defer { Task { await team.shutdown() } }
        let context = TeamFixture.context("same-note")
        let decide = TeamFixture.note("留守電に伝言。折り返し依頼 \"至急\"\n二行目")
        let mine = try await team.append(to: 3, context: context, decide: decide)
        let theirs = try sqlite.appendSync(to: 3, context: context, decide: decide)
        #expect(mine.events.last?.hash == theirs.events.last?.hash)
        #expect(mine == theirs)
        #expect(try await team.verifyChain() == nil)
    }

    @Test("an idempotency key already used is not applied again")
    func idempotency() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 10)
        defer { Task { await team.shutdown() } }
        let before = try #require(try await team.caseFile(2)).events.count
        let first = try await team.append(to: 2, context: TeamFixture.context("k-1"), decide: TeamFixture.note("one"))
        let again = try await team.append(to: 2, context: TeamFixture.context("k-1"), decide: TeamFixture.note("one"))
        #expect(first.events.count == before + 1)
        #expect(again == first)
        // Racing retries of one key: exactly one lands.
        try await withThrowingTaskGroup(of: CaseFile.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await team.append(to: 2, context: TeamFixture.context("k-2"), decide: TeamFixture.note("two"))
                }
            }
            for try await _ in group {}
        }
        #expect(try #require(try await team.caseFile(2)).events.count == before + 2)
    }

    @Test("a refused decision rolls the whole write back")
    func refusalRollsBack() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 10)
        defer { Task { await team.shutdown() } }
        let head = try await team.exportHead()
        await #expect(throws: Refusal.self) {
            try await team.append(to: 4, context: TeamFixture.context("refused")) { _ in throw Refusal("no") }
        }
        await #expect(throws: Refusal.self) {
            try await team.append(to: 99_999, context: TeamFixture.context("nowhere"), decide: TeamFixture.note("x"))
        }
        #expect(try await team.exportHead() == head)
        // The key of a refused write is free for the real one.
        let file = try await team.append(to: 4, context: TeamFixture.context("refused"), decide: TeamFixture.note("ok"))
        #expect(file.events.last?.fact == .contact(ContactLog(outcome: .noAnswer, text: "ok")))
    }

    @Test("events cannot be changed or deleted: triggers refuse even a superuser, privileges refuse the owner")
    func appendOnly() async throws {
        let cluster = try TestCluster.get()
        let (_, team) = try await TeamFixture.demoPair(cases: 5)
        defer { Task { await team.shutdown() } }
        let database = team.databaseName
        for statement in ["UPDATE events SET actor = 'x'", "DELETE FROM events", "TRUNCATE events CASCADE"] {
            #expect(throws: TestCluster.ClusterError.self) { try cluster.psql(statement, database: database) }
            do { try cluster.psql(statement, database: database) } catch { #expect("\(error)".contains("append-only")) }
        }
        // A non-superuser owner that migrated the book holds no UPDATE/DELETE on events.
        let role = "owner_" + UUID().uuidString.prefix(6).lowercased()
        try cluster.psql("CREATE ROLE \(role) LOGIN")
        let owned = try cluster.makeDatabase(owner: role)
        let store = try PostgresCaseStore(url: owned.url, calendar: TeamFixture.calendar)
        try await store.migrate(grantTo: "postgres")
        await store.shutdown()
        let privileges = try cluster.psql(
            "SELECT has_table_privilege('\(role)', 'events', 'UPDATE'), has_table_privilege('\(role)', 'events', 'DELETE'), "
                + "has_table_privilege('\(role)', 'events', 'TRUNCATE'), has_table_privilege('\(role)', 'events', 'INSERT')",
            database: owned.name)
        #expect(privileges.trimmingCharacters(in: .whitespacesAndNewlines) == "f|f|f|t")
        #expect(try await team.synchronousCommit() == "on")
        #expect(try await team.verifyChain() == nil)
    }

    @Test("a changed event breaks the chain at that event")
    func tamperingIsFound() async throws {
        let cluster = try TestCluster.get()
        let (_, team) = try await TeamFixture.demoPair(cases: 5)
        defer { Task { await team.shutdown() } }
        let database = team.databaseName
        try cluster.psql(
            "ALTER TABLE events DISABLE TRIGGER events_no_update; UPDATE events SET actor = 'forged' WHERE seq = 7",
            database: database)
        #expect(try await team.verifyChain() == 7)
    }

    @Test("a book never migrated says to run kaishu migrate")
    func unmigrated() async throws {
        let cluster = try TestCluster.get()
        let database = try cluster.makeDatabase()
        let store = try PostgresCaseStore(url: database.url, calendar: TeamFixture.calendar)
        defer { Task { await store.shutdown() } }
        await #expect(throws: TeamStoreError.schemaVersion(found: 0, expected: 1)) {
            _ = try await store.queueCounts(today: TeamFixture.today)
        }
        try await store.migrate()
        #expect(try await store.queueCounts(today: TeamFixture.today).open == 0)
        #expect(try await store.migrate().from == 1)
    }
}

@Suite("kaishu copy moves a book with its hashes")
struct CopyTests {
    @Test("every event arrives with the same seq, content and hash, and the copy verifies")
    func copyKeepsHashes() async throws {
        let sqlite = try SQLiteCaseStore.temporary(calendar: TeamFixture.calendar)
        _ = try DemoCasebook.generate(into: sqlite, cases: 400, seed: 3, today: TeamFixture.today)
        _ = try sqlite.appendSync(to: 5, context: TeamFixture.context("before-copy"), decide: TeamFixture.note("x"))
        let team = try await TeamFixture.emptyStore()
        defer { Task { await team.shutdown() } }
        let report = try await team.copy(from: sqlite, batchSize: 97)
        let head = try sqlite.exportHead()
        #expect(report.cases == 400)
        #expect(Int64(report.events) == head.eventCount)
        #expect(try await team.exportHead() == head)
        #expect(try await team.verifyChain() == nil)
        for id: Int64 in [1, 5, 200, 400] {
            #expect(try await team.caseFile(id) == (try await sqlite.caseFile(id)))
        }
        // New writes continue the chain after the copied head.
        let file = try await team.append(
            to: 5, context: TeamFixture.context("after-copy"), decide: TeamFixture.note("y"))
        #expect(file.events.last?.seq == head.lastSeqHandedOut + 1)
        #expect(try await team.verifyChain() == nil)
        // A second copy into a book that holds cases is refused.
        await #expect(throws: TeamStoreError.self) { _ = try await team.copy(from: sqlite) }
    }
}
