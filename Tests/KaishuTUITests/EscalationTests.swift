import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("Escalating and de-escalating")
struct EscalationTests {
    static func store(_ debtor: Debtor, stage: Stage = .phone, outstanding: Money = 300_000) async -> InMemoryCaseStore
    {
        let store = InMemoryCaseStore(calendar: Harness.calendar)
        let due = Harness.today.adding(days: -400)
        let id = await store.addCase(
            debtor: debtor, opened: due,
            claims: [Claim(invoice: "A-1", contractDate: due.adding(days: -30), dueDate: due, amount: outstanding)])
        if stage != .phone {
            await store.record(
                [EventDraft(date: due, fact: .stageChanged(from: .phone, to: stage, reason: nil, court: nil))], to: id)
        }
        return store
    }

    static let fullDebtor = Debtor(
        code: "D1", name: "株式会社山田商事", phones: ["03-0000-0000"], email: "a@example.jp",
        postalCode: "100-0001", address: "東京都千代田区1-1")

    @Test("e shows the next stage and its legal effect; y records the step")
    func escalateOneRung() async throws {
        let h = await Harness(store: await Self.store(Self.fullDebtor))
        await h.press(.char("e"))
        #expect(h.text.contains("phone -> email"))
        #expect(h.text.contains("No effect on limitation"))
        await h.press(.char("y"))
        #expect(h.text.contains("Saved: escalated to email"))
        let file = try #require(await h.store.caseFile(1))
        #expect(CaseState(file: file, calendar: Harness.calendar).stage == .email)
    }

    @Test("any other key cancels the escalation and records nothing")
    func otherKeyCancels() async {
        let h = await Harness(store: await Self.store(Self.fullDebtor))
        await h.press(.char("e"), .char("x"))
        #expect(h.state.overlay == nil)
        #expect(await h.store.appendCount == 0)
    }

    @Test("a guard's refusal is shown and nothing is written")
    func guardRefuses() async {
        var debtor = Self.fullDebtor
        debtor.email = nil
        debtor.address = nil
        let h = await Harness(store: await Self.store(debtor, stage: .email))
        await h.press(.char("e"))
        #expect(h.text.contains("no postal address"))
        await h.press(.char("y"))
        #expect(await h.store.appendCount == 0)
        #expect(!h.text.contains("Saved"))
    }

    @Test("from certified mail the legal routes are offered; small claims is refused above ¥600,000")
    func legalRoutes() async throws {
        let h = await Harness(store: await Self.store(Self.fullDebtor, stage: .certifiedMail, outstanding: 900_000))
        await h.press(.char("e"))
        for route in ["payment-order", "small-claims", "lawsuit", "mediation"] {
            #expect(h.text.contains(route), "route \(route) offered")
        }
        await h.press(.char("2"), .char("y"))
        #expect(await h.store.appendCount == 0)
        #expect(h.text.contains("600,000"))
        await h.press(.char("3"), .char("y"))
        let file = try #require(await h.store.caseFile(1))
        #expect(CaseState(file: file, calendar: Harness.calendar).stage == .lawsuit)
    }

    @Test("E picks a lower stage and requires a reason")
    func deescalate() async throws {
        let h = await Harness(store: await Self.store(Self.fullDebtor, stage: .demandLetter))
        await h.press(.char("E"))
        guard case .stagePicker(_, let stages) = h.state.overlay else {
            Issue.record("no stage picker")
            return
        }
        #expect(stages == [.email, .phone])
        await h.press(.char("2"), .enter)
        #expect(await h.store.appendCount == 0)  // reason required
        await h.type("分割の相談中")
        await h.press(.enter)
        let file = try #require(await h.store.caseFile(1))
        #expect(CaseState(file: file, calendar: Harness.calendar).stage == .phone)
    }
}
