import Testing

@testable import KaishuCore

@Suite("Case actions: what a collector records")
struct CaseActionTests {
    let today = CivilDate(2026, 11, 23)  // a Monday

    func builder() -> CaseBuilder {
        CaseBuilder(
            opened: CivilDate(2026, 6, 1),
            claims: [
                claim("A", contract: CivilDate(2026, 1, 10), due: CivilDate(2026, 2, 28), amount: 300_000),
                claim("B", contract: CivilDate(2026, 3, 10), due: CivilDate(2026, 4, 30), amount: 200_000),
            ])
    }

    @Test("a payment is applied to the oldest due claim first (民法488条4項)")
    func paymentAllocation() throws {
        var b = builder()
        try b.perform(.pay(amount: 350_000, on: today), today: today)
        #expect(b.state.claims[0].outstanding == 0)
        #expect(b.state.claims[1].outstanding == 150_000)
        #expect(b.state.outstanding == 150_000)
    }

    @Test("a partial payment acknowledges only the claims it reached")
    func paymentAcknowledgesReachedClaims() throws {
        var b = builder()
        try b.perform(.pay(amount: 100_000, on: today), today: today)
        #expect(b.state.claims[0].legalFacts == [.payment(today)])
        #expect(b.state.claims[1].legalFacts.isEmpty)
    }

    @Test("paying the whole balance closes the case as paid")
    func fullPaymentCloses() throws {
        var b = builder()
        try b.perform(.pay(amount: 500_000, on: today), today: today)
        #expect(b.state.stage == .paid)
        #expect(b.state.isClosed)
    }

    @Test("payments of zero, more than outstanding, or dated in the future are refused")
    func badPayments() {
        let state = builder().state
        #expect(throws: Refusal.self) { try CaseAction.pay(amount: 0, on: today).decide(state, today: today) }
        #expect(throws: Refusal.self) { try CaseAction.pay(amount: -5, on: today).decide(state, today: today) }
        #expect(throws: Refusal.self) { try CaseAction.pay(amount: 500_001, on: today).decide(state, today: today) }
        #expect(throws: Refusal.self) {
            try CaseAction.pay(amount: 1, on: today.adding(days: 1)).decide(state, today: today)
        }
    }

    @Test("a promise needs a positive amount no larger than outstanding and a date not in the past")
    func promiseValidation() throws {
        let state = builder().state
        func promise(_ date: CivilDate, _ amount: Money) -> CaseAction {
            .logContact(ContactLog(outcome: .promised, promise: Promise(date: date, amount: amount)), on: today)
        }
        #expect(throws: Refusal.self) { try promise(today.adding(days: 7), 0).decide(state, today: today) }
        #expect(throws: Refusal.self) { try promise(today.adding(days: 7), 600_000).decide(state, today: today) }
        #expect(throws: Refusal.self) { try promise(today.adding(days: -1), 1000).decide(state, today: today) }
        #expect(throws: Refusal.self) {
            try CaseAction.logContact(ContactLog(outcome: .promised), on: today).decide(state, today: today)
        }
        #expect(try promise(today.adding(days: 7), 100_000).decide(state, today: today).count == 1)
    }

    @Test("a promise is broken once its date passes without the promised amount")
    func brokenPromise() throws {
        var b = builder()
        let date = CivilDate(2026, 11, 30)
        try b.perform(
            .logContact(
                ContactLog(outcome: .promised, text: "月末に振込", promise: Promise(date: date, amount: 100_000)), on: today),
            today: today)
        #expect(b.state.promiseIsBroken(today: date) == false)
        #expect(b.state.promiseIsBroken(today: date.adding(days: 1)))
        #expect(b.state.tier(today: date.adding(days: 1)) == .brokenPromise)
        try b.perform(.pay(amount: 60_000, on: date), today: date)
        #expect(b.state.promise != nil)
        try b.perform(.pay(amount: 40_000, on: date), today: date)
        #expect(b.state.promise == nil, "a promise kept by payments summing to its amount is cleared")
    }

    @Test("the next action follows from the call outcome, on business days")
    func nextActionFromOutcome() throws {
        let friday = CivilDate(2026, 11, 27)
        func next(_ log: ContactLog) throws -> CivilDate? {
            var b = builder()
            try b.perform(.logContact(log, on: friday), today: friday)
            return b.state.nextAction
        }
        #expect(try next(ContactLog(outcome: .noAnswer)) == CivilDate(2026, 11, 30))  // Monday
        #expect(try next(ContactLog(outcome: .leftMessage)) == CivilDate(2026, 12, 1))
        #expect(try next(ContactLog(outcome: .saysPaid)) == CivilDate(2026, 12, 2))
        #expect(
            try next(ContactLog(outcome: .callback, callbackOn: CivilDate(2026, 11, 28))) == CivilDate(2026, 11, 30))
        #expect(
            try next(ContactLog(outcome: .promised, promise: Promise(date: CivilDate(2026, 12, 4), amount: 1000)))
                == CivilDate(2026, 12, 7))
        #expect(try next(ContactLog(outcome: .noAnswer)).map(plainCalendar.isBusinessDay) == true)
    }

    @Test("a disputed call marks the case disputed")
    func disputedCall() throws {
        var b = builder()
        try b.perform(.logContact(ContactLog(outcome: .disputed, text: "品質に不満"), on: today), today: today)
        #expect(b.state.disputed)
    }

    @Test("control characters and escape sequences in notes never reach the log raw")
    func notesAreCleaned() throws {
        var b = builder()
        try b.perform(
            .logContact(ContactLog(outcome: .noAnswer, text: "\u{1B}[2J担当\u{7}者不在\u{0}"), on: today), today: today)
        guard case .contact(let log) = b.state.effectiveEvents.last?.fact else {
            Issue.record("no contact recorded")
            return
        }
        #expect(!log.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(log.text.contains("担当"))
    }

    @Test("a correction voids the event it names and may replace it; the log keeps both")
    func corrections() throws {
        var b = builder()
        try b.perform(.pay(amount: 100_000, on: today), today: today)
        let paymentSeq = b.file.events.last!.seq
        try b.perform(
            .correct(seq: paymentSeq, replacement: .payment(amount: 10_000), reason: "typo: ¥10,000"), today: today)
        #expect(b.state.outstanding == 490_000)
        #expect(b.file.events.count == 5)
        try b.perform(.correct(seq: paymentSeq, replacement: nil, reason: "payment bounced"), today: today)
        #expect(b.state.outstanding == 500_000)
        #expect(throws: Refusal.self) {
            try CaseAction.correct(seq: 999, replacement: nil, reason: "x").decide(b.state, today: today)
        }
    }

    @Test("disputes, holds and reschedules toggle only when they change something")
    func toggles() throws {
        var b = builder()
        #expect(throws: Refusal.self) { try b.perform(.setDisputed(false, reason: nil), today: today) }
        try b.perform(.setHold(true, reason: "社長入院中"), today: today)
        #expect(b.state.onHold)
        #expect(throws: Refusal.self) { try b.perform(.setHold(true, reason: nil), today: today) }
        #expect(throws: Refusal.self) {
            try b.perform(.reschedule(to: today.adding(days: -1), reason: nil), today: today)
        }
        try b.perform(.reschedule(to: CivilDate(2026, 12, 10), reason: nil), today: today)
        #expect(b.state.nextAction == CivilDate(2026, 12, 10))
    }
}
