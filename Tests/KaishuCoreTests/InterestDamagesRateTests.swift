import Foundation
import Testing

@testable import KaishuCore

@Suite("Damages rate per claim: agreed or statutory (民法419条1項), day count, caps")
struct InterestDamagesRateTests {
    static let agreed146 = InterestRate(perMillion: 146_000)

    /// One open claim of ¥1,000,000 due 2024-04-30, so delay begins 2024-05-01 (LEGAL.md §7).
    static func book(
        agreedRate: InterestRate? = nil, dayCount: LateInterest.Method? = nil, consumer: Bool? = nil,
        due: CivilDate = CivilDate(2024, 4, 30)
    ) -> CaseBuilder {
        CaseBuilder(
            opened: CivilDate(2024, 6, 1),
            claims: [
                Claim(
                    invoice: "INV-1", contractDate: CivilDate(2024, 3, 1), dueDate: due, amount: 1_000_000,
                    agreedRate: agreedRate, dayCount: dayCount, consumerContract: consumer)
            ])
    }

    static func damages(_ book: CaseBuilder, through: CivilDate) throws -> (Money, DamagesRate) {
        let position = CaseLegalPosition(state: book.state, today: through)
        let claim = try #require(position.interest.first)
        return (try #require(claim.statement).damagesOutstanding, claim.applied)
    }

    @Test("without an agreed rate the statutory rate applies exactly as before (419条1項本文): LEGAL.md's ¥56,219")
    func statutoryBaseline() throws {
        let (amount, applied) = try Self.damages(Self.book(), through: CivilDate(2026, 3, 15))
        #expect(amount == Money(56_219))
        #expect(applied.source == .statutory)
        #expect(applied.rate == .percent(3))
        #expect(applied.explanation == applied.statutory.explanation)
        #expect(
            CaseLegalPosition(state: Self.book().state, today: CivilDate(2026, 3, 15)).interest.first?.damagesAtCap
                == nil)
        #expect(applied.warnings.isEmpty)
    }

    @Test("an agreed rate above the statutory rate is used (419条1項ただし書)")
    func higherAgreedRateApplies() throws {
        // 14.6 % of ¥1,000,000 is ¥146,000 a year = ¥400 a day over 365.
        // Court method: 1 year (2024-05-01 – 2025-04-30) + 319/365 (2025-05-01 – 2026-03-15, no
        // leap days) = 146,000 + 400 × 319 = 146,000 + 127,600 = ¥273,600.
        let (amount, applied) = try Self.damages(
            Self.book(agreedRate: Self.agreed146), through: CivilDate(2026, 3, 15))
        #expect(amount == Money(273_600))
        #expect(applied.source == .agreed)
        #expect(applied.rate == Self.agreed146)
        #expect(applied.explanation.contains("14.6% a year, agreed rate (民法419条1項ただし書"))
    }

    @Test("an agreed rate lower than the statutory rate does not lower the damages (419条1項ただし書)")
    func lowerAgreedRateGivesStatutory() throws {
        let (amount, applied) = try Self.damages(
            Self.book(agreedRate: InterestRate(perMillion: 20_000)), through: CivilDate(2026, 3, 15))
        #expect(amount == Money(56_219))  // the statutory 3 %, not the agreed 2 %
        #expect(applied.source == .statutory)
        #expect(applied.rate == .percent(3))
        #expect(applied.agreed == InterestRate(perMillion: 20_000))
        #expect(applied.explanation.contains("the agreed 2% does not exceed it"))
    }

    @Test("an agreed rate equal to the statutory rate is the statutory rate: it does not exceed it")
    func equalAgreedRate() {
        let applied = DamagesRate.decide(
            agreed: .percent(3), method: nil, delayBegan: CivilDate(2024, 5, 1), kind: .commercial)
        #expect(applied.source == .statutory)
        #expect(applied.rate == .percent(3))
    }

    @Test("days/365 by contract and the court method differ on days in a leap year")
    func methodsOnLeapYear() throws {
        // Delay 2024-01-01 – 2024-06-30: 182 days, all in leap 2024.
        // Court: 146,000 × 182/366 = 72,601.09… → ¥72,601; days/365: 400 × 182 = ¥72,800.
        let through = CivilDate(2024, 6, 30)
        let due = CivilDate(2023, 12, 31)
        let court = try Self.damages(Self.book(agreedRate: Self.agreed146, due: due), through: through)
        let days365 = try Self.damages(
            Self.book(agreedRate: Self.agreed146, dayCount: .days365, due: due), through: through)
        #expect(court.0 == Money(72_601))
        #expect(court.1.method == .court)
        #expect(days365.0 == Money(72_800))
        #expect(days365.1.method == .days365)
        #expect(days365.1.explanation.hasSuffix("days/365 by contract"))
        // The whole LEGAL.md span has no leap day after the first year, so both methods agree there:
        // 684 days × 400 = ¥273,600 = the court figure above.
        let long = try Self.damages(
            Self.book(agreedRate: Self.agreed146, dayCount: .days365), through: CivilDate(2026, 3, 15))
        #expect(long.0 == Money(273_600))
    }

    @Test("the statutory rate uses the claim's own day count too: 3 % days/365 over leap days")
    func statutoryWithDays365() throws {
        // 30,000 × 182/365 = 14,958.90… → ¥14,958 (court: 30,000 × 182/366 = 14,918.03… → ¥14,918).
        let due = CivilDate(2023, 12, 31)
        let through = CivilDate(2024, 6, 30)
        #expect(try Self.damages(Self.book(dayCount: .days365, due: due), through: through).0 == Money(14_958))
        #expect(try Self.damages(Self.book(due: due), through: through).0 == Money(14_918))
    }

    @Test("a consumer contract's agreed rate above 14.6 % is warned about, not clamped (消費者契約法9条1項2号)")
    func consumerCapWarns() throws {
        let (amount, applied) = try Self.damages(
            Self.book(agreedRate: .percent(20), consumer: true), through: CivilDate(2025, 4, 30))
        #expect(amount == Money(200_000))  // one whole year at the agreed 20 %: shown, not cut
        #expect(applied.rate == .percent(20))
        let warning = try #require(applied.warnings.first)
        #expect(warning.cap == InterestRate(perMillion: 146_000))
        #expect(warning.article == "消費者契約法9条1項2号")
        #expect(warning.message.contains("exceeds 14.6%"))
        // Beside it, what the cap allows: one whole year at 14.6 % = ¥146,000.
        let position = CaseLegalPosition(
            state: Self.book(agreedRate: .percent(20), consumer: true).state, today: CivilDate(2025, 4, 30))
        #expect(position.interest.first?.damagesAtCap == Money(146_000))
        #expect(position.damages == Money(200_000))
    }

    @Test("no consumer warning at exactly 14.6 %, nor above it when the contract is not a consumer contract")
    func consumerCapBoundary() {
        let began = CivilDate(2024, 5, 1)
        #expect(
            DamagesRate.decide(
                agreed: Self.agreed146, method: nil, delayBegan: began, kind: .civil, consumerContract: true
            ).warnings.isEmpty)
        #expect(
            DamagesRate.decide(
                agreed: InterestRate(perMillion: 146_001), method: nil, delayBegan: began, kind: .civil,
                consumerContract: true
            ).warnings.count == 1)
        #expect(
            DamagesRate.decide(agreed: .percent(20), method: nil, delayBegan: began, kind: .commercial).warnings
                .isEmpty)
    }

    @Test("with the statutory rate not yet announced, an agreed rate cannot be compared: said, not assumed")
    func notAnnouncedWithAgreedRate() {
        let applied = DamagesRate.decide(
            agreed: Self.agreed146, method: nil, delayBegan: CivilDate(2029, 4, 1), kind: .commercial)
        #expect(applied.rate == nil)
        #expect(applied.explanation.contains("applies only if it exceeds that rate"))
    }

    @Test("an agreed rate is read as a percentage with at most 3 decimals, 0 to 100")
    func parsing() throws {
        #expect(try DamagesRate.parseAgreed("14.6") == Self.agreed146)
        #expect(try DamagesRate.parseAgreed("１４．６％") == Self.agreed146)
        #expect(try DamagesRate.parseAgreed("年14.6%") == Self.agreed146)
        #expect(try DamagesRate.parseAgreed("14.625") == InterestRate(perMillion: 146_250))
        #expect(try DamagesRate.parseAgreed("100") == .percent(100))
        #expect(try DamagesRate.parseAgreed("0") == .percent(0))
        for bad in ["-1", "100.001", "abc", "14.6251", "", ".5", "14.", "1e2", "1000"] {
            #expect(throws: DamagesRate.ParseError.self, "\(bad)") { try DamagesRate.parseAgreed(bad) }
        }
    }
}
