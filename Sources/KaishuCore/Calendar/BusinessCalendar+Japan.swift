import Foundation

extension BusinessCalendar {
    /// Weekends, Japanese national holidays, and the usual year-end closure 29 Dec – 3 Jan.
    /// The calendar every schedule uses unless the company configures its own.
    public static let japan = BusinessCalendar(holidays: JapaneseHolidays())

    /// A company calendar: Japanese national holidays plus the company's own closures.
    ///
    /// - Parameters:
    ///   - closedDays: days closed every year (default 29 Dec – 3 Jan); pass `[]` for a
    ///     business open over the new year.
    ///   - closedDates: one-off closures (an inventory day, お盆 of a given year), each with
    ///     the name shown where a date is skipped.
    public static func japan(
        closedDays: Set<MonthDay> = BusinessCalendar.defaultClosedDays,
        closedDates: [CivilDate: String] = [:]
    ) -> BusinessCalendar {
        let holidays: any HolidayCalendar =
            closedDates.isEmpty
            ? JapaneseHolidays()
            : CompanyClosures(base: JapaneseHolidays(), closedDates: closedDates)
        return BusinessCalendar(holidays: holidays, closedDays: closedDays)
    }

    /// Builds the company calendar from configuration text: yearly days as `MM-DD` and
    /// one-off dates as `YYYY-MM-DD`, e.g. `["12-29", "12-30", "08-13", "2027-08-16"]`.
    /// `nil` for `closed` keeps the default year-end closure.
    ///
    /// - Throws: `Refusal` naming the first entry that is neither form.
    public static func japan(configured closed: [String]?) throws -> BusinessCalendar {
        guard let closed else { return .japan }
        var days: Set<MonthDay> = []
        var dates: [CivilDate: String] = [:]
        for (index, entry) in closed.enumerated() {
            let text = entry.trimmingCharacters(in: .whitespaces)
            if let day = MonthDay(parsing: text) {
                days.insert(day)
            } else if let date = CivilDate(iso: text) {
                dates[date] = "会社休業日"
            } else {
                throw Refusal(
                    "closed days: entry \(index + 1) '\(entry)' is neither a yearly day (MM-DD) nor a date (YYYY-MM-DD)"
                )
            }
        }
        return japan(closedDays: days, closedDates: dates)
    }

    /// Why `date` is not a business day (the holiday's name, 土曜日, 日曜日, or 休業日 for a
    /// yearly closure), or `nil` on a business day. Shown where a schedule skips a day.
    public func closedReason(_ date: CivilDate) -> String? {
        if let name = holidays.holidayName(on: date) { return name }
        if date.weekday == 6 { return "土曜日" }
        if date.weekday == 0 { return "日曜日" }
        if closedDays.contains(MonthDay(date.month, date.day)) { return "休業日" }
        return nil
    }
}

/// National holidays plus a company's one-off closed dates.
public struct CompanyClosures: HolidayCalendar {
    public var base: any HolidayCalendar
    public var closedDates: [CivilDate: String]

    public init(base: any HolidayCalendar, closedDates: [CivilDate: String]) {
        self.base = base
        self.closedDates = closedDates
    }

    public func holidayName(on date: CivilDate) -> String? {
        base.holidayName(on: date) ?? closedDates[date]
    }
}

extension MonthDay {
    /// `MM-DD` (also `M-D`, `MM/DD`), a day that exists in some year (02-29 is accepted).
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1]),
            (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2000)).contains(day)
        else { return nil }
        self.init(month, day)
    }

    /// `MM-DD`.
    public var text: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}
