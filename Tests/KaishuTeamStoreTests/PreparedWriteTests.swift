import Foundation
import KaishuCore
import KaishuStore
import KaishuTeamStore
import Testing

/// The two-statement write (lock and read in one statement, chain and row in the next) and the
/// one-statement claim keep the guarantees of the longer forms they replaced.
@Suite("prepared writes and claims")
struct PreparedWriteTests {
    /// What each write's decision saw: how many events the case had.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func record(_ who: String, _ file: CaseFile) { lock.withLock { counts[who] = file.events.count } }
        subscript(_ who: String) -> Int? { lock.withLock { counts[who] } }
    }

    /// A note whose decision records what it saw and then holds the transaction for `hold`.
    static func slowNote(_ who: String, seen: Seen, hold: Duration) -> @Sendable (CaseFile) throws -> [EventDraft] {
        { file in
            seen.record(who, file)
            let (seconds, attoseconds) = hold.components
            usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
            return [EventDraft(date: TeamFixture.today, fact: .contact(ContactLog(outcome: .noAnswer, text: who)))]
        }
    }

    @Test("a write that waited for the case's lock decides on the case as the other write left it")
    func waitedWriteSeesTheOtherWrite() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 10)
        defer { Task { await team.shutdown() } }
        let before = try #require(try await team.caseFile(5)).events.count
        let seen = Seen()
        async let first = team.append(
            to: 5, context: TeamFixture.context("first"),
            decide: Self.slowNote("first", seen: seen, hold: .milliseconds(800)))
        // `first` decides while holding the case's lock: once it has, `second` must wait for it.
        let started = ContinuousClock.now
        while seen["first"] == nil && ContinuousClock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(5))
        }
        // Locks behind `first`: its snapshot predates `first`'s commit.
        let second = try await team.append(
            to: 5, context: TeamFixture.context("second"),
            decide: Self.slowNote("second", seen: seen, hold: .zero))
        _ = try await first
        #expect(seen["first"] == before)
        #expect(seen["second"] == before + 1)
        #expect(second.events.count == before + 2)
        #expect(
            second.events.suffix(2).map(\.fact)
                == ["first", "second"].map {
                    .contact(ContactLog(outcome: .noAnswer, text: $0))
                })
        #expect(try await team.caseFile(5) == second)
        #expect(try await team.verifyChain() == nil)
    }

    @Test("writes to different cases that read the same chain head both land, chained one after the other")
    func racingHeadsChain() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 10)
        defer { Task { await team.shutdown() } }
        let head = try await team.exportHead()
        let seen = Seen()
        // Both decisions run (and both read the head) before either write moves it.
        async let one = team.append(
            to: 2, context: TeamFixture.context("one"),
            decide: Self.slowNote("one", seen: seen, hold: .milliseconds(400)))
        async let two = team.append(
            to: 3, context: TeamFixture.context("two"),
            decide: Self.slowNote("two", seen: seen, hold: .milliseconds(400)))
        let written = try await [one, two]
        let seqs = written.compactMap { $0.events.last?.seq }.sorted()
        #expect(seqs == [head.lastSeqHandedOut + 1, head.lastSeqHandedOut + 2])
        #expect(try await team.exportHead().lastSeqHandedOut == head.lastSeqHandedOut + 2)
        #expect(try await team.verifyChain() == nil)
        for file in written { #expect(try await team.caseFile(file.id) == file) }
    }

    @Test("a claim or a write on a day the book is not ranked for ranks it first, as SQLite does")
    func claimAndWriteRankTheirDay() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 80)
        defer { Task { await team.shutdown() } }
        let later = TeamFixture.today.adding(days: 40)
        let claimed = try #require(try await team.claimNext(collector: "sato", today: later, ttl: .seconds(60)))
        let expected = try await sqlite.queue(QueueQuery(today: later, scope: .today, limit: 1)).rows.first
        #expect(claimed.row.id == expected?.id)
        let further = later.adding(days: 30)
        let context = TeamFixture.context("later", today: further)
        _ = try await team.append(to: 7, context: context, decide: TeamFixture.note("later", on: further))
        _ = try sqlite.appendSync(to: 7, context: context, decide: TeamFixture.note("later", on: further))
        let mine = try await team.queue(QueueQuery(today: further, scope: .all, limit: 200)).rows
        let theirs = try await sqlite.queue(QueueQuery(today: further, scope: .all, limit: 200)).rows
        #expect(mine.map(\.id) == theirs.map(\.id))
        #expect(mine.map(\.tier) == theirs.map(\.tier))
    }

    @Test("a search filter and today's scope page as on SQLite through the prepared queue statements")
    func filteredPagesMatch() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 120)
        defer { Task { await team.shutdown() } }
        for order in QueueOrder.allCases {
            for (scope, filter) in [(QueueQuery.Scope.today, nil), (.all, "株式会社"), (.all, "%_\\")]
                as [(QueueQuery.Scope, String?)]
            {
                var query = QueueQuery(today: TeamFixture.today, scope: scope, order: order, filter: filter, limit: 7)
                var pages = 0
                while pages < 40 {
                    let mine = try await team.queue(query)
                    let theirs = try await sqlite.queue(query)
                    #expect(mine == theirs, "\(order) \(scope) \(filter ?? "-") page \(pages)")
                    guard mine.hasMoreAfter, let last = mine.rows.last else { break }
                    query.position = .after(last.cursor)
                    pages += 1
                }
                // And back from the end.
                query.position = .last
                let mine = try await team.queue(query)
                #expect(mine == (try await sqlite.queue(query)), "\(order) \(scope) \(filter ?? "-") last page")
                if let first = mine.rows.first {
                    query.position = .before(first.cursor)
                    #expect(try await team.queue(query) == (try await sqlite.queue(query)))
                }
            }
        }
    }
}

@Suite("lease timings")
struct LeaseTimingsTests {
    @Test("the standard claim lasts 300 s and is renewed every 100 s")
    func standard() throws {
        #expect(LeaseTimings.standard.leaseSeconds == 300)
        #expect(LeaseTimings.standard.heartbeatSeconds == 100)
        #expect(try LeaseTimings(leaseSeconds: nil, heartbeatSeconds: nil) == .standard)
        #expect(PostgresCaseStore.defaultLeaseTTL == .seconds(300))
        let short = try LeaseTimings(leaseSeconds: 60, heartbeatSeconds: 20)
        #expect(short.lease == .seconds(60) && short.heartbeat == .seconds(20))
    }

    @Test("a heartbeat of half the lease or more is refused, naming both keys")
    func heartbeatUnderHalf() throws {
        do {
            _ = try LeaseTimings(leaseSeconds: 120, heartbeatSeconds: 60)
            Issue.record("a heartbeat of half the lease was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.reason.contains("team.heartbeatSeconds: 60 must be under half of team.leaseSeconds (120)"))
        }
        // Only the lease given: the standard heartbeat must still fit under it.
        #expect(throws: Refusal.self) { try LeaseTimings(leaseSeconds: 200, heartbeatSeconds: nil) }
        #expect(throws: Refusal.self) { try LeaseTimings(leaseSeconds: 0, heartbeatSeconds: nil) }
        #expect(throws: Refusal.self) { try LeaseTimings(leaseSeconds: 300, heartbeatSeconds: 0) }
        #expect(try LeaseTimings(leaseSeconds: 201, heartbeatSeconds: nil).heartbeatSeconds == 100)
    }
}
