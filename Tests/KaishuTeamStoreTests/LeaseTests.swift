import Foundation
import KaishuCore
import KaishuTeamStore
import Testing

@Suite("claims on the team queue")
struct LeaseTests {
    static let long: Duration = .seconds(60)

    @Test("two collectors asking for the next case get different cases, and neither can take the other's")
    func noSharedClaim() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 60)
        defer { Task { await team.shutdown() } }
        let sato = try #require(try await team.claimNext(collector: "sato", today: TeamFixture.today, ttl: Self.long))
        let kato = try #require(try await team.claimNext(collector: "kato", today: TeamFixture.today, ttl: Self.long))
        #expect(sato.row.id != kato.row.id)
        #expect(kato.lease.token > sato.lease.token)
        // The first claim took the head of today's queue.
        let first = try await team.queue(QueueQuery(today: TeamFixture.today, limit: 1)).rows.first
        #expect(first?.id == sato.row.id)
        #expect(first?.claimedBy == "sato")
        do {
            _ = try await team.claim(sato.row.id, collector: "kato", today: TeamFixture.today, ttl: Self.long)
            Issue.record("kato took sato's case")
        } catch let refusal as Refusal {
            #expect(refusal.reason.contains("claimed by sato"))
        }
        // Re-opening your own case renews it under the same token.
        let again = try await team.claim(sato.row.id, collector: "sato", today: TeamFixture.today, ttl: Self.long)
        #expect(again.lease.token == sato.lease.token)
        #expect(again.lease.expiresAt >= sato.lease.expiresAt)
    }

    @Test("a write under a lease that lapsed and was taken over is refused, naming the new holder")
    func staleTokenRefused() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 30)
        defer { Task { await team.shutdown() } }
        let sato = try #require(
            try await team.claimNext(collector: "sato", today: TeamFixture.today, ttl: .milliseconds(200)))
        try await Task.sleep(for: .milliseconds(400))
        // Lapsed: the case is back at the head of the queue, and kato's "next" gets it.
        let kato = try #require(try await team.claimNext(collector: "kato", today: TeamFixture.today, ttl: Self.long))
        #expect(kato.row.id == sato.row.id)
        let before = try #require(try await team.caseFile(sato.row.id))
        do {
            _ = try await team.append(
                to: sato.row.id, context: TeamFixture.context("late", actor: "sato", lease: sato.lease),
                decide: TeamFixture.note("late note"))
            Issue.record("a write under a stale token landed")
        } catch let refusal as Refusal {
            #expect(refusal.reason.contains("your claim on case \(sato.row.id) expired at"))
            #expect(refusal.reason.contains("kato now holds it"))
        }
        #expect(try await team.caseFile(sato.row.id) == before)
        await #expect(throws: Refusal.self) { _ = try await team.heartbeat(sato.lease, ttl: Self.long) }
        // Without a lease, sato is refused too while kato holds the case; kato writes.
        await #expect(throws: Refusal.self) {
            _ = try await team.append(
                to: sato.row.id, context: TeamFixture.context("nolease", actor: "sato"), decide: TeamFixture.note("x"))
        }
        let written = try await team.append(
            to: kato.row.id, context: TeamFixture.context("kato", actor: "kato", lease: kato.lease),
            decide: TeamFixture.note("kato's note"))
        #expect(written.events.count == before.events.count + 1)
    }

    @Test("a lapsed lease nobody took still writes; heartbeat renews; release returns the case")
    func lapsedButCurrent() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 30)
        defer { Task { await team.shutdown() } }
        let sato = try #require(
            try await team.claimNext(collector: "sato", today: TeamFixture.today, ttl: .milliseconds(100)))
        try await Task.sleep(for: .milliseconds(250))
        #expect(try await team.queue(QueueQuery(today: TeamFixture.today, limit: 1)).rows.first?.claimedBy == nil)
        _ = try await team.append(
            to: sato.row.id, context: TeamFixture.context("lapsed-ok", actor: "sato", lease: sato.lease),
            decide: TeamFixture.note("still mine"))
        let renewed = try await team.heartbeat(sato.lease, ttl: Self.long)
        #expect(renewed.expiresAt > sato.lease.expiresAt)
        let shown = try await team.queue(QueueQuery(today: TeamFixture.today, scope: .all, limit: 500)).rows
            .first { $0.id == sato.row.id }
        #expect(shown?.claimedBy == "sato")
        try await team.release(renewed)
        #expect(try await team.currentClaim(sato.row.id)?.collector == nil)
        // Releasing again, or by someone who holds nothing, changes nothing.
        try await team.release(renewed)
        #expect(try await team.release(caseID: sato.row.id, collector: "kato") == false)
        await #expect(throws: Refusal.self) {
            _ = try await team.append(
                to: sato.row.id, context: TeamFixture.context("after-release", actor: "sato", lease: renewed),
                decide: TeamFixture.note("x"))
        }
    }

    @Test("a change to a case reaches listeners as its id")
    func changeHints() async throws {
        let (_, team) = try await TeamFixture.demoPair(cases: 10)
        defer { Task { await team.shutdown() } }
        let stream = team.caseChanges()
        let seen = SeenIDs()
        let listener = Task { for await id in stream { await seen.add(id) } }
        defer { listener.cancel() }
        // LISTEN takes a moment to be registered; write until the hint arrives (bounded: 5 s).
        for attempt in 0..<50 {
            _ = try await team.append(
                to: 6, context: TeamFixture.context("hint-\(attempt)"), decide: TeamFixture.note("n"))
            try await Task.sleep(for: .milliseconds(100))
            if await seen.contains(6) { break }
        }
        #expect(await seen.contains(6))
    }
}

actor SeenIDs {
    private var ids: Set<Int64> = []
    func add(_ id: Int64) { ids.insert(id) }
    func contains(_ id: Int64) -> Bool { ids.contains(id) }
}
