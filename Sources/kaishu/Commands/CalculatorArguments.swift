import ArgumentParser
import KaishuCore

/// Parsing of the calculators' option values, with errors that name the option and the text
/// (exit code 1 through `failing`).
enum CalculatorArguments {
    /// An ISO date (`YYYY-MM-DD`).
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw CommandFailure("\(option): '\(text)' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// Whole yen: digits, optionally grouped with commas (`600000`, `600,000`).
    static func yen(
        _ text: String, option: String, maximum: Money = Money(yen: 999_999_999_999_999)
    ) throws -> Money {
        let digits = text.filter { $0 != "," && $0 != "_" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 18,
            let yen = Int64(digits)
        else {
            throw CommandFailure(
                "\(option): '\(text)' is not an amount in whole yen (e.g. 600000 or 600,000)")
        }
        guard yen <= maximum.yen else {
            throw CommandFailure(
                "\(option): \(Money(yen: yen)) is above the largest amount accepted, \(maximum)")
        }
        return Money(yen: yen)
    }
}

extension CivilDate {
    /// `月`, `火` … for the human-readable output.
    var japaneseWeekday: String { ["日", "月", "火", "水", "木", "金", "土"][weekday] }
}
