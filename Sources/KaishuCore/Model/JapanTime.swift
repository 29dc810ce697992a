import Foundation

/// An instant written in Japan Standard Time, as every `recordedAt` in the event log is.
///
/// Japan keeps UTC+9 all year (no daylight saving since 1951), so the civil date and time are
/// plain arithmetic on the seconds since 1970: no calendar, no time-zone database, and no
/// `ISO8601DateFormatter`, whose creation alone cost about a millisecond per saved note.
public enum JapanTime {
    public static let offsetSeconds = 9 * 3600

    /// `2026-11-23T18:05:09.123+09:00`: ISO 8601 with milliseconds and the +09:00 offset
    /// (the milliseconds truncated).
    public static func timestamp(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) + offsetSeconds * 1000
        let (days, inDay) = floorDivide(milliseconds, 86_400_000)
        let day = CivilDate(dayNumber: days)
        let seconds = inDay / 1000
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let millis = inDay % 1000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : String(millis)
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(fraction)+09:00"
    }

    /// The date in Japan at `date`.
    public static func today(_ date: Date) -> CivilDate {
        CivilDate(
            dayNumber: floorDivide(Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds, 86_400).quotient)
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}
