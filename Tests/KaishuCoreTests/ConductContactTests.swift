import Testing

@testable import KaishuCore

@Suite("Conduct: quiet hours and the weekly contact cap")
struct ConductContactTests {
    @Test("contact from 21:00 to 07:59 is inside the quiet hours; 08:00 and 20:59 are not")
    func quietHours() {
        let window = QuietHours.standard
        #expect(window.contains(LocalTime(21, 0)))
        #expect(window.contains(LocalTime(23, 59)))
        #expect(window.contains(LocalTime(0, 0)))
        #expect(window.contains(LocalTime(7, 59)))
        #expect(!window.contains(LocalTime(8, 0)))
        #expect(!window.contains(LocalTime(20, 59)))
        #expect(!window.contains(LocalTime(12, 0)))
    }

    @Test("the warning cites 貸金業法21条 as the model and the tort risk")
    func quietWarningText() throws {
        let warning = try #require(ContactConduct.quietHoursWarning(at: LocalTime(21, 30)))
        #expect(warning.kind == .quietHours)
        #expect(warning.message.contains("貸金業法21条"))
        #expect(warning.message.contains("民法709条"))
        #expect(ContactConduct.quietHoursWarning(at: LocalTime(10, 0)) == nil)
    }

    @Test("the window is configurable, with or without wrapping midnight")
    func configurableWindow() {
        let late = QuietHours(start: LocalTime(22, 0), end: LocalTime(7, 0))
        #expect(ContactConduct.quietHoursWarning(at: LocalTime(21, 30), window: late) == nil)
        #expect(ContactConduct.quietHoursWarning(at: LocalTime(6, 59), window: late) != nil)
        let lunch = QuietHours(start: LocalTime(12, 0), end: LocalTime(13, 0))
        #expect(lunch.contains(LocalTime(12, 30)))
        #expect(!lunch.contains(LocalTime(13, 0)))
        #expect(!QuietHours(start: LocalTime(9, 0), end: LocalTime(9, 0)).contains(LocalTime(9, 0)))
    }

    @Test("more attempts than the cap in a rolling 7 days warns; older attempts drop out")
    func weeklyCap() throws {
        let day = CivilDate(2027, 6, 14)
        let five = (1...5).map { day.adding(days: -$0) }  // 06-09 … 06-13
        let warning = try #require(
            ContactConduct.weeklyCapWarning(previousAttempts: five, on: day, cap: 5))
        #expect(warning.kind == .weeklyCap)
        #expect(warning.message.contains("attempt 6"))
        #expect(
            ContactConduct.weeklyCapWarning(
                previousAttempts: Array(five.prefix(4)), on: day, cap: 5) == nil)
        // An attempt 7 days before is outside the window 06-08 … 06-14.
        let older = Array(five.prefix(4)) + [day.adding(days: -7)]
        #expect(ContactConduct.weeklyCapWarning(previousAttempts: older, on: day, cap: 5) == nil)
    }

    @Test("check gathers both warnings under a policy")
    func policy() {
        let policy = ContactPolicy(quietHours: .standard, weeklyCap: 1)
        let day = CivilDate(2027, 6, 14)
        let warnings = ContactConduct.check(
            date: day, time: LocalTime(22, 15), previousAttempts: [day], policy: policy)
        #expect(warnings.map(\.kind) == [.quietHours, .weeklyCap])
        #expect(
            ContactConduct.check(date: day, time: LocalTime(10, 0), previousAttempts: []).isEmpty)
    }

    @Test("times parse as HH:MM and refuse impossible values")
    func parsing() {
        #expect(LocalTime(parsing: "21:00") == LocalTime(21, 0))
        #expect(LocalTime(parsing: "8:05") == LocalTime(8, 5))
        #expect(LocalTime(parsing: "24:00") == nil)
        #expect(LocalTime(parsing: "12:5") == nil)
        #expect(LocalTime(8, 5).description == "08:05")
    }
}
