import Testing

@testable import KaishuCore

@Suite("Late-payment damages with part payments (民法489条: damages first, then principal)")
struct InterestPartPaymentTests {
    let three = InterestRate.percent(3)
    typealias Payment = LateInterestStatement.Payment

    @Test("a payment settles the damages accrued through its day, the rest reduces the principal")
    func damagesFirst() {
        let statement = LateInterestStatement.compute(
            principal: 1_000_000, rate: three, delayBegan: CivilDate(2025, 4, 1),
            payments: [Payment(date: CivilDate(2025, 9, 30), amount: 100_000)],
            through: CivilDate(2026, 3, 31))
        #expect(statement.lines.count == 2)
        #expect(statement.lines[0].damages == 15_041)  // 183 days: 15,041.09…
        #expect(statement.lines[0].toDamages == 15_041)
        #expect(statement.lines[0].toPrincipal == 84_959)
        #expect(statement.lines[1].from == CivilDate(2025, 10, 1))
        #expect(statement.lines[1].principal == 915_041)
        #expect(statement.principalOutstanding == 915_041)
        // 13,688.01… on 915,041 for 182 days, plus the 0.09… yen carried: still 13,688.
        #expect(statement.damagesOutstanding == 13_688)
        #expect(statement.totalOutstanding == 928_729)
        #expect(statement.overpaid == .zero)
    }

    @Test("a payment smaller than the accrued damages leaves the principal untouched")
    func smallPayment() {
        let statement = LateInterestStatement.compute(
            principal: 1_000_000, rate: three, delayBegan: CivilDate(2025, 4, 1),
            payments: [Payment(date: CivilDate(2025, 9, 30), amount: 5_000)],
            through: CivilDate(2026, 3, 31))
        #expect(statement.principalOutstanding == 1_000_000)
        #expect(statement.damagesOutstanding == 25_000)  // 30,000 for the year, less 5,000
    }

    @Test("a payment before the delay began reduces the principal directly")
    func earlyPayment() {
        let statement = LateInterestStatement.compute(
            principal: 1_000_000, rate: three, delayBegan: CivilDate(2025, 4, 1),
            payments: [Payment(date: CivilDate(2025, 3, 15), amount: 400_000)],
            through: CivilDate(2026, 3, 31))
        #expect(statement.principalOutstanding == 600_000)
        #expect(statement.damagesOutstanding == 18_000)  // one whole year on 600,000
    }

    @Test("paying everything owed on a day ends the damages; more is reported as overpaid")
    func fullPayment() {
        let statement = LateInterestStatement.compute(
            principal: 1_000_000, rate: three, delayBegan: CivilDate(2025, 4, 1),
            payments: [Payment(date: CivilDate(2026, 3, 31), amount: 1_040_000)],
            through: CivilDate(2026, 6, 30))
        #expect(statement.lines[0].toDamages == 30_000)
        #expect(statement.principalOutstanding == .zero)
        #expect(statement.damagesOutstanding == .zero)
        #expect(statement.overpaid == 10_000)
    }

    @Test("without payments the statement equals the plain computation")
    func noPayments() {
        let statement = LateInterestStatement.compute(
            principal: 1_000_000, rate: three, delayBegan: CivilDate(2024, 5, 1), payments: [],
            through: CivilDate(2026, 3, 15))
        #expect(statement.damagesOutstanding == 56_219)
    }
}
