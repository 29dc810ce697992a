import Testing

@testable import KaishuCore

@Suite("Workflow: the collection ladder")
struct WorkflowTests {
    let today = CivilDate(2026, 11, 23)

    func builder(amount: Money = 500_000, debtor: Debtor = CaseBuilder.defaultDebtor) -> CaseBuilder {
        CaseBuilder(
            debtor: debtor, opened: CivilDate(2026, 6, 1),
            claims: [claim(contract: CivilDate(2026, 3, 1), due: CivilDate(2026, 4, 30), amount: amount)])
    }

    @Test("escalation climbs phone → email → demand letter → certified mail one rung at a time")
    func climbsTheLadder() throws {
        var b = builder()
        for expected in [Stage.email, .demandLetter, .certifiedMail] {
            try b.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
            #expect(b.state.stage == expected)
        }
    }

    @Test("from certified mail the collector must choose a legal route")
    func legalRouteMustBeChosen() throws {
        var b = builder()
        try b.perform(.escalate(to: .certifiedMail, reason: nil, court: nil, override: false), today: today)
        #expect(Workflow.nextStages(after: .certifiedMail) == [.paymentOrder, .smallClaims, .lawsuit, .mediation])
        #expect(throws: Refusal.self) {
            try b.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        }
        for route in Stage.legalRoutes {
            var c = b
            try c.perform(.escalate(to: route, reason: nil, court: "東京簡易裁判所", override: false), today: today)
            #expect(c.state.stage == route)
            #expect(c.state.court == "東京簡易裁判所")
        }
    }

    @Test("every legal route leads to enforcement, which needs a judgment first")
    func enforcementNeedsJudgment() throws {
        var b = builder()
        try b.perform(.escalate(to: .lawsuit, reason: nil, court: "東京地方裁判所", override: false), today: today)
        #expect(Workflow.nextStages(after: .lawsuit) == [.enforcement])
        let refusal = Workflow.guardRefusal(b.state, to: .enforcement, override: false)
        #expect(refusal?.reason.contains("債務名義") == true)
        try b.perform(.judgment(on: today, note: nil), today: today)
        try b.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        #expect(b.state.stage == .enforcement)
        #expect(Workflow.nextStages(after: .enforcement).isEmpty)
    }

    @Test("small claims is refused above ¥600,000 outstanding (民事訴訟法368条)")
    func smallClaimsCap() throws {
        let atCap = builder(amount: 600_000).state
        #expect(Workflow.guardRefusal(atCap, to: .smallClaims, override: false) == nil)
        let above = builder(amount: 600_001).state
        let refusal = try #require(Workflow.guardRefusal(above, to: .smallClaims, override: false))
        #expect(refusal.reason.contains("600,000"))
    }

    @Test("a payment order needs a known domestic address (民事訴訟法382条)")
    func paymentOrderNeedsDomesticAddress() {
        var abroad = CaseBuilder.defaultDebtor
        abroad.isDomestic = false
        #expect(Workflow.guardRefusal(builder(debtor: abroad).state, to: .paymentOrder, override: false) != nil)
        var unknown = CaseBuilder.defaultDebtor
        unknown.address = nil
        #expect(Workflow.guardRefusal(builder(debtor: unknown).state, to: .paymentOrder, override: false) != nil)
        #expect(Workflow.guardRefusal(builder().state, to: .paymentOrder, override: false) == nil)
    }

    @Test("certified mail needs a postal address")
    func certifiedMailNeedsAddress() {
        var noAddress = CaseBuilder.defaultDebtor
        noAddress.address = ""
        let refusal = Workflow.guardRefusal(builder(debtor: noAddress).state, to: .certifiedMail, override: false)
        #expect(refusal?.reason.contains("postal address") == true)
    }

    @Test("email escalation needs an email address")
    func emailNeedsAddress() {
        var noEmail = CaseBuilder.defaultDebtor
        noEmail.email = nil
        #expect(Workflow.guardRefusal(builder(debtor: noEmail).state, to: .email, override: false) != nil)
    }

    @Test("nothing escalates while disputed or on hold without an explicit override")
    func disputeAndHoldBlock() throws {
        var disputed = builder()
        try disputed.perform(.setDisputed(true, reason: "納品数が違うとのこと"), today: today)
        #expect(throws: Refusal.self) {
            try disputed.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        }
        try disputed.perform(
            .escalate(to: nil, reason: "confirmed with sales", court: nil, override: true), today: today)
        #expect(disputed.state.stage == .email)

        var held = builder()
        try held.perform(.setHold(true, reason: nil), today: today)
        #expect(throws: Refusal.self) {
            try held.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        }
        try held.perform(.setHold(false, reason: nil), today: today)
        try held.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        #expect(held.state.stage == .email)
    }

    @Test("de-escalation needs a reason and a lower stage")
    func deescalation() throws {
        var b = builder()
        try b.perform(.escalate(to: .certifiedMail, reason: nil, court: nil, override: false), today: today)
        #expect(throws: Refusal.self) { try b.perform(.deescalate(to: .phone, reason: "  "), today: today) }
        #expect(throws: Refusal.self) { try b.perform(.deescalate(to: .lawsuit, reason: "x"), today: today) }
        try b.perform(.deescalate(to: .phone, reason: "debtor called back, wants to talk"), today: today)
        #expect(b.state.stage == .phone)
    }

    @Test("escalating to a court route records a filing; stepping back records the proceeding's end")
    func courtRouteFilingAndWithdrawal() throws {
        var b = builder()
        try b.perform(.escalate(to: .paymentOrder, reason: nil, court: "大阪簡易裁判所", override: false), today: today)
        #expect(b.state.claims[0].legalFacts == [.filed(today)])
        #expect(b.state.expires == nil)
        let later = today.adding(days: 30)
        try b.perform(.deescalate(to: .certifiedMail, reason: "withdrawn after objection"), today: later)
        #expect(b.state.claims[0].legalFacts == [.filed(today), .withdrawn(later)])
    }

    @Test("outcomes close the case and nothing escalates afterwards")
    func outcomesClose() throws {
        var b = builder()
        try b.perform(.resolve(.writtenOff, reason: "破産手続終結"), today: today)
        #expect(b.state.isClosed)
        #expect(throws: Refusal.self) {
            try b.perform(.escalate(to: nil, reason: nil, court: nil, override: false), today: today)
        }
        #expect(throws: Refusal.self) { try b.perform(.pay(amount: 1000, on: today), today: today) }
    }

    @Test("a case cannot be resolved as paid while money is outstanding")
    func paidNeedsZeroBalance() {
        let b = builder()
        #expect(throws: Refusal.self) { try CaseAction.resolve(.paid, reason: nil).decide(b.state, today: today) }
    }

    @Test("escalation options carry their legal effect and any refusal")
    func optionsDescribeEffects() throws {
        var b = builder(amount: 700_000)
        try b.perform(.escalate(to: .certifiedMail, reason: nil, court: nil, override: false), today: today)
        let options = Workflow.escalationOptions(for: b.state, today: today)
        #expect(options.map(\.to) == Stage.legalRoutes)
        #expect(options.first { $0.to == .smallClaims }?.refusal != nil)
        #expect(options.first { $0.to == .paymentOrder }?.refusal == nil)
        #expect(options.allSatisfy { !$0.effect.isEmpty })
        #expect(LegalEffect.of(moving: .demandLetter, to: .certifiedMail).sentence.contains("民法150条"))
    }

    @Test("every stage has a legal-effect sentence for every move into it")
    func everyMoveHasAnEffect() {
        for from in Stage.allCases {
            for to in Stage.allCases where to != from {
                #expect(!LegalEffect.of(moving: from, to: to).sentence.isEmpty)
            }
        }
    }
}
