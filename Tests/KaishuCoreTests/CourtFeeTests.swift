import Testing

@testable import KaishuCore

@Suite("Court fees (民事訴訟費用等に関する法律 別表第一)")
struct CourtFeeTests {
    let day = CivilDate(2027, 1, 4)

    func fee(_ procedure: CourtProcedure, _ value: Int64) throws -> Int64 {
        try CourtFees.fee(procedure, claimValue: Money(yen: value), on: day).yen
    }

    /// (claim value, lawsuit fee, mediation fee) at every bracket edge, worked out by hand.
    static let edges: [(Int64, Int64, Int64)] = [
        (1, 1_000, 500),
        (100_000, 1_000, 500),
        (100_001, 2_000, 1_000),
        (600_000, 6_000, 3_000),
        (1_000_000, 10_000, 5_000),
        (1_000_001, 11_000, 5_500),
        (1_200_000, 11_000, 5_500),
        (1_200_001, 12_000, 6_000),
        (5_000_000, 30_000, 15_000),
        (5_000_001, 32_000, 16_000),
        (10_000_000, 50_000, 25_000),
        (10_000_001, 53_000, 26_200),
        (100_000_000, 320_000, 133_000),
        (1_000_000_000, 3_020_000, 1_213_000),
        (1_000_000_001, 3_030_000, 1_217_000),
        (5_000_000_000, 11_020_000, 4_413_000),
        (5_000_000_001, 11_030_000, 4_417_000),
        (6_000_000_000, 12_020_000, 4_813_000),
    ]

    @Test("lawsuit fees at every bracket edge, each part rounded up per unit (1の項)")
    func lawsuitEdges() throws {
        for (value, lawsuit, _) in Self.edges {
            #expect(try fee(.lawsuit, value) == lawsuit, "\(value)")
        }
    }

    @Test("a payment order costs half the lawsuit fee (10の項), a multiple of 500 yen")
    func paymentOrderHalf() throws {
        for (value, lawsuit, _) in Self.edges {
            let half = try fee(.paymentOrder, value)
            #expect(half == lawsuit / 2, "\(value)")
            #expect(half % 500 == 0)
        }
    }

    @Test("mediation fees at every bracket edge (14の項)")
    func mediationEdges() throws {
        for (value, _, mediation) in Self.edges {
            #expect(try fee(.mediation, value) == mediation, "\(value)")
        }
    }

    @Test("LEGAL.md examples: 600,000 / 1,000,000 / 5,000,000 yen")
    func legalExamples() throws {
        #expect(
            try [fee(.lawsuit, 600_000), fee(.paymentOrder, 600_000), fee(.mediation, 600_000)] == [
                6_000, 3_000, 3_000,
            ])
        #expect(
            try [
                fee(.lawsuit, 1_000_000), fee(.paymentOrder, 1_000_000), fee(.mediation, 1_000_000),
            ] == [10_000, 5_000, 5_000])
        #expect(
            try [
                fee(.lawsuit, 5_000_000), fee(.paymentOrder, 5_000_000), fee(.mediation, 5_000_000),
            ] == [30_000, 15_000, 15_000])
    }

    @Test("small claims costs the lawsuit fee and is refused above 600,000 yen")
    func smallClaims() throws {
        #expect(try fee(.smallClaims, 600_000) == 6_000)
        #expect(throws: Refusal.self) { try fee(.smallClaims, 600_001) }
    }

    @Test("a claim value below 1 yen is refused")
    func nonPositive() {
        #expect(throws: Refusal.self) { try fee(.lawsuit, 0) }
        #expect(throws: Refusal.self) { try fee(.mediation, -5) }
    }

    @Test("the table in force is chosen by date; before the earliest there is none")
    func datedTables() throws {
        let doubled = CourtFeeTable(
            effectiveFrom: CivilDate(2030, 1, 1),
            lawsuit: FeeSchedule(brackets: [FeeBracket(upTo: nil, unit: 100_000, feePerUnit: 2_000)]
            ),
            mediation: CourtFeeTable.since2004.mediation)
        let fees = CourtFees(tables: [.since2004, doubled])
        #expect(try fees.fee(.lawsuit, claimValue: 600_000, on: CivilDate(2029, 12, 31)) == 6_000)
        #expect(try fees.fee(.lawsuit, claimValue: 600_000, on: CivilDate(2030, 1, 1)) == 12_000)
        #expect(throws: Refusal.self) {
            try fees.fee(.lawsuit, claimValue: 600_000, on: CivilDate(2003, 12, 31))
        }
    }
}
