/// Which days the business works: not weekends, not public holidays, not the company's own
/// closed days (default: 29 December – 3 January, the usual 年末年始).
///
/// Every schedule Kaishu proposes — a callback, the next action after "no answer", a payment
/// deadline in a letter — lands on a business day.
public struct BusinessCalendar: Sendable {
    public var holidays: any HolidayCalendar
    /// Closed every year on these days, in addition to weekends and holidays.
    public var closedDays: Set<MonthDay>

    public static let defaultClosedDays: Set<MonthDay> = [
        MonthDay(12, 29), MonthDay(12, 30), MonthDay(12, 31),
        MonthDay(1, 1), MonthDay(1, 2), MonthDay(1, 3),
    ]

    public init(holidays: any HolidayCalendar, closedDays: Set<MonthDay> = defaultClosedDays) {
        self.holidays = holidays
        self.closedDays = closedDays
    }

    public func isBusinessDay(_ date: CivilDate) -> Bool {
        !date.isWeekend && holidays.holidayName(on: date) == nil
            && !closedDays.contains(MonthDay(date.month, date.day))
    }

    /// The first business day strictly after `date`.
    public func nextBusinessDay(after date: CivilDate) -> CivilDate {
        var day = date.adding(days: 1)
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// `date` itself if it is a business day, else the next one.
    public func onOrAfter(_ date: CivilDate) -> CivilDate {
        isBusinessDay(date) ? date : nextBusinessDay(after: date)
    }

    /// The `count`-th business day after `date` (`count` ≥ 1).
    public func adding(businessDays count: Int, to date: CivilDate) -> CivilDate {
        var day = date
        for _ in 0..<max(1, count) { day = nextBusinessDay(after: day) }
        return day
    }
}
