import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("Payment, acknowledgment, dispute, hold and reschedule keys")
struct CaseActionKeysTests {
    static func events(_ h: Harness) async throws -> [CaseFact] {
        let id = try #require(h.state.detail?.id ?? h.state.queue.selectedRow?.id)
        return try #require(await h.store.caseFile(id)).events.map(\.fact)
    }

    @Test("p says a partial payment renews limitation, and records the payment")
    func partialPayment() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("p"))
        #expect(h.text.contains("limitation starts again"))
        await h.type("10,000")
        await h.press(.enter, .enter)
        #expect(h.text.contains("Saved: payment of ¥10,000"))
        let facts = try await Self.events(h)
        #expect(facts.contains(.payment(amount: 10_000)))
    }

    @Test("a records an acknowledgment with a note")
    func acknowledgment() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("a"), .enter)
        await h.type("債務承認書を受領")
        await h.press(.enter)
        #expect(h.text.contains("Saved: acknowledgment"))
        #expect(try await Self.events(h).contains(.acknowledgment(note: "債務承認書を受領")))
    }

    @Test("d marks the case disputed, and then escalation is refused")
    func dispute() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("d"))
        await h.type("金額に異議")
        await h.press(.enter)
        #expect(h.text.contains("Saved: marked disputed"))
        await h.press(.char("e"))
        #expect(h.text.contains("disputes the debt"))
    }

    @Test("h puts the case on hold and s reschedules with +7")
    func holdAndReschedule() async throws {
        let h = await Harness(demo: 5)
        await h.press(.enter)  // on the case page the case stays put whatever the queue does
        await h.press(.char("s"))
        await h.type("+7")
        await h.press(.enter, .enter)
        #expect(h.text.contains("Saved: next action on 2026-11-30"))
        #expect(try await Self.events(h).contains(.rescheduled(to: Harness.today.adding(days: 7), reason: nil)))
        await h.press(.char("h"), .enter)
        #expect(h.text.contains("Saved: put on hold"))
        #expect(h.state.detail?.state?.onHold == true)
    }
}
