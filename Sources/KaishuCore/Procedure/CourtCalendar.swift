/// The days on which a period under the Code of Civil Procedure cannot end
/// (民事訴訟法95条3項): Saturdays, Sundays, holidays under the Act on National Holidays
/// (national, substitute and citizens' holidays), 2–3 January and 29–31 December.
///
/// This set is fixed by law. It does not follow the company calendar: a business closed
/// for お盆 does not gain days on a court deadline, and one open on Saturdays loses none.
/// And unlike the Civil Code's Art. 142 (which applies only where business is not
/// customarily done that day), 95条3項 moves the end unconditionally.
public struct CourtCalendar: Sendable {
    public var holidays: any HolidayCalendar

    public init(holidays: any HolidayCalendar = JapaneseHolidays()) {
        self.holidays = holidays
    }

    /// The national holiday calendar; what every procedural deadline uses.
    public static let japan = CourtCalendar()

    /// Why a period cannot end on `date` under 95条3項, or `nil` if it can.
    public func closedReason(_ date: CivilDate) -> String? {
        if let name = holidays.holidayName(on: date) { return name }
        switch date.weekday {
        case 6: return "土曜日"
        case 0: return "日曜日"
        default: break
        }
        if date.month == 1 && (date.day == 2 || date.day == 3) { return "年始（1月2日・3日）" }
        if date.month == 12 && date.day >= 29 { return "年末（12月29日〜31日）" }
        return nil
    }

    public func isClosed(_ date: CivilDate) -> Bool { closedReason(date) != nil }

    /// `date` if a period may end on it, else the next day that is none of the closed days.
    public func firstOpenDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while isClosed(day) { day = day.adding(days: 1) }
        return day
    }

    /// A period of `days` days that starts running the day after `event` (a service, a
    /// judgment): the event day is not counted (民訴法95条1項 → 民法140条).
    /// Example: served 2027-06-01, 14 days → raw end 2027-06-15.
    public func deadline(after event: CivilDate, days: Int) -> ProceduralDeadline {
        deadline(firstDay: event.adding(days: 1), days: days)
    }

    /// A period of `weeks` weeks after `event`; a week period ends on the same weekday as the
    /// event (民法143条2項), i.e. `7 × weeks` days after it.
    public func deadline(after event: CivilDate, weeks: Int) -> ProceduralDeadline {
        deadline(after: event, days: 7 * weeks)
    }

    /// A period of `days` days whose first counted day is `firstDay` — for a period that
    /// begins at the start of a day (民法140条ただし書), such as the 30 days of 392条 counted
    /// from the first day on which the application can be made.
    public func deadline(firstDay: CivilDate, days: Int) -> ProceduralDeadline {
        let rawEnd = firstDay.adding(days: max(1, days) - 1)
        var skipped: [Holiday] = []
        var day = rawEnd
        while let reason = closedReason(day) {
            skipped.append(Holiday(date: day, name: reason))
            day = day.adding(days: 1)
        }
        return ProceduralDeadline(
            firstDay: firstDay, rawEnd: rawEnd, lastDay: day, skipped: skipped)
    }
}

/// The end of a period under the Code of Civil Procedure.
public struct ProceduralDeadline: Hashable, Sendable, Codable {
    /// The first day counted.
    public var firstDay: CivilDate
    /// Where the count ends before 95条3項.
    public var rawEnd: CivilDate
    /// The last day on which the act can still be done (the period ends at its end).
    public var lastDay: CivilDate
    /// The closed days the end was moved past, each with the reason (土曜日, こどもの日 …).
    public var skipped: [Holiday]

    public init(firstDay: CivilDate, rawEnd: CivilDate, lastDay: CivilDate, skipped: [Holiday]) {
        self.firstDay = firstDay
        self.rawEnd = rawEnd
        self.lastDay = lastDay
        self.skipped = skipped
    }

    /// Whether 95条3項 moved the end.
    public var isMoved: Bool { lastDay != rawEnd }

    /// Days from `today` to the last day (0 on the last day, negative once it has passed).
    public func daysLeft(today: CivilDate) -> Int { today.days(until: lastDay) }
}
