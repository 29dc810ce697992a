/// A source of public holidays. `JapaneseHolidays` implements the Act on National Holidays.
public protocol HolidayCalendar: Sendable {
    /// The holiday's name on that date (e.g. `元日`), or `nil` on an ordinary day.
    func holidayName(on date: CivilDate) -> String?
}

/// A day of the year given by month and day, for recurring closures such as 年末年始.
public struct MonthDay: Hashable, Codable, Sendable, Comparable {
    public var month: Int
    public var day: Int
    public init(_ month: Int, _ day: Int) {
        self.month = month
        self.day = day
    }
    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
