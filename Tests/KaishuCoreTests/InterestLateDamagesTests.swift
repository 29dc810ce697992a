import Testing

@testable import KaishuCore

@Suite("Late-payment damages (遅延損害金) and the statutory rate")
struct InterestLateDamagesTests {
    let million: Money = 1_000_000
    let three = InterestRate.percent(3)

    func interest(
        _ from: CivilDate, _ to: CivilDate, _ method: LateInterest.Method = .court,
        rate: InterestRate? = nil
    ) -> Int64 {
        LateInterest.compute(
            principal: million, rate: rate ?? three, from: from, to: to, method: method
        ).yen
    }

    @Test(
        "LEGAL.md example: 1,000,000 yen at 3 % from 2024-05-01 to 2026-03-15 = 1 year + 319/365 = 56,219 yen"
    )
    func legalExample() {
        let result = LateInterest.breakdown(
            principal: million, rate: three, from: CivilDate(2024, 5, 1), to: CivilDate(2026, 3, 15)
        )
        #expect(result.wholeYears == 1)
        #expect(result.days365 == 319)
        #expect(result.days366 == 0)
        #expect(result.totalDays == 684)
        #expect(result.fractionText == "1 year + 319/365")
        #expect(result.interest == 56_219)
    }

    @Test("first and last day are both counted: one day is 1/365 of a year")
    func bothDaysIncluded() {
        #expect(interest(CivilDate(2025, 6, 1), CivilDate(2025, 6, 1)) == 82)  // 30,000/365 = 82.19
        #expect(interest(CivilDate(2025, 6, 2), CivilDate(2025, 6, 1)) == 0)
    }

    @Test("a whole year counts as one year even when it holds 29 February")
    func wholeLeapYear() {
        #expect(interest(CivilDate(2024, 1, 1), CivilDate(2024, 12, 31)) == 30_000)
        #expect(interest(CivilDate(2024, 1, 1), CivilDate(2024, 12, 31), .days365) == 30_082)  // 366/365
    }

    @Test("remaining days in a leap year count 1/366 each, others 1/365")
    func leapYearDays() {
        // 365 days of 2024, no whole year: 365/366.
        #expect(interest(CivilDate(2024, 1, 1), CivilDate(2024, 12, 30)) == 29_918)
        #expect(interest(CivilDate(2024, 1, 1), CivilDate(2024, 12, 30), .days365) == 30_000)
        // 31 days of 2023 over 365, 60 days of 2024 over 366: 7,465.98…
        let split = LateInterest.breakdown(
            principal: million, rate: three, from: CivilDate(2023, 12, 1),
            to: CivilDate(2024, 2, 29))
        #expect((split.wholeYears, split.days365, split.days366) == (0, 31, 60))
        #expect(split.interest == 7_465)
    }

    @Test("whole years from 29 February end on 28 February, or on the 28th before a 29th")
    func fromLeapDay() {
        #expect(interest(CivilDate(2024, 2, 29), CivilDate(2025, 2, 28)) == 30_000)
        let fourYears = LateInterest.breakdown(
            principal: million, rate: three, from: CivilDate(2024, 2, 29),
            to: CivilDate(2028, 2, 29))
        #expect(fourYears.wholeYears == 4)
        #expect(fourYears.days366 == 1)
        #expect(fourYears.interest == 120_081)  // 120,000 + 30,000/366
    }

    @Test("truncated once: several periods are summed exactly before cutting to the yen")
    func truncateOnce() {
        let five = InterestRate.percent(5)
        let day = InterestPeriod(
            principal: million, rate: five, from: CivilDate(2025, 6, 1), to: CivilDate(2025, 6, 1))
        #expect(LateInterest.compute([day]) == 136)  // 136.99
        var next = day
        next.from = CivilDate(2025, 6, 2)
        next.to = CivilDate(2025, 6, 2)
        #expect(LateInterest.compute([day, next]) == 273)  // 273.97, not 136 + 136
    }

    @Test("the rate is exact: 14.6 % and fractional rates are not rounded")
    func rates() {
        #expect(InterestRate(percent: "3") == .percent(3))
        #expect(InterestRate(percent: "14.6")?.perMillion == 146_000)
        #expect(InterestRate(percent: "14.6%")?.perMillion == 146_000)
        #expect(InterestRate(percent: "0.0001")?.perMillion == 1)
        #expect(InterestRate(percent: "1.23456") == nil)
        #expect(InterestRate(percent: "-3") == nil)
        #expect(InterestRate(percent: "3.") == nil)
        #expect(InterestRate(percent: "1001") == nil)
        #expect(InterestRate(percent: "14.60")?.percentText == "14.6")
        // 100,000 yen at 14.6 % for 365 days: exactly 14,600.
        #expect(
            LateInterest.compute(
                principal: 100_000, rate: InterestRate(percent: "14.6")!,
                from: CivilDate(2025, 1, 1),
                to: CivilDate(2025, 12, 31), method: .days365) == 14_600)
    }

    @Test("the largest accepted inputs do not overflow")
    func largest() {
        let result = LateInterest.compute(
            principal: LateInterest.maximumPrincipal, rate: .maximum, from: CivilDate(2000, 1, 1),
            to: CivilDate(2099, 12, 31))
        #expect(result.yen == 1_000_000_000_000 * 10 * 100)
    }

    @Test("statutory rate: 5 % civil / 6 % commercial for delay before 2020-04-01, 3 % after")
    func statutoryRate() {
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2020, 3, 31), kind: .civil).rate == .percent(5)
        )
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2020, 3, 31), kind: .commercial).rate
                == .percent(6))
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2020, 4, 1), kind: .commercial).rate
                == .percent(3))
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2026, 4, 1), kind: .civil).rate == .percent(3))
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2029, 3, 31), kind: .civil).rate == .percent(3)
        )
    }

    @Test("statutory rate: a period not yet announced is reported, not assumed")
    func notAnnounced() {
        let lookup = StatutoryRate.rate(delayBegan: CivilDate(2029, 4, 1), kind: .commercial)
        #expect(
            lookup
                == .notYetAnnounced(
                    periodStart: CivilDate(2029, 4, 1), periodEnd: CivilDate(2032, 3, 31)))
        #expect(lookup.rate == nil)
        #expect(lookup.explanation.contains("not been announced"))
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2032, 4, 1), kind: .civil)
                == .notYetAnnounced(
                    periodStart: CivilDate(2032, 4, 1), periodEnd: CivilDate(2035, 3, 31)))
        // A configured announcement fills the gap.
        var table = StatutoryRateTable.standard
        table.periods.append(
            StatutoryRatePeriod(
                from: CivilDate(2029, 4, 1), through: CivilDate(2032, 3, 31), rate: .percent(2),
                basis: "test"))
        #expect(
            StatutoryRate.rate(delayBegan: CivilDate(2030, 1, 1), kind: .civil, table: table).rate
                == .percent(2))
    }

    @Test("a claim's kind maps to civil or commercial for the old rates")
    func obligationKind() {
        #expect(ObligationKind(claimKind: .commercial) == .commercial)
        #expect(ObligationKind(claimKind: .retail) == .commercial)
        #expect(ObligationKind(claimKind: .civil) == .civil)
        #expect(ObligationKind(claimKind: .medical) == .civil)
    }
}
