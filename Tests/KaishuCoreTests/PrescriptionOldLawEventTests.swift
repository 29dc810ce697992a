import Testing

@testable import KaishuCore

/// Events on old-law claims (改正法附則10条2項): before 2020-04-01 they have the old law's
/// effects, from that day the new rules'. The claim of most examples: commercial, contract
/// 2015-01-10, due 2015-01-31, last day 2020-01-31.
@Suite("Prescription: events on old-law claims")
struct PrescriptionOldLawEventTests {
    func oldClaim(_ facts: LegalFact...) -> Limitation {
        prescribe(contract: "2015-01-10", due: "2015-01-31", facts: facts)
    }

    @Test("an old-law demand before 2020-04-01 keeps the claim alive six months for a suit (旧民法153条)")
    func oldDemand() {
        let result = oldClaim(.demand(ymd("2019-12-20")))
        #expect(result.expires == ymd("2020-06-20"))
        #expect(result.says("demand delivered 2019-12-20", "filed by 2020-06-20", "旧民法153条"))
    }

    @Test("a suit within those six months saves the claim")
    func suitAfterOldDemand() {
        let result = oldClaim(.demand(ymd("2019-12-20")), .filed(ymd("2020-05-01")))
        #expect(result.expires == nil)
        #expect(result.says("filed within six months of the demand of 2019-12-20", "旧民法153条"))
    }

    @Test("an acknowledgment in those six months after the period ended is not a step of 旧民法153条")
    func acknowledgmentAfterOldDemand() {
        let result = oldClaim(.demand(ymd("2019-12-20")), .acknowledgment(ymd("2020-03-01")))
        #expect(result.acknowledgedAfterCompletion)
        #expect(
            result.says("acknowledgment 2020-03-01: after prescription completed at the end of 2020-01-31", "旧民法153条"))
    }

    @Test("a repeated demand within six months had no effect under the old law either (最判平成25年6月6日)")
    func repeatedOldDemand() {
        let result = oldClaim(.demand(ymd("2019-10-01")), .demand(ymd("2019-12-20")))
        #expect(result.expires == ymd("2020-04-01"))
        #expect(result.says("demand delivered 2019-12-20: no effect", "最判平成25年6月6日"))
    }

    @Test("an old-law suit withdrawn did not interrupt prescription (旧民法149条); the other reading is named")
    func oldSuitWithdrawn() {
        let result = oldClaim(.filed(ymd("2019-12-01")), .withdrawn(ymd("2020-03-01")))
        #expect(result.expires == ymd("2020-01-31"))
        #expect(result.says("did not interrupt prescription under the old law", "旧民法149条"))
        #expect(result.says("裁判上の催告", "2020-09-01"))
        #expect(result.otherReadings.map(\.expires) == [ymd("2020-09-01")])
    }

    @Test("an old-law suit filed before 2020-04-01 is an interruption while pending (旧民法147条1号)")
    func oldSuitPending() {
        let result = oldClaim(.filed(ymd("2019-12-01")))
        #expect(result.expires == nil)
        #expect(result.says("prescription interrupted", "旧民法147条1号"))
    }

    @Test("events from 2020-04-01 on an old-law claim follow the new rules (附則10条2項)")
    func newRulesForLaterEvents() {
        let demand = prescribe(
            contract: "2019-06-01", due: "2019-06-30", kind: .retail, facts: [.demand(ymd("2021-03-01"))])
        #expect(demand.expires == ymd("2021-09-01"))
        #expect(demand.says("completion postponed to 2021-09-01", "民法150条1項"))

        let suit = prescribe(
            contract: "2019-06-01", due: "2019-06-30", kind: .retail,
            facts: [.filed(ymd("2021-01-10")), .withdrawn(ymd("2021-05-01"))])
        #expect(suit.expires == ymd("2021-11-01"))
        #expect(suit.says("147条1項括弧書"))
    }
}
