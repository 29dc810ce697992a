import Testing

@testable import KaishuCore

@Suite("Business calendar: weekends, national holidays and the company's closures")
struct BusinessCalendarJapanTests {
    @Test("the default calendar skips weekends, holidays and 29 December – 3 January")
    func defaultCalendar() {
        let calendar = BusinessCalendar.japan
        #expect(calendar.isBusinessDay(CivilDate(2027, 6, 21)))  // Monday
        #expect(!calendar.isBusinessDay(CivilDate(2027, 6, 19)))  // Saturday
        #expect(!calendar.isBusinessDay(CivilDate(2027, 5, 4)))  // みどりの日
        #expect(!calendar.isBusinessDay(CivilDate(2026, 12, 29)))  // Tuesday, year-end closure
        #expect(!calendar.isBusinessDay(CivilDate(2027, 1, 2)))
        #expect(calendar.nextBusinessDay(after: CivilDate(2026, 12, 28)) == CivilDate(2027, 1, 4))
        #expect(calendar.onOrAfter(CivilDate(2027, 5, 1)) == CivilDate(2027, 5, 6))
        #expect(
            calendar.adding(businessDays: 3, to: CivilDate(2027, 4, 28)) == CivilDate(2027, 5, 7))
    }

    @Test("a configured list replaces the default closure: yearly MM-DD days and one-off dates")
    func configuredClosures() throws {
        let calendar = try BusinessCalendar.japan(configured: ["08-13", "8/14", "2027-08-16"])
        #expect(!calendar.isBusinessDay(CivilDate(2027, 8, 13)))  // Friday, お盆
        #expect(!calendar.isBusinessDay(CivilDate(2028, 8, 14)))  // every year
        #expect(!calendar.isBusinessDay(CivilDate(2027, 8, 16)))  // that year only
        #expect(calendar.isBusinessDay(CivilDate(2028, 8, 16)))
        #expect(calendar.isBusinessDay(CivilDate(2026, 12, 29)))  // open over the year end now
        #expect(calendar.closedReason(CivilDate(2027, 8, 16)) == "会社休業日")
        #expect(
            try BusinessCalendar.japan(configured: nil).closedDays
                == BusinessCalendar.defaultClosedDays)
    }

    @Test("a bad configured entry is refused with its position and text")
    func badEntry() {
        #expect(throws: Refusal.self) {
            try BusinessCalendar.japan(configured: ["12-29", "13-01"])
        }
        do {
            _ = try BusinessCalendar.japan(configured: ["12-29", "new year"])
            Issue.record("expected a refusal")
        } catch let refusal as Refusal {
            #expect(refusal.reason.contains("entry 2 'new year'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the reason a day is closed names the holiday, the weekend or the closure")
    func closedReasons() {
        let calendar = BusinessCalendar.japan
        #expect(calendar.closedReason(CivilDate(2027, 5, 5)) == "こどもの日")
        #expect(calendar.closedReason(CivilDate(2027, 6, 19)) == "土曜日")
        #expect(calendar.closedReason(CivilDate(2027, 6, 20)) == "日曜日")
        #expect(calendar.closedReason(CivilDate(2026, 12, 30)) == "休業日")
        #expect(calendar.closedReason(CivilDate(2027, 6, 21)) == nil)
    }

    @Test("month-days parse as MM-DD and print back")
    func monthDays() {
        #expect(MonthDay(parsing: "12-29") == MonthDay(12, 29))
        #expect(MonthDay(parsing: "2-29") == MonthDay(2, 29))
        #expect(MonthDay(parsing: "02-30") == nil)
        #expect(MonthDay(parsing: "2027-12-29") == nil)
        #expect(MonthDay(1, 3).text == "01-03")
    }
}
