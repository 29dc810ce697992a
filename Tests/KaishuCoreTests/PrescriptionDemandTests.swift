import Testing

@testable import KaishuCore

/// LEGAL.md §5: postponement by demand (催告, 民法150条). The claim of the examples: contract
/// 2022-04-15, due 2022-04-30, last day 2027-04-30.
@Suite("Prescription: demand")
struct PrescriptionDemandTests {
    func claim(_ facts: LegalFact...) -> Limitation {
        prescribe(contract: "2022-04-15", due: "2022-04-30", facts: facts)
    }

    @Test("a demand postpones completion to six months after it reached the debtor: 2027-03-01 → 2027-09-01")
    func demandPostpones() {
        let result = claim(.demand(ymd("2027-03-01")))
        #expect(result.expires == ymd("2027-09-01"))
        #expect(result.says("demand delivered 2027-03-01: completion postponed to 2027-09-01", "民法150条1項"))
    }

    @Test("a further demand during the postponement changes nothing (民法150条2項)")
    func secondDemandDuringPostponement() {
        let result = claim(.demand(ymd("2027-03-01")), .demand(ymd("2027-08-01")))
        #expect(result.expires == ymd("2027-09-01"))
        #expect(result.says("demand delivered 2027-08-01: no effect", "demand of 2027-03-01", "民法150条2項"))
        // Made after the period's own last day: no reading lets it count.
        #expect(result.otherReadings.isEmpty)
    }

    @Test("a demand whose six months end before the period does nothing: 2025-01-01")
    func earlyDemand() {
        let result = claim(.demand(ymd("2025-01-01")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("demand delivered 2025-01-01: its six months end on 2025-07-01", "no change"))
    }

    @Test("a demand long before does not stop a later one from counting")
    func earlyDemandThenLateDemand() {
        let result = claim(.demand(ymd("2025-01-01")), .demand(ymd("2027-03-01")))
        #expect(result.expires == ymd("2027-09-01"))
    }

    @Test("a demand after the claim expired has no effect")
    func demandAfterCompletion() {
        let result = claim(.demand(ymd("2027-05-10")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("demand delivered 2027-05-10: no effect", "already completed at the end of 2027-04-30"))
    }

    @Test("a demand after the postponement ran out has no effect")
    func demandAfterPostponement() {
        let result = claim(.demand(ymd("2027-03-01")), .demand(ymd("2027-09-02")))
        #expect(result.expires == ymd("2027-09-01"))
        #expect(result.says("demand delivered 2027-09-02: no effect", "completed at the end of 2027-09-01"))
    }

    @Test("of several demands before the original last day Kaishu counts the first and names the last (高松高判令和7年4月18日)")
    func severalDemandsBeforeLastDay() {
        let result = claim(.demand(ymd("2027-01-15")), .demand(ymd("2027-03-01")))
        #expect(result.expires == ymd("2027-07-15"))
        #expect(result.says("demand delivered 2027-03-01: no effect", "民法150条2項"))
        #expect(result.says("高松高判令和7年4月18日", "2027-09-01", "earlier date"))
        #expect(result.otherReadings.map(\.expires) == [ymd("2027-09-01")])
        #expect(result.earliestExpires == ymd("2027-07-15"))
    }

    @Test("a demand within six months of one that changed nothing still has no effect on the settled reading")
    func demandInsideAnIneffectiveWindow() {
        // 2026-10-15: six months end 2027-04-15, before 2027-04-30. 2027-03-01 falls inside them.
        let result = claim(.demand(ymd("2026-10-15")), .demand(ymd("2027-03-01")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.otherReadings.map(\.expires) == [ymd("2027-09-01")])
    }

    @Test("a late step that is in time only on the other reading is named")
    func lateStepOnOtherReading() {
        let result = claim(.demand(ymd("2027-01-15")), .demand(ymd("2027-03-01")), .filed(ymd("2027-08-01")))
        #expect(result.expires == ymd("2027-07-15"))
        #expect(result.says("court proceeding filed 2027-08-01: after prescription completed at the end of 2027-07-15"))
        #expect(result.says("on the other reading", "still alive on 2027-08-01"))
    }

    @Test("a demand while a proceeding is pending adds nothing")
    func demandWhilePending() {
        let result = claim(.filed(ymd("2027-02-01")), .demand(ymd("2027-03-01")))
        #expect(result.expires == nil)
        #expect(result.says("demand delivered 2027-03-01: no further effect"))
    }
}
