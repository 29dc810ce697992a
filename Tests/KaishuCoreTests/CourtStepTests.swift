import Testing

@testable import KaishuCore

@Suite("Payment-order steps on the case (民事訴訟法391条〜396条)")
struct CourtStepTests {
    /// A case moved to a payment order on 2027-04-01.
    func atPaymentOrder() throws -> CaseBuilder {
        var book = CaseBuilder(
            opened: CivilDate(2026, 1, 10),
            claims: [claim(contract: CivilDate(2025, 11, 1), due: CivilDate(2025, 12, 31))])
        for stage in [Stage.email, .demandLetter, .certifiedMail] {
            try book.perform(
                .escalate(to: stage, reason: nil, court: nil, override: false), today: CivilDate(2027, 3, 1))
        }
        try book.perform(
            .escalate(to: .paymentOrder, reason: nil, court: "東京簡易裁判所", override: false), today: CivilDate(2027, 4, 1))
        return book
    }

    @Test(
        "service starts the objection period; the next action is the first day provisional execution may be applied for"
    )
    func servedSchedulesApplication() throws {
        var book = try atPaymentOrder()
        try book.perform(.courtStep(.paymentOrderServed, on: CivilDate(2027, 4, 21)), today: CivilDate(2027, 4, 22))
        let timeline = try #require(book.state.paymentOrder)
        // 2 weeks end on 2027-05-05 (こどもの日) and move to 2027-05-06 (95条3項).
        #expect(timeline.objection.lastDay == CivilDate(2027, 5, 6))
        #expect(book.state.nextAction == CivilDate(2027, 5, 7))
    }

    @Test("provisional execution cannot be applied for inside the objection period")
    func applicationTooEarly() throws {
        var book = try atPaymentOrder()
        try book.perform(.courtStep(.paymentOrderServed, on: CivilDate(2027, 4, 21)), today: CivilDate(2027, 4, 22))
        #expect(throws: Refusal.self) {
            try book.perform(
                .courtStep(.provisionalExecutionApplied, on: CivilDate(2027, 5, 6)), today: CivilDate(2027, 5, 6))
        }
        try book.perform(
            .courtStep(.provisionalExecutionApplied, on: CivilDate(2027, 5, 7)), today: CivilDate(2027, 5, 7))
        try book.perform(.courtStep(.declarationServed, on: CivilDate(2027, 5, 20)), today: CivilDate(2027, 5, 21))
        #expect(book.state.paymentOrder?.finalOn != nil)
        #expect(book.state.nextAction == book.state.paymentOrder?.finalOn)
    }

    @Test("a court step belongs to a payment order only")
    func onlyAtPaymentOrder() throws {
        var book = CaseBuilder(
            opened: CivilDate(2026, 1, 10),
            claims: [claim(contract: CivilDate(2025, 11, 1), due: CivilDate(2025, 12, 31))])
        #expect(throws: Refusal.self) {
            try book.perform(.courtStep(.paymentOrderServed, on: CivilDate(2026, 2, 1)), today: CivilDate(2026, 2, 1))
        }
    }

    @Test("the 392条 window closing within a week is a warning on the case")
    func lapseWarning() throws {
        var book = try atPaymentOrder()
        try book.perform(.courtStep(.paymentOrderServed, on: CivilDate(2027, 4, 21)), today: CivilDate(2027, 4, 22))
        let lastDay = try #require(book.state.paymentOrder?.provisionalExecution.lastDay)
        let position = CaseLegalPosition(state: book.state, today: lastDay.adding(days: -3))
        #expect(position.deadlines.first?.level == .warning)
    }
}

@Suite("The case's legal position: damages, costs, write-off")
struct CaseLegalPositionTests {
    @Test("damages run from the day after the due date at the statutory rate, payments to damages first (民法489条)")
    func damages() throws {
        var book = CaseBuilder(
            opened: CivilDate(2026, 1, 10),
            claims: [claim(contract: CivilDate(2025, 3, 1), due: CivilDate(2025, 3, 31), amount: 1_000_000)])
        let position = CaseLegalPosition(state: book.state, today: CivilDate(2026, 3, 31))
        // 3 % a year on ¥1,000,000 for exactly one year (2025-04-01 – 2026-03-31).
        #expect(position.damages == Money(30_000))
        try book.perform(.pay(amount: 40_000, on: CivilDate(2026, 3, 31)), today: CivilDate(2026, 3, 31))
        let after = CaseLegalPosition(state: book.state, today: CivilDate(2026, 3, 31))
        let statement = try #require(after.interest.first?.statement)
        #expect(statement.damagesOutstanding == .zero)
        #expect(statement.principalOutstanding == Money(990_000))
    }

    @Test("a step that costs as much as the claim carries the 費用倒れ warning")
    func uneconomicStep() throws {
        var book = CaseBuilder(
            opened: CivilDate(2026, 1, 10),
            claims: [claim(contract: CivilDate(2025, 11, 1), due: CivilDate(2025, 12, 31), amount: 1_000)])
        for stage in [Stage.email, .demandLetter] {
            try book.perform(
                .escalate(to: stage, reason: nil, court: nil, override: false), today: CivilDate(2026, 2, 1))
        }
        let position = CaseLegalPosition(state: book.state, today: CivilDate(2026, 2, 2))
        let certified = try #require(position.nextSteps.first { $0.step == .certifiedMail })
        #expect(certified.isUneconomic)
        #expect(certified.warning?.contains("費用倒れ") == true)
    }

    @Test("a claim due less than a year ago is not a formal write-off candidate (法人税基本通達9-6-3)")
    func writeOffTooEarly() {
        let book = CaseBuilder(
            opened: CivilDate(2026, 1, 10),
            claims: [claim(contract: CivilDate(2025, 11, 1), due: CivilDate(2025, 12, 31))])
        #expect(!CaseLegalPosition(state: book.state, today: CivilDate(2026, 6, 1)).writeOff.eligible)
        #expect(CaseLegalPosition(state: book.state, today: CivilDate(2027, 1, 5)).writeOff.eligible)
    }
}
