import Testing

@testable import KaishuCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test("day numbers round-trip across leap years and centuries")
    func dayNumberRoundTrip() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: number).dayNumber == number)
        }
        #expect(CivilDate(1970, 1, 1).dayNumber == 0)
        #expect(CivilDate(2000, 3, 1).dayNumber - CivilDate(2000, 2, 28).dayNumber == 2)
    }

    @Test("impossible dates are refused")
    func impossibleDates() {
        #expect(CivilDate(year: 2023, month: 2, day: 30) == nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "2024-4-30") == nil)
        #expect(CivilDate(iso: "2024-04-30") == CivilDate(2024, 4, 30))
    }

    @Test("stored dates are exactly YYYY-MM-DD in ASCII digits")
    func strictISO() {
        for text in [
            "+024-04-30", "2024-04-3１", "2024/04/30", "2024-04-30 ", "", "2024-02-30", "0000-01-01", "２０２４-04-30",
        ] {
            #expect(CivilDate(iso: text) == nil, "\(text)")
        }
        #expect(CivilDate(iso: "2024-02-29") == CivilDate(2024, 2, 29))
        #expect(CivilDate(iso: "x2024-12-31x".dropFirst().dropLast()) == CivilDate(2024, 12, 31))
        for day in stride(from: CivilDate(1, 1, 1).dayNumber, through: CivilDate(9999, 12, 31).dayNumber, by: 997) {
            let date = CivilDate(dayNumber: day)
            #expect(CivilDate(iso: date.iso) == date)
        }
    }

    @Test("weekday of known dates")
    func weekdays() {
        #expect(CivilDate(2026, 11, 23).weekday == 1)  // Monday
        #expect(CivilDate(2027, 6, 19).weekday == 6)  // Saturday
        #expect(CivilDate(1970, 1, 1).weekday == 4)  // Thursday
    }

    @Test("adding months clamps to the end of a shorter month")
    func addingMonths() {
        #expect(CivilDate(2024, 1, 31).adding(months: 1) == CivilDate(2024, 2, 29))
        #expect(CivilDate(2024, 2, 29).adding(years: 5) == CivilDate(2029, 2, 28))
    }

    @Test("money prints with thousands separators")
    func moneyFormatting() {
        #expect(Money(1_234_567).description == "¥1,234,567")
        #expect(Money(0).grouped == "0")
        #expect(Money(-1234).grouped == "-1,234")
    }
}
