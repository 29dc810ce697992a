import Testing

@testable import KaishuCore

/// LEGAL.md §5: postponement by a written agreement to negotiate (民法151条). The claim of the
/// examples: contract 2022-04-15, due 2022-04-30, last day 2027-04-30.
@Suite("Prescription: agreement to negotiate")
struct PrescriptionAgreementTests {
    func claim(_ facts: LegalFact...) -> Limitation {
        prescribe(contract: "2022-04-15", due: "2022-04-30", facts: facts)
    }

    @Test("an agreement to negotiate postpones completion to one year after it (民法151条1項1号)")
    func oneYear() {
        let result = claim(.agreement(ymd("2027-04-01"), until: nil))
        #expect(result.expires == ymd("2028-04-01"))
        #expect(
            result.says("agreement to negotiate in writing 2027-04-01: completion postponed to 2028-04-01", "151条1項1号"))
    }

    @Test("a shorter agreed negotiation period ends the postponement at its end (民法151条1項2号)")
    func shorterAgreedPeriod() {
        let result = claim(.agreement(ymd("2027-04-01"), until: ymd("2027-10-31")))
        #expect(result.expires == ymd("2027-10-31"))
        #expect(result.says("2027-10-31", "151条1項2号"))
    }

    @Test("an agreed period of a year or more gives one year")
    func longAgreedPeriod() {
        let result = claim(.agreement(ymd("2027-04-01"), until: ymd("2028-12-31")))
        #expect(result.expires == ymd("2028-04-01"))
        #expect(result.says("not shorter than one year"))
    }

    @Test("a written refusal ends the postponement six months after it (民法151条1項3号)")
    func refusal() {
        let result = claim(.agreement(ymd("2027-04-01"), until: nil), .refusal(ymd("2027-06-10")))
        #expect(result.expires == ymd("2027-12-10"))
        #expect(result.says("written refusal to negotiate 2027-06-10", "now ends on 2027-12-10", "151条1項3号"))
    }

    @Test("a refusal whose six months end after the agreed period changes nothing")
    func refusalAfterShortPeriod() {
        let result = claim(.agreement(ymd("2027-04-01"), until: ymd("2027-06-30")), .refusal(ymd("2027-06-01")))
        #expect(result.expires == ymd("2027-06-30"))
        #expect(result.says("written refusal to negotiate 2027-06-01", "no change"))
    }

    @Test("a refusal with no agreement running has no effect")
    func refusalWithoutAgreement() {
        let result = claim(.refusal(ymd("2027-03-01")))
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("no agreement to negotiate was postponing completion"))
    }

    @Test("agreements renewed during the postponement never reach beyond five years after the natural end (民法151条2項)")
    func fiveYearCap() {
        let renewals: [LegalFact] = [
            .agreement(ymd("2027-04-01"), until: nil), .agreement(ymd("2028-03-01"), until: nil),
            .agreement(ymd("2029-02-01"), until: nil), .agreement(ymd("2030-01-01"), until: nil),
            .agreement(ymd("2030-12-01"), until: nil),
        ]
        let five = prescribe(contract: "2022-04-15", due: "2022-04-30", facts: renewals)
        #expect(five.expires == ymd("2031-12-01"))
        #expect(five.says("2028-03-01, made while the previous one postponed completion", "151条2項"))

        let six = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: renewals + [.agreement(ymd("2031-11-01"), until: nil)])
        #expect(six.expires == ymd("2032-04-30"))
        #expect(six.says("capped at five years after 2027-04-30", "151条2項ただし書"))
    }

    @Test("an agreement made before 2020-04-01 does not postpone (附則10条3項)")
    func agreementBeforeReform() {
        let result = prescribe(
            contract: "2015-01-10", due: "2015-01-31", facts: [.agreement(ymd("2020-01-10"), until: nil)])
        #expect(result.expires == ymd("2020-01-31"))
        #expect(result.says("agreement to negotiate in writing 2020-01-10: no effect", "改正法附則10条3項"))
    }

    @Test("an old-law claim is postponed by an agreement made from 2020-04-01 (附則10条2項・3項)")
    func oldLawClaimNewAgreement() {
        let result = prescribe(
            contract: "2016-03-01", due: "2016-03-31", facts: [.agreement(ymd("2021-03-01"), until: nil)])
        #expect(result.law == .old)
        #expect(result.expires == ymd("2022-03-01"))
    }

    @Test("a demand during an agreement's postponement does not postpone further (民法151条3項)")
    func demandDuringAgreement() {
        let result = claim(.agreement(ymd("2027-04-01"), until: nil), .demand(ymd("2028-03-01")))
        #expect(result.expires == ymd("2028-04-01"))
        #expect(result.says("demand delivered 2028-03-01: no effect", "agreement to negotiate of 2027-04-01", "151条3項"))
    }

    @Test("an agreement during a demand's postponement has no effect (民法151条3項)")
    func agreementDuringDemand() {
        let result = claim(.demand(ymd("2027-03-01")), .agreement(ymd("2027-05-01"), until: nil))
        #expect(result.expires == ymd("2027-09-01"))
        #expect(
            result.says("agreement to negotiate in writing 2027-05-01: no effect", "demand of 2027-03-01", "151条3項"))
        #expect(result.otherReadings.isEmpty)
    }

    @Test("an agreement after a demand but before the period's own last day: the other reading is named")
    func agreementAfterDemandBeforeLastDay() {
        let result = claim(.demand(ymd("2027-03-01")), .agreement(ymd("2027-04-10"), until: nil))
        #expect(result.expires == ymd("2027-09-01"))
        #expect(result.otherReadings.map(\.expires) == [ymd("2028-04-10")])
    }

    @Test("an agreement after completion, or while a proceeding is pending, adds nothing")
    func agreementTooLate() {
        let late = claim(.agreement(ymd("2027-05-01"), until: nil))
        #expect(late.expires == ymd("2027-04-30"))
        #expect(late.says("agreement to negotiate in writing 2027-05-01: no effect", "already completed"))
        let pending = claim(.filed(ymd("2027-03-01")), .agreement(ymd("2027-04-01"), until: nil))
        #expect(pending.expires == nil)
        #expect(pending.says("no further effect"))
    }
}
