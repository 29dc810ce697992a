import Testing

@testable import KaishuCore

/// The Act on National Holidays over the years: each change, each derived kind of day.
/// Dates before 2019 were checked against the Cabinet Office's list (syukujitsu.csv, 1955–).
@Suite("Holiday calendar rules over the years")
struct HolidayCalendarRulesTests {
    let calendar = JapaneseHolidays()

    func name(_ y: Int, _ m: Int, _ d: Int) -> String? {
        calendar.holidayName(on: CivilDate(y, m, d))
    }

    @Test(
        "no holiday before the Act came into force on 1948-07-20; 1948 has only its autumn holidays"
    )
    func actInForce() {
        #expect(calendar.holidays(in: 1947).isEmpty)
        #expect(name(1948, 1, 1) == nil)
        #expect(name(1948, 5, 5) == nil)
        #expect(
            calendar.holidays(in: 1948).map(\.date.iso) == [
                "1948-09-23", "1948-11-03", "1948-11-23",
            ])
        #expect(name(1949, 1, 1) == "元日")
        #expect(name(1949, 4, 29) == "天皇誕生日")
    }

    @Test("成人の日 is 15 January until 1999 and the second Monday of January from 2000")
    func comingOfAgeDay() {
        #expect(name(1999, 1, 15) == "成人の日")
        #expect(name(2000, 1, 15) == nil)
        #expect(name(2000, 1, 10) == "成人の日")
    }

    @Test("体育の日 is 10 October from 1966, the second Monday from 2000, スポーツの日 from 2020")
    func sportsDay() {
        #expect(name(1965, 10, 10) == nil)
        #expect(name(1966, 10, 10) == "体育の日")
        #expect(name(1999, 10, 11) == "振替休日")  // 1999-10-10 was a Sunday
        #expect(name(2000, 10, 9) == "体育の日")
        #expect(name(2019, 10, 14) == "体育の日")
        #expect(name(2022, 10, 10) == "スポーツの日")
    }

    @Test("敬老の日 is 15 September from 1966 and the third Monday from 2003")
    func respectForTheAgedDay() {
        #expect(name(1966, 9, 15) == "敬老の日")
        #expect(name(2002, 9, 15) == "敬老の日")  // a Sunday: 16 September 2002 was its substitute
        #expect(name(2002, 9, 16) == "振替休日")
        #expect(name(2003, 9, 15) == "敬老の日")  // third Monday of September 2003
    }

    @Test("海の日 is 20 July from 1996, the third Monday from 2003; 山の日 11 August from 2016")
    func summerHolidays() {
        #expect(name(1995, 7, 20) == nil)
        #expect(name(1996, 7, 20) == "海の日")
        #expect(name(2003, 7, 21) == "海の日")
        #expect(name(2015, 8, 11) == nil)
        #expect(name(2016, 8, 11) == "山の日")
    }

    @Test("建国記念の日 from 1967")
    func foundationDay() {
        #expect(name(1966, 2, 11) == nil)
        #expect(name(1967, 2, 11) == "建国記念の日")
    }

    @Test("天皇誕生日 moves 29 April → 23 December (1989–2018) → none in 2019 → 23 February from 2020")
    func emperorsBirthday() {
        #expect(name(1988, 4, 29) == "天皇誕生日")
        #expect(name(1989, 4, 29) == "みどりの日")
        #expect(name(1989, 12, 23) == "天皇誕生日")
        #expect(name(2018, 12, 23) == "天皇誕生日")
        #expect(name(2018, 12, 24) == "振替休日")
        #expect(name(2019, 12, 23) == nil)
        #expect(calendar.holidays(in: 2019).allSatisfy { $0.name != "天皇誕生日" })
        #expect(name(2019, 2, 23) == nil)
        #expect(name(2020, 2, 23) == "天皇誕生日")
    }

    @Test("みどりの日 is 29 April 1989–2006 and 4 May from 2007, when 29 April becomes 昭和の日")
    func greeneryAndShowaDay() {
        #expect(name(2006, 4, 29) == "みどりの日")
        #expect(name(2006, 5, 4) == "休日")
        #expect(name(2007, 4, 29) == "昭和の日")
        #expect(name(2007, 5, 4) == "みどりの日")
    }

    @Test("the one-off days of the special laws")
    func oneOffDays() {
        #expect(name(1959, 4, 10) == "皇太子明仁親王の結婚の儀")
        #expect(name(1989, 2, 24) == "昭和天皇の大喪の礼")
        #expect(name(1990, 11, 12) == "即位礼正殿の儀")
        #expect(name(1993, 6, 9) == "皇太子徳仁親王の結婚の儀")
        #expect(name(2019, 5, 1) == "天皇の即位の日")
        #expect(name(2019, 10, 22) == "即位礼正殿の儀")
    }

    @Test("the Olympic moves: 2020 and 2021 have no October holiday and moved summer days")
    func olympicMoves() {
        #expect(name(2020, 7, 20) == nil)
        #expect(name(2020, 8, 11) == nil)
        #expect(name(2020, 10, 12) == nil)
        #expect(name(2020, 7, 23) == "海の日")
        #expect(name(2020, 7, 24) == "スポーツの日")
        #expect(name(2020, 8, 10) == "山の日")
        #expect(name(2021, 7, 19) == nil)
        #expect(name(2021, 10, 11) == nil)
        #expect(name(2021, 8, 8) == "山の日")
        #expect(name(2021, 8, 9) == "振替休日")
    }

    @Test("substitute holidays begin with the 1973 amendment: 1973-04-30, not 1973-02-12")
    func substituteHolidaysStart() {
        #expect(CivilDate(1973, 2, 11).weekday == 0)
        #expect(name(1973, 2, 12) == nil)
        #expect(CivilDate(1973, 4, 29).weekday == 0)
        #expect(name(1973, 4, 30) == "振替休日")
    }

    @Test(
        "before 2007 the substitute is the next day; since 2007 the next day that is not a holiday")
    func substituteRule() {
        #expect(name(1987, 5, 4) == "振替休日")  // 5/3 a Sunday
        #expect(name(2006, 1, 2) == "振替休日")
        #expect(CivilDate(2008, 5, 4).weekday == 0)
        #expect(name(2008, 5, 5) == "こどもの日")
        #expect(name(2008, 5, 6) == "振替休日")
        #expect(CivilDate(2009, 5, 3).weekday == 0)
        #expect(name(2009, 5, 6) == "振替休日")
        #expect(name(2025, 5, 6) == "振替休日")  // 5/4 a Sunday
    }

    @Test(
        "citizens' holidays from 1985-12-27 between two holidays, not on a Sunday or a substitute")
    func citizensHolidays() {
        #expect(CivilDate(1986, 5, 4).weekday == 0)
        #expect(name(1986, 5, 4) == nil)
        #expect(name(1987, 5, 4) == "振替休日")  // a substitute, not a citizens' holiday
        #expect(name(1988, 5, 4) == "休日")  // the first one
        #expect(name(2009, 9, 22) == "休日")
        #expect(name(2015, 9, 22) == "休日")
        #expect(name(2019, 4, 30) == "休日")
        #expect(name(2019, 5, 2) == "休日")
        #expect(name(2026, 9, 22) == "休日")
        #expect(name(2032, 9, 21) == "休日")  // 敬老の日 9/20, 秋分の日 9/22
    }

    @Test("equinox days by the approximation formula, including 2012's 22 September")
    func equinoxes() {
        #expect(name(1990, 9, 23) == "秋分の日")
        #expect(name(1990, 9, 24) == "振替休日")
        #expect(name(2000, 3, 20) == "春分の日")
        #expect(name(2012, 9, 22) == "秋分の日")
        #expect(JapaneseHolidays.equinoxDay(year: 1978, vernal: true) == 21)
        #expect(JapaneseHolidays.equinoxDay(year: 2100, vernal: true) == 20)
        #expect(JapaneseHolidays.equinoxDay(year: 2150, vernal: false) == 23)
    }

    @Test("years after 2150 are still computed by the same rules, day by day")
    func beyondSupportedYears() {
        #expect(name(2151, 1, 1) == "元日")
        #expect(
            calendar.holidays(in: 2151).allSatisfy { calendar.holidayName(on: $0.date) == $0.name })
        #expect(name(2151, 1, 2) == nil || CivilDate(2151, 1, 1).weekday == 0)
    }

    @Test(
        "every year 1948–2150 lists sorted, unique holidays inside the year, no derived holiday on a Sunday"
    )
    func wellFormedEveryYear() {
        for year in JapaneseHolidays.supportedYears {
            let list = calendar.holidays(in: year)
            #expect(list.allSatisfy { $0.date.year == year })
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.date < $1.date }, "\(year)")
            #expect(list.allSatisfy { calendar.holidayName(on: $0.date) == $0.name })
            if year >= 1989 {
                // From 1989 on, 13 to 22 holidays a year.
                #expect((13...22).contains(list.count), "\(year): \(list.count)")
            }
            // No substitute holiday falls on a Sunday, no citizens' holiday either.
            #expect(
                list.filter { $0.name == "振替休日" || $0.name == "休日" }.allSatisfy {
                    $0.date.weekday != 0
                })
        }
    }
}
