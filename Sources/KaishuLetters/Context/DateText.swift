import KaishuCore

/// Dates and amounts as a letter writes them, per language.
enum LetterText {
    static let japaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `2026年11月24日` / `24 November 2026`.
    static func date(_ date: CivilDate, _ language: LetterLanguage) -> String {
        switch language {
        case .ja: "\(date.year)年\(date.month)月\(date.day)日"
        case .en: "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// `2026年12月2日（水）` / `Wednesday, 2 December 2026`: a deadline names its weekday, so
    /// the reader sees at once that it is a working day.
    static func dateWithWeekday(_ date: CivilDate, _ language: LetterLanguage) -> String {
        switch language {
        case .ja: "\(self.date(date, .ja))（\(japaneseWeekdays[date.weekday])）"
        case .en: "\(englishWeekdays[date.weekday]), \(self.date(date, .en))"
        }
    }

    /// Full-width forms of ASCII letters, digits and symbols (U+FF01…U+FF5E, U+3000 for the
    /// space): on the certified-mail grid every character takes one cell, so a half-width `1`
    /// would break the columns of a plain-text copy.
    static func fullWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x21...0x7E: out.append(Unicode.Scalar(scalar.value + 0xFEE0)!)
            case 0x20: out.append(Unicode.Scalar(0x3000)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
