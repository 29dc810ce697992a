/// A public holiday: its date and its name as the Cabinet Office publishes it.
public struct Holiday: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The national holidays of Japan under the Act on National Holidays
/// (国民の祝日に関する法律, in force since 1948-07-20), computed for any year.
///
/// The calendar is computed, not looked up, so it has no expiry date: the fixed days and the
/// Happy Monday days follow the Act as amended year by year (`JapaneseHolidays.rules`), the
/// equinox days follow the standard astronomical approximation (`equinoxDay`), and three
/// derived kinds of day follow from those:
///
/// - **振替休日** (substitute holiday, Act Art. 3(2), from 1973-04-12): a national holiday
///   that falls on a Sunday makes the next day a holiday — until 2006 "the next day", since
///   2007 "the nearest following day that is not a national holiday".
/// - **国民の休日** (citizens' holiday, Act Art. 3(3), from 1985-12-27): a day between two
///   national holidays is a holiday, unless it is a Sunday or a substitute holiday. The
///   Cabinet Office lists it as 「休日」.
/// - The one-off days set by special laws (a wedding, a funeral, enthronements) and the 2020
///   and 2021 Olympic moves (東京オリンピック特措法), which count as national holidays for
///   both rules above — that is how 2019-04-30 and 2019-05-02 became 国民の休日.
///
/// Valid for 1948–2150 (`supportedYears`): before the Act there were no national holidays
/// in this sense (nothing is returned), and the equinox approximation is published for the
/// years up to 2150. Later years are computed with the same rules and the last equinox
/// constants; the Cabinet Office announces each year's equinox days only in the February
/// of the year before, so for far years a date can differ by one day from the official one.
public struct JapaneseHolidays: HolidayCalendar {
    public init() {}

    /// The years for which this calendar is checked and claimed to be right.
    public static let supportedYears: ClosedRange<Int> = 1948...2150

    /// The day the Act came into force; no holiday before it.
    public static let actInForce = CivilDate(1948, 7, 20)
    /// Substitute holidays exist for national holidays from this day (1973 amendment).
    public static let substituteHolidaysFrom = CivilDate(1973, 4, 12)
    /// Since 2007 the substitute is the nearest following day that is not a national holiday
    /// (2005 amendment, in force 2007-01-01); before, simply the next day.
    public static let substituteNearestNonHolidayFrom = CivilDate(2007, 1, 1)
    /// Citizens' holidays exist from this day (1985 amendment).
    public static let citizensHolidaysFrom = CivilDate(1985, 12, 27)

    public func holidayName(on date: CivilDate) -> String? {
        guard date >= JapaneseHolidays.actInForce else { return nil }
        if JapaneseHolidays.supportedYears.contains(date.year) {
            return JapaneseHolidays.supportedTable[date.dayNumber]
        }
        // Every derived day (substitute or citizens' holiday) lies in the same year as the
        // national holiday that causes it, so one year's list answers any date in it.
        return holidays(in: date.year).first { $0.date == date }?.name
    }

    /// Every holiday of the supported years by day number, built once on first use (about
    /// 3,900 entries), so that schedules and queues can ask about any day in O(1).
    private static let supportedTable: [Int: String] = {
        var table: [Int: String] = [:]
        let calendar = JapaneseHolidays()
        for year in supportedYears {
            for holiday in calendar.holidays(in: year) {
                table[holiday.date.dayNumber] = holiday.name
            }
        }
        return table
    }()

    /// Every holiday of `year` in date order: national holidays, substitute holidays and
    /// citizens' holidays, with their Japanese names.
    public func holidays(in year: Int) -> [Holiday] {
        guard year >= JapaneseHolidays.actInForce.year, year <= 9998 else { return [] }
        let national = nationalHolidays(in: year)
        let nationalDates = Set(national.map(\.date))

        // 振替休日 (Art. 3(2)).
        var substitutes: [Holiday] = []
        for holiday in national
        where holiday.date.weekday == 0 && holiday.date >= JapaneseHolidays.substituteHolidaysFrom {
            var day = holiday.date.adding(days: 1)
            if holiday.date >= JapaneseHolidays.substituteNearestNonHolidayFrom {
                while nationalDates.contains(day) { day = day.adding(days: 1) }
            } else if nationalDates.contains(day) {
                continue  // before 2007: the next day only, and it is already a holiday
            }
            substitutes.append(Holiday(date: day, name: JapaneseHolidays.substituteName))
        }
        let substituteDates = Set(substitutes.map(\.date))

        // 国民の休日 (Art. 3(3)): between two national holidays, not a Sunday, not a substitute.
        var citizens: [Holiday] = []
        for holiday in national {
            let between = holiday.date.adding(days: 1)
            let after = holiday.date.adding(days: 2)
            guard between >= JapaneseHolidays.citizensHolidaysFrom,
                nationalDates.contains(after), !nationalDates.contains(between),
                between.weekday != 0, !substituteDates.contains(between)
            else { continue }
            citizens.append(Holiday(date: between, name: JapaneseHolidays.citizensHolidayName))
        }

        return (national + substitutes + citizens).sorted { $0.date < $1.date }
    }

    /// The national holidays proper (国民の祝日 and days treated as such), without the
    /// substitute and citizens' holidays they cause.
    public func nationalHolidays(in year: Int) -> [Holiday] {
        var result: [Holiday] = []
        for rule in JapaneseHolidays.rules
        where rule.years.contains(year) && !rule.exceptYears.contains(year) {
            guard let date = rule.date(in: year), date >= JapaneseHolidays.actInForce else {
                continue
            }
            result.append(Holiday(date: date, name: rule.name))
        }
        for special in JapaneseHolidays.specialDays where special.date.year == year {
            result.append(special)
        }
        return result.sorted { $0.date < $1.date }
    }

    /// 振替休日.
    public static let substituteName = "振替休日"
    /// 国民の休日, as the Cabinet Office's list names it.
    public static let citizensHolidayName = "休日"
}

// MARK: - The Act, as data

extension JapaneseHolidays {
    /// How a holiday's date is found in a given year.
    public enum DateRule: Hashable, Sendable {
        case fixed(month: Int, day: Int)
        /// The `n`-th Monday of the month (Happy Monday system, 2000 and 2003 amendments).
        case nthMonday(month: Int, n: Int)
        /// 春分の日, the day of the vernal equinox (Art. 2).
        case vernalEquinox
        /// 秋分の日, the day of the autumnal equinox (Art. 2).
        case autumnalEquinox
    }

    /// One holiday of the Act over the years it had that name and that date rule.
    public struct Rule: Hashable, Sendable {
        public var name: String
        public var date: DateRule
        public var years: ClosedRange<Int>
        /// Years in which a special law moved this holiday (see `specialDays`).
        public var exceptYears: Set<Int>

        public init(
            _ name: String, _ date: DateRule, _ years: ClosedRange<Int>, except: Set<Int> = []
        ) {
            self.name = name
            self.date = date
            self.years = years
            self.exceptYears = except
        }

        public func date(in year: Int) -> CivilDate? {
            switch date {
            case .fixed(let month, let day):
                return CivilDate(year: year, month: month, day: day)
            case .nthMonday(let month, let n):
                let first = CivilDate(year, month, 1)
                let offset = (8 - first.weekday) % 7  // days from the 1st to the first Monday
                return first.adding(days: offset + 7 * (n - 1))
            case .vernalEquinox:
                return CivilDate(year, 3, JapaneseHolidays.equinoxDay(year: year, vernal: true))
            case .autumnalEquinox:
                return CivilDate(year, 9, JapaneseHolidays.equinoxDay(year: year, vernal: false))
            }
        }
    }

    private static let open = Int.max - 1

    /// The Act's holidays with the years each form applied. Holidays dated before the Act
    /// came into force (1948-07-20) are dropped by `nationalHolidays(in:)`.
    public static let rules: [Rule] = [
        Rule("元日", .fixed(month: 1, day: 1), 1949...open),
        Rule("成人の日", .fixed(month: 1, day: 15), 1949...1999),
        Rule("成人の日", .nthMonday(month: 1, n: 2), 2000...open),
        // 1966 amendment, first observed 1967.
        Rule("建国記念の日", .fixed(month: 2, day: 11), 1967...open),
        // 2017 special law on the abdication: the birthday of the present Emperor.
        Rule("天皇誕生日", .fixed(month: 2, day: 23), 2020...open),
        Rule("春分の日", .vernalEquinox, 1949...open),
        Rule("天皇誕生日", .fixed(month: 4, day: 29), 1949...1988),
        Rule("みどりの日", .fixed(month: 4, day: 29), 1989...2006),
        Rule("昭和の日", .fixed(month: 4, day: 29), 2007...open),
        Rule("憲法記念日", .fixed(month: 5, day: 3), 1949...open),
        Rule("みどりの日", .fixed(month: 5, day: 4), 2007...open),
        Rule("こどもの日", .fixed(month: 5, day: 5), 1949...open),
        Rule("海の日", .fixed(month: 7, day: 20), 1996...2002),
        Rule("海の日", .nthMonday(month: 7, n: 3), 2003...open, except: [2020, 2021]),
        Rule("山の日", .fixed(month: 8, day: 11), 2016...open, except: [2020, 2021]),
        Rule("敬老の日", .fixed(month: 9, day: 15), 1966...2002),
        Rule("敬老の日", .nthMonday(month: 9, n: 3), 2003...open),
        Rule("秋分の日", .autumnalEquinox, 1948...open),
        Rule("体育の日", .fixed(month: 10, day: 10), 1966...1999),
        Rule("体育の日", .nthMonday(month: 10, n: 2), 2000...2019),
        Rule("スポーツの日", .nthMonday(month: 10, n: 2), 2020...open, except: [2020, 2021]),
        Rule("文化の日", .fixed(month: 11, day: 3), 1948...open),
        Rule("勤労感謝の日", .fixed(month: 11, day: 23), 1948...open),
        Rule("天皇誕生日", .fixed(month: 12, day: 23), 1989...2018),
    ]

    /// Days made holidays by special laws, and the Olympic moves of 2020 and 2021. Each
    /// counts as a national holiday for the substitute and citizens' holiday rules.
    public static let specialDays: [Holiday] = [
        Holiday(date: CivilDate(1959, 4, 10), name: "皇太子明仁親王の結婚の儀"),
        Holiday(date: CivilDate(1989, 2, 24), name: "昭和天皇の大喪の礼"),
        Holiday(date: CivilDate(1990, 11, 12), name: "即位礼正殿の儀"),
        Holiday(date: CivilDate(1993, 6, 9), name: "皇太子徳仁親王の結婚の儀"),
        Holiday(date: CivilDate(2019, 5, 1), name: "天皇の即位の日"),
        Holiday(date: CivilDate(2019, 10, 22), name: "即位礼正殿の儀"),
        // 令和2年東京オリンピック・パラリンピック特措法 (as amended 2020 for the postponement).
        Holiday(date: CivilDate(2020, 7, 23), name: "海の日"),
        Holiday(date: CivilDate(2020, 7, 24), name: "スポーツの日"),
        Holiday(date: CivilDate(2020, 8, 10), name: "山の日"),
        Holiday(date: CivilDate(2021, 7, 22), name: "海の日"),
        Holiday(date: CivilDate(2021, 7, 23), name: "スポーツの日"),
        Holiday(date: CivilDate(2021, 8, 8), name: "山の日"),
    ]

    /// The day of March (vernal) or September (autumnal) on which the equinox falls in
    /// Japan Standard Time, by the standard approximation
    /// `⌊C + 0.242194·(Y − 1980) − ⌊(Y − 1980)/4⌋⌋` with the constants C for 1900–1979,
    /// 1980–2099 and 2100–2150. (For Y < 1980 the published form `⌊(Y − 1983)/4⌋` with
    /// truncation toward zero equals `⌊(Y − 1980)/4⌋` with flooring, used here.)
    ///
    /// Computed in millionths of a day with integers, so a value like 22.999008 (2012's
    /// autumnal equinox, which fell on 22 September) is never rounded the wrong way.
    public static func equinoxDay(year: Int, vernal: Bool) -> Int {
        let constant: Int  // C × 10⁶
        switch (year, vernal) {
        case (..<1980, true): constant = 20_835_700
        case (1980...2099, true): constant = 20_843_100
        case (_, true): constant = 21_851_000
        case (..<1980, false): constant = 23_258_800
        case (1980...2099, false): constant = 23_248_800
        case (_, false): constant = 24_248_800
        }
        let y = year - 1980
        let value = constant + 242_194 * y - 1_000_000 * floorDivide(y, 4)
        return floorDivide(value, 1_000_000)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
