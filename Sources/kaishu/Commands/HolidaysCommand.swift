import ArgumentParser
import KaishuCore

/// `kaishu holidays [YEAR]`: the national holidays of a year with their Japanese names.
struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List Japan's national holidays of a year (国民の祝日・振替休日・国民の休日).",
        discussion: """
            Computed from the Act on National Holidays for 1948–2150: fixed days, Happy Monday \
            days, the equinox days, substitute holidays (振替休日), citizens' holidays (休日) and \
            the one-off days. Without YEAR, the year of --today.
            """
    )

    @Argument(help: "The year (1948–2150); default: the year of --today.")
    var year: Int?

    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await failing {
            let year = try self.year ?? day.resolve().year
            guard JapaneseHolidays.supportedYears.contains(year) else {
                throw CommandFailure(
                    "holidays: \(year) is outside \(JapaneseHolidays.supportedYears.lowerBound)–\(JapaneseHolidays.supportedYears.upperBound), the years the calendar is computed for"
                )
            }
            let holidays = JapaneseHolidays().holidays(in: year)
            if output.json {
                try printJSON(holidays)
            } else {
                for holiday in holidays {
                    print("\(holiday.date) (\(holiday.date.japaneseWeekday))  \(holiday.name)")
                }
            }
        }
    }
}
