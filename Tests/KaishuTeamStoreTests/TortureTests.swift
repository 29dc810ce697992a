import Foundation
import KaishuCore
import KaishuEventLog
import KaishuTeamStore
import Testing

/// Many collectors on one queue, with leases lapsing and workers dying mid-case.
///
/// 32 workers over 4 clients (4 connection pools, as 4 terminals would be) claim the next case of
/// a 3,000-case book for a fixed time. Each claim draws a lease of 40–400 ms and then one of:
/// die (walk away holding the lease), work quickly and write under the lease, or stall past the
/// lease before writing (the long call). Afterwards:
///
/// - no case was held by two workers at once: for each case, in token order, a claim started only
///   after the previous one lapsed or was released;
/// - every write acknowledged is in the log exactly once, every refused write is absent;
/// - no write landed under a stale token: per case, the tokens of landed writes never go down in
///   log order (a stale write after the new holder's would), and some writes were refused;
/// - the hash chain verifies.
@Suite("torture: many collectors, lapsing leases, dying workers")
struct TortureTests {
    struct ClaimRecord: Sendable {
        var caseID: Int64
        var token: Int64
        var start: Date
        var expires: Date
        /// When the claim's answer reached the worker (the claim happened before).
        var received: Date
        var releaseStarted: Date?
    }

    struct WriteRecord: Sendable {
        var caseID: Int64
        var token: Int64
        var key: String
        var landed: Bool
    }

    actor Ledger {
        var claims: [ClaimRecord] = []
        var writes: [WriteRecord] = []
        func add(_ claim: ClaimRecord) { claims.append(claim) }
        func add(_ write: WriteRecord) { writes.append(write) }
    }

    @Test("no double claim, no stale write, no lost event, and the chain verifies (bounded run)")
    func torture() async throws {
        let clock = ContinuousClock()
        let began = clock.now
        let (_, first) = try await TeamFixture.demoPair(cases: 3000, seed: 99)
        let url = try TestCluster.get().url(database: first.databaseName)
        var clients = [first]
        for _ in 1..<4 { clients.append(try PostgresCaseStore(url: url, calendar: TeamFixture.calendar)) }
        let ledger = Ledger()
        let workSeconds = 12.0
        let deadline = Date().addingTimeInterval(workSeconds)
        let ready = try await first.queueCounts(today: TeamFixture.today).dueToday
        #expect(ready > 200, "enough ready cases to contend over")

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<32 {
                let store = clients[worker % clients.count]
                group.addTask {
                    var random = SystemRandomNumberGenerator()
                    var serial = 0
                    while Date() < deadline {
                        let ttlMS = Int64.random(in: 40...400, using: &random)
                        let ttl = Duration.milliseconds(ttlMS)
                        guard
                            let claimed = try await store.claimNext(
                                collector: "w\(worker)", today: TeamFixture.today, ttl: ttl)
                        else { return }
                        var record = ClaimRecord(
                            caseID: claimed.row.id, token: claimed.lease.token,
                            start: claimed.lease.expiresAt.addingTimeInterval(-Double(ttlMS) / 1000),
                            expires: claimed.lease.expiresAt, received: Date())
                        let fate = Int.random(in: 0..<10, using: &random)
                        if fate == 0 {  // dies holding the lease
                            await ledger.add(record)
                            continue
                        }
                        // 0–30 ms of work, or a long call past the lease.
                        let pause =
                            fate <= 2
                            ? ttlMS + Int64.random(in: 20...200, using: &random)
                            : Int64.random(in: 0...30, using: &random)
                        try await Task.sleep(for: .milliseconds(pause))
                        serial += 1
                        let key = "w\(worker)-\(serial)"
                        do {
                            _ = try await store.append(
                                to: claimed.row.id,
                                context: TeamFixture.context(key, actor: "w\(worker)", lease: claimed.lease),
                                decide: { _ in
                                    // Keeps the case in today's queue: no next-action date is set.
                                    [
                                        EventDraft(
                                            date: TeamFixture.today,
                                            fact: .contact(ContactLog(outcome: .refused, text: key)))
                                    ]
                                })
                            await ledger.add(
                                WriteRecord(caseID: claimed.row.id, token: claimed.lease.token, key: key, landed: true))
                        } catch is Refusal {
                            await ledger.add(
                                WriteRecord(caseID: claimed.row.id, token: claimed.lease.token, key: key, landed: false)
                            )
                        }
                        record.releaseStarted = Date()
                        await ledger.add(record)
                        try await store.release(claimed.lease)
                    }
                }
            }
            try await group.waitForAll()
        }

        let claims = await ledger.claims
        let writes = await ledger.writes
        #expect(claims.count > 300, "the run made enough claims to mean something (\(claims.count))")
        #expect(writes.contains { !$0.landed }, "some writes came after a takeover and were refused")

        // No case held twice at once.
        var doubles = 0
        for (_, history) in Dictionary(grouping: claims, by: \.caseID) {
            let ordered = history.sorted { $0.token < $1.token }
            for (earlier, later) in zip(ordered, ordered.dropFirst()) {
                // The later claim is legitimate if the earlier lease had lapsed by the later claim's
                // server time (`start` is the claiming transaction's now(); 2 ms for deriving it from
                // the expiry), or if the earlier holder had begun releasing before the later claim's
                // answer arrived. (A claim's now() is its transaction's start, which can precede the
                // moment it reads the row, so `start` alone cannot be compared with a release.)
                let lapsed = later.start >= earlier.expires.addingTimeInterval(-0.002)
                let released = earlier.releaseStarted.map { $0 <= later.received } ?? false
                if !lapsed && !released {
                    doubles += 1
                    Issue.record("case \(later.caseID): \(earlier) then \(later)")
                }
            }
        }
        #expect(doubles == 0, "cases claimed by two workers at once")

        // Every landed write is in the log once; every refused one is absent; tokens never go back.
        let team = clients[0]
        var stale = 0
        var missing = 0
        let landedByCase = Dictionary(grouping: writes.filter(\.landed), by: \.caseID)
        let refusedKeys = Set(writes.filter { !$0.landed }.map(\.key))
        for (caseID, landed) in landedByCase {
            let file = try #require(try await team.caseFile(caseID))
            var texts: [String] = []
            for event in file.events {
                if case .contact(let log) = event.fact, log.text.hasPrefix("w") { texts.append(log.text) }
            }
            let tokenOf = Dictionary(uniqueKeysWithValues: landed.map { ($0.key, $0.token) })
            for write in landed where texts.filter({ $0 == write.key }).count != 1 { missing += 1 }
            #expect(!texts.contains { refusedKeys.contains($0) }, "a refused write is in the log")
            let tokensInLogOrder = texts.compactMap { tokenOf[$0] }
            if tokensInLogOrder != tokensInLogOrder.sorted() { stale += 1 }
        }
        #expect(missing == 0, "acknowledged writes missing from the log")
        #expect(stale == 0, "cases where an older token wrote after a newer one")
        #expect(try await team.verifyChain() == nil)
        let head = try await team.exportHead()
        #expect(head.eventCount == head.lastSeqHandedOut)

        for client in clients { await client.shutdown() }
        let elapsed = clock.now - began
        #expect(elapsed < .seconds(120), "bounded: took \(elapsed)")
    }
}
