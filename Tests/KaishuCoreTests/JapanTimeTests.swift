import Foundation
import KaishuCore
import Testing

@Suite("Japan time stamps")
struct JapanTimeTests {
    @Test("recordedAt is the instant in Japan Standard Time, exactly as ISO8601DateFormatter writes it")
    func matchesTheFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        // Whole seconds from 1990 to 2100, a prime step apart, across midnights and year ends.
        for second in stride(from: 631_152_000, through: 4_102_444_800, by: 7_919_993) {
            let date = Date(timeIntervalSince1970: TimeInterval(second))
            #expect(JapanTime.timestamp(date) == formatter.string(from: date))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(JapanTime.today(date) == CivilDate(parts.year!, parts.month!, parts.day!))
        }
    }

    @Test("midnight in Japan is 15:00 UTC the day before; milliseconds are kept")
    func midnightAndMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_795_359_600.25)  // 2026-11-22T15:00:00.25Z
        #expect(JapanTime.timestamp(date) == "2026-11-23T00:00:00.250+09:00")
        #expect(JapanTime.today(date) == CivilDate(2026, 11, 23))
        #expect(JapanTime.today(date.addingTimeInterval(-0.5)) == CivilDate(2026, 11, 22))
        #expect(JapanTime.timestamp(Date(timeIntervalSince1970: -0.5)) == "1970-01-01T08:59:59.500+09:00")
    }
}
