import Testing

@testable import KaishuCore

/// LEGAL.md §5: court proceedings (民法147条). The claim of the examples: contract 2022-04-15,
/// due 2022-04-30, last day 2027-04-30.
@Suite("Prescription: court proceedings")
struct PrescriptionProceedingTests {
    func claim(_ facts: LegalFact...) -> Limitation {
        prescribe(contract: "2022-04-15", due: "2022-04-30", facts: facts)
    }

    @Test("while a court proceeding is pending there is no expiry date (民法147条1項)")
    func pending() {
        let result = claim(.filed(ymd("2027-04-01")))
        #expect(result.expires == nil)
        #expect(result.daysLeft(today: ymd("2027-05-01")) == nil)
        #expect(result.earliestExpires == nil)
        #expect(!result.hasExpired(on: ymd("2040-01-01")))
        #expect(
            result.says(
                "court proceeding filed 2027-04-01: completion postponed while the proceeding is pending", "民法147条1項"))
        #expect(result.says("no expiry date"))
    }

    @Test("a proceeding that ended without judgment postpones completion to six months after it ended")
    func withdrawnSixMonths() {
        let result = claim(.filed(ymd("2027-04-01")), .withdrawn(ymd("2027-06-15")))
        #expect(result.expires == ymd("2027-12-15"))
        #expect(result.says("2027-06-15", "completion postponed to 2027-12-15", "147条1項括弧書"))
    }

    @Test("a proceeding that ended long before the period's end changes nothing")
    func withdrawnEarly() {
        let result = claim(.filed(ymd("2024-01-10")), .withdrawn(ymd("2024-03-01")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("its six months end on 2024-09-01", "no change"))
    }

    @Test("a proceeding that ends in judgment renews for ten years: filed 2026-01-10, final 2026-06-15 → 2036-06-15")
    func filedThenJudgment() {
        let result = claim(.filed(ymd("2026-01-10")), .judgment(ymd("2026-06-15")))
        #expect(result.expires == ymd("2036-06-15"))
        // 2036-06-15 is a Sunday: the 民法142条 date is named but not applied.
        #expect(result.says("2036-06-15 is a Sunday", "would move it to 2036-06-16"))
        #expect(result.earliestExpires == ymd("2036-06-14"))
    }

    @Test("a filing after completion postpones nothing")
    func filingAfterCompletion() {
        let result = claim(.filed(ymd("2027-05-10")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("court proceeding filed 2027-05-10: after prescription completed", "民法145条"))
    }

    @Test("a filing during a demand's postponement is in time")
    func filingDuringDemand() {
        let pending = claim(.demand(ymd("2027-03-01")), .filed(ymd("2027-08-15")))
        #expect(pending.expires == nil)
        let ended = claim(.demand(ymd("2027-03-01")), .filed(ymd("2027-08-15")), .withdrawn(ymd("2027-10-01")))
        #expect(ended.expires == ymd("2028-04-01"))
    }

    @Test("an acknowledgment while a proceeding is pending renews, but there is no expiry date until it ends")
    func acknowledgmentWhilePending() {
        let pending = claim(.filed(ymd("2027-03-01")), .acknowledgment(ymd("2027-04-10")))
        #expect(pending.expires == nil)
        #expect(pending.says("still pending"))
        let ended = claim(.filed(ymd("2027-03-01")), .acknowledgment(ymd("2027-04-10")), .withdrawn(ymd("2027-05-01")))
        #expect(ended.expires == ymd("2032-04-10"))
    }

    @Test("a demand in the six months after a proceeding ended is given no effect, the earlier date")
    func demandAfterProceedingEnded() {
        let result = claim(.filed(ymd("2027-04-01")), .withdrawn(ymd("2027-06-15")), .demand(ymd("2027-11-01")))
        #expect(result.expires == ymd("2027-12-15"))
        #expect(result.says("demand delivered 2027-11-01: no effect", "earlier date"))
        #expect(result.otherReadings.map(\.expires) == [ymd("2028-05-01")])
    }

    @Test("a second filing while one is pending, or an end with none pending, changes nothing")
    func redundantCourtEvents() {
        let twice = claim(.filed(ymd("2027-03-01")), .filed(ymd("2027-04-01")), .withdrawn(ymd("2027-06-15")))
        #expect(twice.expires == ymd("2027-12-15"))
        #expect(twice.says("already pending"))
        let none = claim(.withdrawn(ymd("2027-03-01")))
        #expect(none.expires == ymd("2027-04-30"))
        #expect(none.says("no court proceeding was pending"))
    }
}
