import Testing

@testable import KaishuCore

@Suite("Reading dates as Japanese documents write them")
struct DateParsingTests {
    @Test(
        "Gregorian forms with any separator, width or spacing name the same day",
        arguments: [
            "2024-04-30", "2024/4/30", "2024/04/30", "2024.4.30", "20240430", "2024年4月30日",
            "2024年04月30日", "2024年4月30", " 2024-04-30 ", "２０２４／４／３０", "２０２４年４月３０日",
            "2024/4/30 0:00:00", "2024/04/30 00:00", "2024-04-30T00:00:00", "2024年4月30日(火)",
            "2024年4月30日（火曜日）", "\u{3000}2024-4-30\u{3000}",
        ])
    func gregorian(text: String) throws {
        #expect(try CivilDate.parse(text) == CivilDate(2024, 4, 30))
    }

    @Test(
        "era dates count from the era's first year (元年 = 1)",
        arguments: [
            ("令和6年4月30日", CivilDate(2024, 4, 30)),
            ("令和元年5月1日", CivilDate(2019, 5, 1)),
            ("令和1年5月1日", CivilDate(2019, 5, 1)),
            ("R6.4.30", CivilDate(2024, 4, 30)),
            ("R.06/04/30", CivilDate(2024, 4, 30)),
            ("R06/4/30", CivilDate(2024, 4, 30)),
            ("r6-4-30", CivilDate(2024, 4, 30)),
            ("Ｒ６．４．３０", CivilDate(2024, 4, 30)),
            ("令6.4.30", CivilDate(2024, 4, 30)),
            ("R060430", CivilDate(2024, 4, 30)),
            ("令和 6年 4月 30日", CivilDate(2024, 4, 30)),
            ("令和６年４月３０日", CivilDate(2024, 4, 30)),
            ("H31/4/30", CivilDate(2019, 4, 30)),
            ("平成31年4月30日", CivilDate(2019, 4, 30)),
            ("平成元年1月8日", CivilDate(1989, 1, 8)),
            ("㍻31年4月30日", CivilDate(2019, 4, 30)),
            ("㋿6年4月30日", CivilDate(2024, 4, 30)),
            ("S64.1.7", CivilDate(1989, 1, 7)),
            ("昭和64年1月7日", CivilDate(1989, 1, 7)),
            ("昭和元年12月25日", CivilDate(1926, 12, 25)),
            ("昭和50年3月1日", CivilDate(1975, 3, 1)),
            ("大正15年12月25日", CivilDate(1926, 12, 25)),
        ])
    func eraDates(text: String, date: CivilDate) throws {
        #expect(try CivilDate.parse(text) == date)
    }

    @Test(
        "an era date outside its era's span is refused with the era's bounds",
        arguments: [
            ("H31/5/1", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("平成32年1月1日", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("令和1年4月30日", "令和 began on 2019-05-01 (令和元年5月1日)"),
            ("R1.1.1", "令和 began on 2019-05-01 (令和元年5月1日)"),
            ("平成元年1月7日", "平成 began on 1989-01-08 (平成元年1月8日)"),
            ("S64.1.8", "昭和 ended on 1989-01-07 (昭和64年1月7日)"),
            ("昭和元年12月24日", "昭和 began on 1926-12-25 (昭和元年12月25日)"),
            ("令和0年5月1日", "令和 years start at 1 (元年)"),
        ])
    func outsideEra(text: String, reason: String) {
        #expect(throws: CivilDateParseError(text: text, reason: reason)) { try CivilDate.parse(text) }
    }

    @Test("impossible dates are refused with the reason")
    func impossible() {
        #expect(throws: CivilDateParseError(text: "2023-02-30", reason: "February 2023 has 28 days")) {
            try CivilDate.parse("2023-02-30")
        }
        #expect(
            CivilDateParseError(text: "2023-02-30", reason: "February 2023 has 28 days").description
                == "'2023-02-30' is not a date: February 2023 has 28 days")
        #expect(CivilDate(parsing: "2024/2/29") == CivilDate(2024, 2, 29))
        #expect(CivilDate(parsing: "2023/2/29") == nil)
        #expect(CivilDate(parsing: "2100-02-29") == nil)
        #expect(throws: CivilDateParseError(text: "2024/13/1", reason: "there is no month 13")) {
            try CivilDate.parse("2024/13/1")
        }
        #expect(throws: CivilDateParseError(text: "2024/4/0", reason: "there is no day 0")) {
            try CivilDate.parse("2024/4/0")
        }
        #expect(throws: CivilDateParseError(text: "令和6年4月31日", reason: "April 2024 has 30 days")) {
            try CivilDate.parse("令和6年4月31日")
        }
        #expect(throws: CivilDateParseError(text: "20230230", reason: "February 2023 has 28 days")) {
            try CivilDate.parse("20230230")
        }
    }

    @Test("a weekday written after the date must be that date's weekday")
    func weekdayChecked() {
        #expect(CivilDate(parsing: "2024年4月30日(火)") == CivilDate(2024, 4, 30))
        #expect(throws: CivilDateParseError(text: "2024年4月30日(水)", reason: "2024-04-30 is a Tuesday, not a Wednesday"))
        {
            try CivilDate.parse("2024年4月30日(水)")
        }
    }

    @Test(
        "texts that are not dates are refused, never guessed",
        arguments: [
            "", "   ", "tomorrow", "2024-04", "2024/4/30/1", "24/4/30", "2024/4-30", "2024年4月", "04/30/2024",
            "2024-04-30x", "令和", "X6.4.30", "2024/4/30 25:00", "R123.4.30", "2024043", "令和元.5", "1.5",
        ])
    func notDates(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("two-digit years are called ambiguous rather than guessed")
    func twoDigitYears() {
        #expect(
            throws: CivilDateParseError(
                text: "24/4/30",
                reason: "a two-digit year is ambiguous; write the full year (2024/4/30) or the era (R6/4/30)")
        ) { try CivilDate.parse("24/4/30") }
    }

    @Test("an era is named by kanji, abbreviation or letter and formats back in kanji")
    func eras() {
        #expect(JapaneseEra(name: "令和") == .reiwa)
        #expect(JapaneseEra(name: "平") == .heisei)
        #expect(JapaneseEra(name: "s") == .showa)
        #expect(JapaneseEra(name: "X") == nil)
        #expect(JapaneseEra.reiwa.format(CivilDate(2019, 5, 1)) == "令和元年5月1日")
        #expect(JapaneseEra.heisei.format(CivilDate(2019, 4, 30)) == "平成31年4月30日")
        #expect(JapaneseEra.heisei.contains(CivilDate(2019, 4, 30)))
        #expect(!JapaneseEra.heisei.contains(CivilDate(2019, 5, 1)))
        #expect(JapaneseEra.reiwa.gregorianYear(6) == 2024)
    }

    @Test("every day of every era round-trips through its era spelling")
    func eraRoundTrip() throws {
        for era in JapaneseEra.allCases {
            let last = era.lastDay ?? CivilDate(2030, 12, 31)
            var day = era.firstDay
            while day <= last {
                #expect(try CivilDate.parse(era.format(day)) == day)
                let year = day.year - era.firstDay.year + 1
                #expect(try CivilDate.parse("\(era.letter)\(year).\(day.month).\(day.day)") == day)
                day = day.adding(days: 17)
            }
        }
    }
}
