extension Prescription {
    /// The day the reformed Civil Code took effect (平成29年法律第44号, 施行日). The contract
    /// date decides old or new law against it (改正法附則10条1項・4項); an event's date decides
    /// which rules give that event its effect (附則10条2項・3項).
    public static let reformDate = CivilDate(2020, 4, 1)

    /// The last day of a period of `months` months whose first counted day is `start`.
    ///
    /// 民法143条2項: a period that does not begin at the start of a month ends on the day
    /// *before* the day in the last month corresponding to the start day; where that month has
    /// no such day (a start on the 29th–31st), it ends on the last day of that month. A start on
    /// the 1st gives the end of the previous month, as 143条1項 does for whole months.
    ///
    /// Not "the day before start + N months with clamping": start 2023-03-01, 60 months →
    /// 2028-03-01 exists → the last day is 2028-02-29; start 2024-02-29, 60 months → 2029 has
    /// no 29 February → 2029-02-28.
    public static func lastDay(ofMonths months: Int, startingOn start: CivilDate) -> CivilDate {
        let total = start.year * 12 + (start.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let length = CivilDate.daysIn(month: month, year: year)
        if start.day <= length {
            return CivilDate(year, month, start.day).adding(days: -1)
        }
        return CivilDate(year, month, length)
    }

    /// The last day of a period of `years` years whose first counted day is `start` (民法143条2項).
    public static func lastDay(ofYears years: Int, startingOn start: CivilDate) -> CivilDate {
        lastDay(ofMonths: 12 * years, startingOn: start)
    }

    /// The last day of a period of `months` months running from an event on `date`: the day of
    /// the event is not counted (初日不算入, 民法140条), so counting starts the next day.
    public static func lastDay(ofMonths months: Int, after date: CivilDate) -> CivilDate {
        lastDay(ofMonths: months, startingOn: date.adding(days: 1))
    }

    /// The last day of a period of `years` years running from an event on `date` (民法140条, 143条2項).
    public static func lastDay(ofYears years: Int, after date: CivilDate) -> CivilDate {
        lastDay(ofMonths: 12 * years, startingOn: date.adding(days: 1))
    }
}
