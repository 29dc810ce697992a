import Testing

@testable import KaishuCore

/// LEGAL.md §1–§3: which law, how long, when counting starts and ends.
@Suite("Prescription: law, length and calendar")
struct PrescriptionPeriodTests {
    // MARK: §1 Which law applies

    @Test("the contract date, not the due date, decides old or new law (附則10条1項・4項)")
    func contractDateDecidesLaw() {
        let result = prescribe(contract: "2020-03-15", due: "2020-05-31")
        #expect(result.law == .old)
        #expect(result.says("old law: contract 2020-03-15", "the due date 2020-05-31 does not change that", "改正法附則10条"))
        // Old commercial claim: 5 years from 2020-06-01.
        #expect(result.expires == ymd("2025-05-31"))
    }

    @Test("a contract made on 2020-04-01 follows the new law, one made the day before the old")
    func reformBoundary() {
        #expect(prescribe(contract: "2020-04-01", due: "2020-04-30").law == .new)
        #expect(prescribe(contract: "2020-03-31", due: "2020-04-30").law == .old)
    }

    // MARK: §2 Length of the period

    @Test("new law: the creditor is taken to know when it could claim, so 5 years (民法166条1項1号)")
    func newLawFiveYears() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30")
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("5 years", "2027-04-30", "民法166条1項1号"))
        #expect(result.says("10 years", "2032-04-30", "166条1項2号", "the 5-year date governs"))
    }

    @Test("new law: learning of the claim later starts the 5 years later")
    func laterKnowledge() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", known: "2024-01-10")
        #expect(result.expires == ymd("2029-01-10"))
        #expect(result.start == ymd("2022-05-01"))
        #expect(result.says("learned it could claim (2024-01-10)", "2029-01-10"))
    }

    @Test("new law: 10 years from when the right could be exercised is the outer limit (民法166条1項2号)")
    func objectiveLimit() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", known: "2028-06-01")
        #expect(result.expires == ymd("2032-04-30"))
        #expect(result.says("10 years", "2032-04-30", "the 10-year date is earlier and governs"))
    }

    @Test("the creditor cannot know it can claim before it can: an earlier known date changes nothing")
    func knownBeforeDue() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", known: "2022-04-20")
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("cannot know it can claim (2022-04-20) before it can (2022-04-30)"))
    }

    @Test(
        "old law: each kind of claim has its period and article",
        arguments: [
            (ClaimKind.commercial, "2024-06-30", "旧商法522条"),
            (.civil, "2029-06-30", "旧民法167条1項"),
            (.medical, "2022-06-30", "旧民法170条1号"),
            (.construction, "2022-06-30", "旧民法170条2号"),
            (.retail, "2021-06-30", "旧民法173条1号"),
            (.craft, "2021-06-30", "旧民法173条2号"),
            (.tuition, "2021-06-30", "旧民法173条3号"),
            (.transport, "2020-06-30", "旧民法174条3号"),
            (.hospitality, "2020-06-30", "旧民法174条4号"),
            (.rental, "2020-06-30", "旧民法174条5号"),
        ])
    func oldLawPeriods(kind: ClaimKind, expires: String, article: String) {
        let result = prescribe(contract: "2019-06-01", due: "2019-06-30", kind: kind)
        #expect(result.law == .old)
        #expect(result.expires == ymd(expires))
        #expect(result.says("'\(kind.rawValue)'", "last day \(expires)", article))
    }

    @Test("every kind of claim has an old-law period of 1, 2, 3, 5 or 10 years")
    func everyKindHasAPeriod() {
        for kind in ClaimKind.allCases {
            #expect([1, 2, 3, 5, 10].contains(kind.oldLawPeriod.years))
            #expect(kind.oldLawPeriod.article.hasPrefix("旧"))
        }
    }

    @Test("old law, retail: contract 2019-06-01, due 2019-06-30 → 2 years → expires 2021-06-30")
    func oldLawRetailExample() {
        let result = prescribe(contract: "2019-06-01", due: "2019-06-30", kind: .retail)
        #expect(result.start == ymd("2019-07-01"))
        #expect(result.expires == ymd("2021-06-30"))
    }

    @Test("old law: when the creditor learned of the claim does not matter (旧民法166条1項)")
    func oldLawIgnoresKnowledge() {
        let result = prescribe(contract: "2019-06-01", due: "2019-06-30", known: "2019-12-01", kind: .retail)
        #expect(result.expires == ymd("2021-06-30"))
        #expect(result.says("does not matter under the old law", "旧民法166条1項"))
    }

    @Test("new law: the kind of claim does not shorten the period")
    func newLawIgnoresKind() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30", kind: .retail)
        #expect(result.expires == ymd("2027-04-30"))
        #expect(result.says("kind 'retail'", "do not apply to claims under the new law"))
    }

    // MARK: §3 When counting starts and ends

    @Test("counting starts the day after the due date: due 2022-04-30 → start 2022-05-01 → expires 2027-04-30")
    func startAfterDueDate() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30")
        #expect(result.start == ymd("2022-05-01"))
        #expect(result.expires == ymd("2027-04-30"))
    }

    @Test(
        "without a due date counting starts the day after the contract: 2022-04-15 → start 2022-04-16 → expires 2027-04-15"
    )
    func startAfterContractWithoutDueDate() {
        let result = prescribe(contract: "2022-04-15")
        #expect(result.start == ymd("2022-04-16"))
        #expect(result.expires == ymd("2027-04-15"))
        #expect(result.says("start 2022-04-16: no due date was agreed", "民法140条"))
    }

    @Test("a period starting on the 1st ends at the end of the month before: due 2023-01-31 → expires 2028-01-31")
    func startOnFirstOfMonth() {
        let result = prescribe(contract: "2023-01-10", due: "2023-01-31")
        #expect(result.start == ymd("2023-02-01"))
        #expect(result.expires == ymd("2028-01-31"))
    }

    @Test("a start on 29 February ends at the end of February when the last year has none: due 2024-02-28 → 2029-02-28")
    func startOnLeapDay() {
        let result = prescribe(contract: "2024-02-01", due: "2024-02-28")
        #expect(result.start == ymd("2024-02-29"))
        #expect(result.expires == ymd("2029-02-28"))
    }

    @Test("the month-end trap: due 2023-02-28 → start 2023-03-01 → expires 2028-02-29, not 2028-02-28")
    func monthEndTrap() {
        let result = prescribe(contract: "2023-02-01", due: "2023-02-28")
        #expect(result.start == ymd("2023-03-01"))
        #expect(result.expires == ymd("2028-02-29"))
        #expect(result.expires != ymd("2023-02-28").adding(years: 5))
    }

    @Test("a period ends the day before the corresponding day, or at the end of a month that has none (民法143条2項)")
    func lastDayRule() {
        #expect(Prescription.lastDay(ofMonths: 6, startingOn: ymd("2023-05-15")) == ymd("2023-11-14"))
        #expect(Prescription.lastDay(ofMonths: 1, startingOn: ymd("2023-03-31")) == ymd("2023-04-30"))
        #expect(Prescription.lastDay(ofMonths: 1, startingOn: ymd("2023-01-30")) == ymd("2023-02-28"))
        #expect(Prescription.lastDay(ofMonths: 1, startingOn: ymd("2024-01-29")) == ymd("2024-02-28"))
        #expect(Prescription.lastDay(ofMonths: 1, startingOn: ymd("2023-01-29")) == ymd("2023-02-28"))
        #expect(Prescription.lastDay(ofMonths: 6, startingOn: ymd("2023-08-31")) == ymd("2024-02-29"))
        #expect(Prescription.lastDay(ofMonths: 6, startingOn: ymd("2023-12-01")) == ymd("2024-05-31"))
        #expect(Prescription.lastDay(ofYears: 5, after: ymd("2022-04-30")) == ymd("2027-04-30"))
        #expect(Prescription.lastDay(ofYears: 1, startingOn: ymd("2024-02-29")) == ymd("2025-02-28"))
        #expect(Prescription.lastDay(ofYears: 4, startingOn: ymd("2024-02-29")) == ymd("2028-02-28"))
    }

    @Test("daysLeft is expires − today: 0 on the last day, negative after")
    func daysLeft() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30")
        #expect(result.daysLeft(today: ymd("2027-04-30")) == 0)
        #expect(result.daysLeft(today: ymd("2027-04-01")) == 29)
        #expect(result.daysLeft(today: ymd("2027-05-02")) == -2)
        #expect(!result.hasExpired(on: ymd("2027-04-30")))
        #expect(result.hasExpired(on: ymd("2027-05-01")))
    }

    @Test("民法142条 is not applied: a last day on a Sunday stays, and the basis names where it would move")
    func holidayExtensionNotApplied() {
        // due 2022-05-02 → last day 2027-05-02, a Sunday.
        let plain = prescribe(contract: "2022-04-15", due: "2022-05-02")
        #expect(plain.expires == ymd("2027-05-02"))
        #expect(plain.says("2027-05-02 is a Sunday", "would move it to 2027-05-03", "大阪地判昭和48年9月4日"))
        #expect(plain.otherReadings.map(\.expires) == [ymd("2027-05-03")])
        #expect(plain.earliestExpires == ymd("2027-05-02"))

        // With the national holidays known (Golden Week), the extension would run to the 6th.
        let withHolidays = prescribe(contract: "2022-04-15", due: "2022-05-02", holidays: PrescriptionTestHolidays())
        #expect(withHolidays.expires == ymd("2027-05-02"))
        #expect(withHolidays.says("would move it to 2027-05-06"))
    }

    @Test("a last day on a national holiday is named with the holiday")
    func holidayNamed() {
        // due 2022-05-03 → last day 2027-05-03, 憲法記念日.
        let result = prescribe(contract: "2022-04-15", due: "2022-05-03", holidays: PrescriptionTestHolidays())
        #expect(result.expires == ymd("2027-05-03"))
        #expect(result.says("a national holiday (憲法記念日)", "2027-05-06"))
    }

    @Test("on a working day the basis still says 民法142条 is not applied")
    func holidayNoteOnWorkingDay() {
        let result = prescribe(contract: "2022-04-15", due: "2022-04-30")
        #expect(result.says("no holiday extension", "民法142条", "大阪地判昭和48年9月4日"))
        #expect(result.otherReadings.isEmpty)
    }
}

/// Three national holidays of 2027, enough to show the 民法142条 note.
struct PrescriptionTestHolidays: HolidayCalendar {
    func holidayName(on date: CivilDate) -> String? {
        switch (date.year, date.month, date.day) {
        case (2027, 5, 3): "憲法記念日"
        case (2027, 5, 4): "みどりの日"
        case (2027, 5, 5): "こどもの日"
        default: nil
        }
    }
}
