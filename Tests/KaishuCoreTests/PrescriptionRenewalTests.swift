import Testing

@testable import KaishuCore

/// LEGAL.md §4: renewal (更新) — acknowledgment, partial payment, judgment.
@Suite("Prescription: renewal")
struct PrescriptionRenewalTests {
    @Test("a partial payment restarts a period of the same length from the next day: payment 2025-01-10 → 2030-01-10")
    func partialPayment() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", facts: [.payment(ymd("2025-01-10"))])
        #expect(result.expires == ymd("2030-01-10"))
        #expect(result.start == ymd("2022-05-01"))
        #expect(
            result.says("partial payment 2025-01-10: renewal", "starts 2025-01-11", "last day 2030-01-10", "民法152条1項"))
    }

    @Test("an acknowledgment restarts the period like a payment (民法152条1項)")
    func acknowledgment() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.acknowledgment(ymd("2026-11-30"))])
        #expect(result.expires == ymd("2031-11-30"))
        #expect(!result.acknowledgedAfterCompletion)
    }

    @Test("an acknowledgment on the last day is still in time")
    func acknowledgmentOnLastDay() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.acknowledgment(ymd("2027-04-30"))])
        #expect(result.expires == ymd("2032-04-30"))
        #expect(!result.acknowledgedAfterCompletion)
    }

    @Test("each renewal restarts from the latest acknowledgment")
    func repeatedRenewal() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.payment(ymd("2025-01-10")), .payment(ymd("2029-06-05")), .acknowledgment(ymd("2033-02-01"))])
        #expect(result.expires == ymd("2038-02-01"))
    }

    @Test("an old-law claim keeps its old length when renewed after 2020-04-01 (附則10条4項)")
    func oldLawKeepsLength() {
        let result = prescribe(
            contract: "2019-06-01", due: "2019-06-30", kind: .retail, facts: [.acknowledgment(ymd("2020-10-01"))])
        #expect(result.expires == ymd("2022-10-01"))
        #expect(result.says("new 2-year period", "the old-law length is kept", "民法152条1項", "改正法附則10条4項"))
    }

    @Test("an acknowledgment before 2020-04-01 on an old-law claim interrupts under the old law (旧民法147条3号・157条1項)")
    func oldLawInterruption() {
        let result = prescribe(
            contract: "2019-06-01", due: "2019-06-30", kind: .retail, facts: [.payment(ymd("2020-01-15"))])
        #expect(result.expires == ymd("2022-01-15"))
        #expect(result.says("partial payment 2020-01-15: renewal", "旧民法147条3号", "157条1項", "改正法附則10条2項"))
    }

    @Test("after completion an acknowledgment does not restart the clock, and the claim is marked (最判昭和41年4月20日)")
    func acknowledgmentAfterCompletion() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.acknowledgment(ymd("2027-06-01"))])
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.acknowledgedAfterCompletion)
        #expect(
            result.says(
                "acknowledgment 2027-06-01: after prescription completed at the end of 2027-04-30", "does not restart"))
        #expect(
            result.says(
                "expired — collectable only if the debtor does not invoke prescription", "民法145条", "最判昭和41年4月20日"))
    }

    @Test("a payment after completion is an acknowledgment after completion too")
    func paymentAfterCompletion() {
        let result = prescribe(
            contract: "2019-06-01", due: "2019-06-30", kind: .retail, facts: [.payment(ymd("2021-07-01"))])
        #expect(result.expires == ymd("2021-06-30"))
        #expect(result.acknowledgedAfterCompletion)
    }

    @Test("a final judgment renews for ten years from the day after it became final: 2026-06-15 → 2036-06-15")
    func judgmentTenYears() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", facts: [.judgment(ymd("2026-06-15"))])
        #expect(result.expires == ymd("2036-06-15"))
        #expect(
            result.says(
                "judgment or equivalent final 2026-06-15: renewal", "starts 2026-06-16", "2036-06-15", "民法147条2項",
                "169条1項"))
    }

    @Test("the stricter reading of a judgment's ten years is named, and is the earliest date")
    func judgmentStricterReading() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", facts: [.judgment(ymd("2026-06-15"))])
        #expect(result.says("stricter reading", "ends on 2036-06-14"))
        #expect(result.otherReadings.contains { $0.expires == ymd("2036-06-14") })
        #expect(result.earliestExpires == ymd("2036-06-14"))
    }

    @Test("a step on the last day of a judgment's ten years is in time, but the stricter reading is flagged")
    func stepOnJudgmentLastDay() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.judgment(ymd("2026-06-15")), .filed(ymd("2036-06-15"))])
        #expect(result.expires == nil)
        #expect(result.says("on the stricter reading", "completed at the end of 2036-06-14, before 2036-06-15"))
    }

    @Test("a judgment gives ten years even to a one-year old-law claim, and later renewals keep ten (民法169条)")
    func judgmentOverridesShortPeriod() {
        let judged = prescribe(
            contract: "2019-05-01", due: "2019-05-31", kind: .hospitality,
            facts: [.filed(ymd("2020-02-01")), .judgment(ymd("2020-09-01"))])
        #expect(judged.expires == ymd("2030-09-01"))
        // Filed before 2020-04-01 on an old-law claim: the old articles.
        #expect(judged.says("旧民法157条2項", "174条の2第1項"))

        let renewed = prescribe(
            contract: "2019-05-01", due: "2019-05-31", kind: .hospitality,
            facts: [.filed(ymd("2020-02-01")), .judgment(ymd("2020-09-01")), .payment(ymd("2029-01-10"))])
        #expect(renewed.expires == ymd("2039-01-10"))
        #expect(renewed.says("new 10-year period", "旧民法174条の2第1項"))
    }

    @Test("a judgment after completion still confirms the right: the debtor did not invoke prescription")
    func judgmentAfterCompletion() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.acknowledgment(ymd("2027-06-01")), .judgment(ymd("2028-01-10"))])
        #expect(result.expires == ymd("2038-01-10"))
        #expect(!result.acknowledgedAfterCompletion)
        #expect(result.says("had completed at the end of 2027-04-30", "the judgment confirms the right"))
    }

    @Test("a renewal clears the postponements and readings of the completion that no longer comes")
    func renewalClearsPostponement() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.demand(ymd("2027-01-15")), .demand(ymd("2027-03-01")), .payment(ymd("2027-06-01"))])
        #expect(result.expires == ymd("2032-06-01"))
        #expect(result.otherReadings.isEmpty)
        // A demand five years later is a first demand again.
        let later = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.demand(ymd("2027-03-01")), .payment(ymd("2027-06-01")), .demand(ymd("2032-03-01"))])
        #expect(later.expires == ymd("2032-09-01"))
    }
}
