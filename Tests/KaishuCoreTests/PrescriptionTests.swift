import Foundation
import Testing

@testable import KaishuCore

// Shared helpers for the Prescription*Tests suites.

/// "2027-04-30" → the civil date, so tests read like LEGAL.md.
func ymd(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// The engine's answer for one claim.
func prescribe(
    contract: String, due: String? = nil, known: String? = nil, kind: ClaimKind = .commercial,
    facts: [LegalFact] = [], holidays: (any HolidayCalendar)? = nil
) -> Limitation {
    let terms = ClaimTerms(
        contractDate: ymd(contract), dueDate: due.map(ymd), knownDate: known.map(ymd), kind: kind)
    return Prescription.compute(terms, facts: facts, holidays: holidays)
}

extension Limitation {
    /// Whether some basis line contains every one of `parts`.
    func says(_ parts: String...) -> Bool {
        basis.contains { line in parts.allSatisfy { line.contains($0) } }
    }
}

@Suite("Prescription: the engine as a whole")
struct PrescriptionTests {
    @Test("facts are applied in date order, whatever order they are given in")
    func dateOrder() {
        let facts: [LegalFact] = [
            .demand(ymd("2032-03-01")), .payment(ymd("2025-01-10")), .demand(ymd("2027-03-01")),
        ]
        let shuffled = prescribe(contract: "2022-04-15", due: "2022-04-30", facts: facts)
        let sorted = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: facts.sorted { $0.date < $1.date })
        #expect(shuffled == sorted)
        // payment 2025-01-10 → 2030-01-10; the 2027 demand then changes nothing; the 2032 demand
        // comes after completion.
        #expect(shuffled.expires == ymd("2030-01-10"))
        #expect(shuffled.says("demand delivered 2032-03-01: no effect", "already completed at the end of 2030-01-10"))
    }

    @Test("facts of the same day keep the order they were given in")
    func sameDayOrder() {
        // Filed and withdrawn the same day: withdrawn only has effect after the filing.
        let inOrder = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.filed(ymd("2027-04-20")), .withdrawn(ymd("2027-04-20"))])
        #expect(inOrder.expires == ymd("2027-10-20"))
        let reversed = prescribe(
            contract: "2022-04-15", due: "2022-04-30",
            facts: [.withdrawn(ymd("2027-04-20")), .filed(ymd("2027-04-20"))])
        #expect(reversed.expires == nil)
    }

    @Test("the basis gives each rule in order with its article")
    func basisInOrder() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.demand(ymd("2027-03-01"))])
        #expect(result.basis[0] == "new law: contract 2022-04-15 is on/after 2020-04-01 (改正法附則10条1項・4項)")
        #expect(result.basis[1] == "start 2022-05-01: the day after the due date 2022-04-30 (民法140条)")
        #expect(result.basis[2].contains("5 years") && result.basis[2].contains("last day 2027-04-30"))
        #expect(result.basis[2].contains("民法166条1項1号") && result.basis[2].contains("143条2項"))
        #expect(result.basis[3].contains("10 years") && result.basis[3].contains("2032-04-30"))
        #expect(result.basis[4].hasPrefix("demand delivered 2027-03-01: completion postponed to 2027-09-01"))
        #expect(result.basis[4].contains("民法150条1項"))
        #expect(result.basis[5].hasPrefix("last day 2027-09-01"))
        #expect(result.basis[6].contains("民法142条") && result.basis[6].contains("大阪地判昭和48年9月4日"))
        #expect(result.basis.count == 7)
    }

    @Test("facts dated before the claim could be exercised have no effect")
    func factsBeforeExercisable() {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.acknowledgment(ymd("2022-04-20"))])
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("acknowledgment 2022-04-20: before the claim could be exercised (2022-04-30)"))
    }

    @Test("computing without the basis gives the same dates and flags, with no basis lines")
    func unexplained() {
        let cases: [(ClaimTerms, [LegalFact])] = [
            (
                ClaimTerms(contractDate: ymd("2022-04-15"), dueDate: ymd("2022-04-30")),
                [.demand(ymd("2027-01-15")), .demand(ymd("2027-03-01"))]
            ),
            (
                ClaimTerms(contractDate: ymd("2019-06-01"), dueDate: ymd("2019-06-30"), kind: .retail),
                [.payment(ymd("2021-07-01"))]
            ),
            (
                ClaimTerms(contractDate: ymd("2022-04-15"), dueDate: nil),
                [.filed(ymd("2026-01-10")), .judgment(ymd("2026-06-15"))]
            ),
            (
                ClaimTerms(contractDate: ymd("2022-04-15"), dueDate: ymd("2022-04-30")),
                [.filed(ymd("2027-04-01"))]
            ),
        ]
        for (terms, facts) in cases {
            let full = Prescription.compute(terms, facts: facts)
            let quick = Prescription.compute(terms, facts: facts, explained: false)
            #expect(quick.basis.isEmpty && !full.basis.isEmpty)
            #expect(quick.law == full.law && quick.start == full.start && quick.expires == full.expires)
            #expect(quick.acknowledgedAfterCompletion == full.acknowledgedAfterCompletion)
            #expect(quick.otherReadings == full.otherReadings)
        }
    }

    @Test("a limitation survives encoding, and one encoded before other readings existed decodes")
    func codable() throws {
        let result = prescribe(
            contract: "2022-04-15", due: "2022-04-30", facts: [.judgment(ymd("2026-06-15"))])
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(Limitation.self, from: data) == result)

        let older =
            #"{"law":"new","start":"2022-05-01","expires":null,"basis":["x"],"acknowledgedAfterCompletion":false}"#
        let decoded = try JSONDecoder().decode(Limitation.self, from: Data(older.utf8))
        #expect(decoded.expires == nil && decoded.otherReadings.isEmpty && decoded.basis == ["x"])
    }
}
