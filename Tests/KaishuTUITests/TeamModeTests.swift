import Foundation
import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

/// Team mode over a leasing, change-announcing store: one collector's workbench among several.
@Suite("Team mode: claims, live screens and an unreachable store")
struct TeamModeTests {
    @Test("opening a case claims it, the heartbeat renews the claim, leaving releases it")
    func claimHeartbeatRelease() async throws {
        let h = await TeamHarness(demo: 10)
        #expect(h.state.team.leasing && h.state.team.watching)
        let caseID = try #require(h.state.queue.selectedRow?.id)
        await h.press(.enter)
        let lease = try #require(h.state.team.lease)
        #expect(lease.caseID == caseID)
        #expect(await h.store.holder(of: caseID)?.collector == "tester")
        #expect(h.text.contains("claimed by you"))

        await h.fire(.heartbeat)
        #expect(await h.store.leaseLog == ["heartbeat \(caseID)"])
        #expect(h.state.team.lease == lease)

        await h.press(.escape)
        #expect(h.state.team.lease == nil)
        #expect(await h.store.holder(of: caseID) == nil)
        #expect(await h.store.leaseLog.last == "release \(caseID)")
    }

    @Test(
        "a note on the claimed case carries the claim; a stale claim is refused with the store's words and the text kept"
    )
    func staleTokenRefused() async throws {
        let h = await TeamHarness(demo: 10)
        let caseID = try #require(h.state.queue.selectedRow?.id)
        await h.press(.enter)
        // The claim lapses during a long call and kato claims the case.
        await h.store.expire(caseID)
        _ = try await h.store.claim(caseID, collector: "kato", today: Harness.today, ttl: .seconds(300))
        await h.press(.char("c"), .char("1"))
        await h.type("折り返し待ち")
        await h.press(.enter)
        guard case .form(let form) = h.state.overlay else {
            Issue.record("the form closed although nothing was saved")
            return
        }
        #expect(form.fields[form.focus].editor.text == "折り返し待ち")
        #expect(form.error?.contains("kato now holds it") == true)
        #expect(h.state.flash?.text.contains("kato now holds it") == true)
        #expect(await h.store.books.appendCount == 0)
    }

    @Test("the heartbeat finding the claim lost makes the case read only")
    func lostClaimOnHeartbeat() async throws {
        let h = await TeamHarness(demo: 5)
        await h.press(.enter)
        let caseID = try #require(h.state.team.lease?.caseID)
        await h.store.expire(caseID)
        await h.fire(.heartbeat)
        #expect(h.state.team.lease == nil)
        #expect(h.state.team.readOnly?.contains("no longer current") == true)
    }

    @Test("a case another collector holds shows as taken, opening it says by whom, and n skips it")
    func takenCases() async throws {
        let h = await TeamHarness(demo: 10)
        let first = try #require(h.state.queue.rows.first?.id)
        let second = try #require(h.state.queue.rows.dropFirst().first?.id)
        _ = try await h.store.claim(first, collector: "kato", today: Harness.today, ttl: .seconds(300))
        #expect(await h.eventually { h.text.contains("taken by kato") })

        await h.press(.enter)
        #expect(h.state.page == .caseDetail)
        #expect(h.state.team.lease == nil)
        #expect(h.state.team.readOnly?.contains("kato") == true)
        #expect(h.text.contains("read only: taken by kato"))
        await h.press(.escape)

        await h.press(.char("n"))
        #expect(h.state.page == .caseDetail)
        #expect(h.state.detail?.id == second)
        #expect(h.state.team.lease?.caseID == second)
        #expect(await h.store.holder(of: second)?.collector == "tester")
        #expect(await h.store.holder(of: first)?.collector == "kato")

        // n on the case page claims the next one and gives this one back.
        await h.press(.char("n"))
        let third = try #require(h.state.team.lease?.caseID)
        #expect(![first, second].contains(third))
        #expect(await h.store.holder(of: second) == nil)
    }

    @Test("another collector's note on a visible case re-queries the page and the open case")
    func changeFeed() async throws {
        let h = await TeamHarness(demo: 10)
        #expect(await h.eventually { await h.store.listenerCount == 1 })
        let caseID = try #require(h.state.queue.rows.dropFirst(2).first?.id)
        // Kato logs a note elsewhere; the store announces it.
        let context = WriteContext(
            actor: "kato", recordedAt: "2026-11-23T10:05:00+09:00", today: Harness.today, idempotencyKey: "kato-1")
        _ = try await h.store.append(to: caseID, context: context) { _ in
            [EventDraft(date: Harness.today, fact: .contact(ContactLog(outcome: .noAnswer, text: "KATO-NOTE")))]
        }
        let queries = await h.store.books.queryLog.count
        #expect(await h.eventually { await h.store.books.queryLog.count > queries })

        // The open case follows too.
        await h.press(.enter)
        let open = try #require(h.state.detail?.id)
        let context2 = WriteContext(
            actor: "kato", recordedAt: "2026-11-23T10:06:00+09:00", today: Harness.today, idempotencyKey: "kato-2")
        await h.store.expire(open)
        _ = try await h.store.append(to: open, context: context2) { _ in
            [EventDraft(date: Harness.today, fact: .contact(ContactLog(outcome: .noAnswer, text: "SECOND-NOTE")))]
        }
        #expect(
            await h.eventually {
                h.state.detail?.file?.events.contains {
                    if case .contact(let log) = $0.fact { return log.text == "SECOND-NOTE" }
                    return false
                } == true
            })
    }

    @Test("the slow poll re-queries the page even without a hint")
    func slowPoll() async {
        let h = await TeamHarness(demo: 5)
        let queries = await h.store.books.queryLog.count
        await h.fire(.poll)
        #expect(await h.store.books.queryLog.count == queries + 1)
    }

    @Test("an unreachable store: the status says so, the note is kept, and the retry saves it exactly once")
    func retryAfterOutage() async throws {
        let h = await TeamHarness(demo: 5)
        let caseID = try #require(h.state.queue.selectedRow?.id)
        await h.press(.enter)
        await h.press(.char("c"), .char("1"))
        await h.type("留守電")
        // The write commits but the reply is lost, then the server is gone altogether.
        await h.store.goOffline(afterCommit: true)
        await h.press(.enter)
        #expect(h.text.contains("store unreachable"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("the form closed although the store did not answer")
            return
        }
        #expect(form.fields[form.focus].editor.text == "留守電")
        #expect(form.error?.contains("retrying") == true)
        let save = try #require(form.saving)
        #expect(h.state.team.saves[save] != nil)

        await h.fire(.retry(save))
        #expect(h.text.contains("store unreachable"))
        #expect(h.state.team.saves[save]?.attempts == 1)

        await h.store.comeOnline()
        await h.fire(.retry(save))
        #expect(h.state.overlay == nil)
        #expect(h.text.contains("Saved: call, no answer"))
        #expect(!h.text.contains("store unreachable"))
        let file = try #require(await h.store.books.caseFile(caseID))
        let notes = file.events.filter {
            if case .contact(let log) = $0.fact { return log.text == "留守電" }
            return false
        }
        #expect(notes.count == 1)
        #expect(await h.store.books.appendCount == 1)
    }

    @Test("the retry timer really fires with the configured back-off")
    func retryTimerFires() async throws {
        let h = await TeamHarness(demo: 3, retryDelays: [0.2])
        await h.press(.char("c"), .char("1"))
        await h.type("x")
        await h.store.goOffline()
        await h.press(.enter)
        #expect(h.text.contains("store unreachable"))
        await h.store.comeOnline()
        // Nobody fires the timer by hand here.
        #expect(await h.eventually { h.state.overlay == nil })
        #expect(await h.store.books.appendCount == 1)
    }

    @Test("quitting gives the claim back")
    func quitReleases() async throws {
        let h = await TeamHarness(demo: 3)
        await h.press(.enter)
        let caseID = try #require(h.state.team.lease?.caseID)
        await h.press(.ctrl("c"))
        #expect(h.state.exitStatus == 0)
        #expect(await h.store.holder(of: caseID) == nil)
    }
}
