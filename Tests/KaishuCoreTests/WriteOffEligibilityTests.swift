import Testing

@testable import KaishuCore

@Suite("Write-off eligibility (法人税基本通達9-6-1〜9-6-3)")
struct WriteOffEligibilityTests {
    @Test("formal: one full year after the last payment, written down to the 1-yen memo value")
    func oneYearAfterPayment() {
        let facts = WriteOffFacts(
            outstanding: 250_000, lastTransaction: CivilDate(2023, 11, 30),
            lastPayment: CivilDate(2024, 3, 10))
        let early = WriteOff.assess(facts, today: CivilDate(2025, 3, 10))
        #expect(!early.eligible)
        #expect(early.formalEligibleFrom == CivilDate(2025, 3, 11))
        #expect(early.notMet.contains { $0.contains("eligible from 2025-03-11") })
        let due = WriteOff.assess(facts, today: CivilDate(2025, 3, 11))
        #expect(due.eligible)
        #expect(due.ground == .formal)
        #expect(due.writeOffAmount == 249_999)
        #expect(due.remainingBookValue == WriteOff.memoValue)
        #expect(due.remainingBookValue == 1)
    }

    @Test(
        "formal: the year runs from the latest of last transaction, last due date and last payment")
    func latestDateCounts() {
        let facts = WriteOffFacts(
            outstanding: 80_000, lastTransaction: CivilDate(2023, 1, 1),
            lastDueDate: CivilDate(2024, 6, 30))
        #expect(WriteOff.assess(facts, today: CivilDate(2025, 6, 30)).eligible == false)
        #expect(WriteOff.assess(facts, today: CivilDate(2025, 7, 1)).eligible)
    }

    @Test("formal: not for a one-off sale, not with collateral, not without any date")
    func formalExclusions() {
        let oneOff = WriteOffFacts(
            outstanding: 80_000, continuingTrade: false, lastPayment: CivilDate(2020, 1, 1))
        #expect(!WriteOff.assess(oneOff, today: CivilDate(2027, 1, 1)).eligible)
        let secured = WriteOffFacts(
            outstanding: 80_000, lastPayment: CivilDate(2020, 1, 1), hasCollateral: true)
        let result = WriteOff.assess(secured, today: CivilDate(2027, 1, 1))
        #expect(!result.eligible)
        #expect(result.notMet.contains { $0.contains("collateral") })
        #expect(
            !WriteOff.assess(WriteOffFacts(outstanding: 80_000), today: CivilDate(2027, 1, 1))
                .eligible)
    }

    @Test("formal: collection cost above the same-area total, after an unanswered demand")
    func costAboveClaim() {
        var facts = WriteOffFacts(
            outstanding: 8_000, lastPayment: CivilDate(2026, 10, 1), estimatedCollectionCost: 12_000
        )
        #expect(!WriteOff.assess(facts, today: CivilDate(2027, 1, 1)).eligible)  // no demand yet
        facts.demandWentUnanswered = true
        let result = WriteOff.assess(facts, today: CivilDate(2027, 1, 1))
        #expect(result.eligible)
        #expect(result.reasons.first?.contains("9-6-3(2)") == true)
        #expect(result.writeOffAmount == 7_999)
        facts.sameAreaOutstanding = 15_000  // other debtors in the same area make the trip worth it
        #expect(!WriteOff.assess(facts, today: CivilDate(2027, 1, 1)).eligible)
    }

    @Test("legal: the amount a plan or waiver cut is written off, from its date")
    func legalCut() {
        let facts = WriteOffFacts(
            outstanding: 500_000,
            legalCut: LegalCut(
                event: .reorganisationOrRehabilitationPlan, date: CivilDate(2026, 11, 20),
                amount: 400_000))
        #expect(!WriteOff.assess(facts, today: CivilDate(2026, 11, 19)).eligible)
        let result = WriteOff.assess(facts, today: CivilDate(2026, 11, 20))
        #expect(result.ground == .legal)
        #expect(result.writeOffAmount == 400_000)
        #expect(result.remainingBookValue == 100_000)
    }

    @Test("factual: the whole amount, and only after collateral is realised")
    func factual() {
        var facts = WriteOffFacts(
            outstanding: 300_000, hasCollateral: true, wholeAmountUncollectable: true)
        #expect(!WriteOff.assess(facts, today: CivilDate(2027, 1, 1)).eligible)
        facts.collateralRealised = true
        let result = WriteOff.assess(facts, today: CivilDate(2027, 1, 1))
        #expect(result.ground == .factual)
        #expect(result.writeOffAmount == 300_000)
        #expect(result.remainingBookValue == .zero)
    }

    @Test("nothing outstanding, nothing to write off")
    func nothingOutstanding() {
        #expect(
            !WriteOff.assess(
                WriteOffFacts(outstanding: .zero, lastPayment: CivilDate(2020, 1, 1)),
                today: CivilDate(2027, 1, 1)
            ).eligible)
    }
}
