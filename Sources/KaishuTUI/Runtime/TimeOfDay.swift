import Foundation
import KaishuCore

/// The local time of day, read at the program's edge: the runtime asks it before handling each
/// batch of input and hands the answer to `update` as `Action.clock`, so the core never reads a
/// clock and tests choose the hour. `nil` means there is no clock for the day being worked (a
/// fixed `--today` without `--time`): the quiet hours are then not checked.
public typealias TimeOfDayClock = @Sendable () -> LocalTime?

public enum TimeOfDay {
    /// No clock: the quiet hours are never checked.
    public static let none: TimeOfDayClock = { nil }

    /// Always `time` (`--time HH:MM`, tests).
    public static func fixed(_ time: LocalTime) -> TimeOfDayClock { { time } }

    /// The wall clock in `zone`.
    public static func wallClock(in zone: TimeZone) -> TimeOfDayClock {
        {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.hour, .minute], from: Date())
            return LocalTime(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
        }
    }

    /// The wall clock in Japan, where the debtors are (as `kaishu case note` reads it).
    public static let japan: TimeOfDayClock = wallClock(in: TimeZone(identifier: "Asia/Tokyo") ?? .current)

    /// The clock a program should use: `--time` when given, else none when `--today` fixed the
    /// date (the wall clock's hour means nothing for another day), else the clock in Japan.
    public static func resolve(time: LocalTime?, todayIsInjected: Bool) -> TimeOfDayClock {
        if let time { return fixed(time) }
        return todayIsInjected ? none : japan
    }
}
