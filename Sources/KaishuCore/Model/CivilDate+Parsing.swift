/// Reading dates the way Japanese invoices, spreadsheets and accounting exports write them.
///
/// `CivilDate(iso:)` reads only the strict form Kaishu stores. What people and tools write
/// varies: `2024/4/30`, `20240430`, `2024年4月30日`, full-width digits, and era dates
/// (`令和6年4月30日`, `R6.4.30`, `H31/4/30`) that are still usual on Japanese forms. An era
/// date is only a date inside its era: 平成31年5月1日 never existed (令和 began that day), so
/// it is refused rather than silently moved.
extension CivilDate {
    /// The date the text names, or `nil`. See `parse(_:)` for the forms and for why a text
    /// is refused.
    public init?(parsing text: some StringProtocol) {
        guard let date = try? CivilDate.parse(text) else { return nil }
        self = date
    }

    /// The date the text names, or an error that says why it is not one.
    ///
    /// Accepted, with full-width or half-width digits and spaces around the value:
    /// - Gregorian: `2024-04-30`, `2024/4/30`, `2024.4.30`, `20240430`, `2024年4月30日`;
    /// - era: `令和6年4月30日`, `令和元年5月1日`, `R6.4.30`, `R.06/04/30`, `R06/4/30`,
    ///   `H31/4/30`, `S64.1.7`, `令6.4.30`, `R060430`, `㍻31年4月30日` (eras 大正, 昭和, 平成, 令和);
    /// - an optional weekday, checked against the date: `2024年4月30日(火)`;
    /// - an optional time of day, ignored (spreadsheets write `2024/4/30 0:00:00`).
    ///
    /// Two-digit Gregorian years (`24/4/30`) are refused as ambiguous.
    public static func parse(_ text: some StringProtocol) throws(CivilDateParseError) -> CivilDate {
        let original = String(text)
        if let date = fastPath(original) { return date }
        return try parseWithoutFastPath(original)
    }

    /// The full reader alone (tests check that the fast path agrees with it).
    static func parseWithoutFastPath(_ text: String) throws(CivilDateParseError) -> CivilDate {
        var reader = DateTextReader(text)
        return try reader.read()
    }

    /// The forms of large exports read straight from the bytes: `2024-04-30`, `2024/4/30`,
    /// `2024年4月30日`, `令和6年4月30日`, `R6.4.30` — half-width digits, no spaces. Returns
    /// `nil` for anything else *and* for any date that is not valid, so that the full reader
    /// gives the reason.
    private static func fastPath(_ text: String) -> CivilDate? {
        let bytes = Array(text.utf8)
        let n = bytes.count
        guard n >= 5 && n <= 24 else { return nil }
        var i = 0
        var era: JapaneseEra? = nil
        for (candidate, prefix) in fastEraPrefixes where bytes.starts(with: prefix) {
            era = candidate
            i = prefix.count
            break
        }

        func number() -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39, count < 4 {
                value = value * 10 + Int(bytes[i] - 0x30)
                count += 1
                i += 1
            }
            return count == 0 ? nil : (value, count)
        }
        func take(_ token: [UInt8]) -> Bool {
            guard i + token.count <= n, bytes[i..<(i + token.count)].elementsEqual(token) else { return false }
            i += token.count
            return true
        }

        guard let year = number(), year.count == (era == nil ? 4 : min(year.count, 2)), i < n else { return nil }
        let month: (value: Int, count: Int)
        let day: (value: Int, count: Int)
        if take(kanjiYear) {
            guard let m = number(), m.count <= 2, take(kanjiMonth), let d = number(), d.count <= 2 else { return nil }
            _ = take(kanjiDay)
            (month, day) = (m, d)
        } else {
            let separator = bytes[i]
            guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".")
            else { return nil }
            i += 1
            guard let m = number(), m.count <= 2, take([separator]), let d = number(), d.count <= 2 else { return nil }
            (month, day) = (m, d)
        }
        guard i == n, year.value > 0 else { return nil }
        let gregorian = era?.gregorianYear(year.value) ?? year.value
        guard let date = CivilDate(year: gregorian, month: month.value, day: day.value) else { return nil }
        if let era, !era.contains(date) { return nil }
        return date
    }

    private static let kanjiYear = Array("年".utf8)
    private static let kanjiMonth = Array("月".utf8)
    private static let kanjiDay = Array("日".utf8)
    private static let fastEraPrefixes: [(JapaneseEra, [UInt8])] = JapaneseEra.allCases.flatMap {
        [($0, Array($0.rawValue.utf8)), ($0, Array(String($0.letter).utf8))]
    }
}

/// Why a text is not a date: `'2023-02-30' is not a date: February 2023 has 28 days`.
public struct CivilDateParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What is wrong, in words a person can act on.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "'\(text)' is not a date: \(reason)" }
}

/// A Japanese era (元号), as accounting tools still print dates: `令和6年4月30日`, `R6.4.30`.
///
/// Each era begins on the day of an accession (元号法, 1979) and its year 1 is called 元年.
/// Where one era ends and the next begins on the same day (大正15年12月25日 = 昭和元年12月25日),
/// both names are valid for that day; 平成 and 令和 changed over at midnight, so
/// 平成31年4月30日 is the last 平成 day and 令和元年5月1日 the first 令和 day.
public enum JapaneseEra: String, CaseIterable, Sendable {
    case taisho = "大正"
    case showa = "昭和"
    case heisei = "平成"
    case reiwa = "令和"

    /// The one-letter abbreviation used in forms and exports (`R6.4.30`, `H31/4/30`).
    public var letter: Character {
        switch self {
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The first day of the era (元年).
    public var firstDay: CivilDate {
        switch self {
        case .taisho: CivilDate(1912, 7, 30)
        case .showa: CivilDate(1926, 12, 25)
        case .heisei: CivilDate(1989, 1, 8)
        case .reiwa: CivilDate(2019, 5, 1)
        }
    }

    /// The last day of the era; `nil` for the current one.
    public var lastDay: CivilDate? {
        switch self {
        case .taisho: CivilDate(1926, 12, 25)
        case .showa: CivilDate(1989, 1, 7)
        case .heisei: CivilDate(2019, 4, 30)
        case .reiwa: nil
        }
    }

    /// The Gregorian year of the era's year `eraYear` (元年 = 1).
    public func gregorianYear(_ eraYear: Int) -> Int { firstDay.year + eraYear - 1 }

    /// Whether the date lies within the era.
    public func contains(_ date: CivilDate) -> Bool {
        date >= firstDay && date <= (lastDay ?? date)
    }

    /// The era for a name (`令和`), a one-kanji abbreviation (`令`) or a letter (`R`, `r`).
    public init?(name: some StringProtocol) {
        let upper = name.uppercased()
        guard
            let era = JapaneseEra.allCases.first(where: {
                $0.rawValue == upper || String($0.rawValue.prefix(1)) == upper
                    || String($0.letter) == upper
            })
        else { return nil }
        self = era
    }

    /// `令和6年4月30日`, `令和元年5月1日`: the date written in this era.
    public func format(_ date: CivilDate) -> String {
        let year = date.year - firstDay.year + 1
        return "\(rawValue)\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
    }
}

/// A one-pass reader over a folded date text; see `CivilDate.parse(_:)` for the grammar.
private struct DateTextReader {
    let original: String
    var scalars: [Unicode.Scalar]
    var position = 0

    init(_ original: String) {
        self.original = original
        var folded: [Unicode.Scalar] = []
        for scalar in TextFold.trimmed(TextFold.width(original)).unicodeScalars {
            switch scalar.value {
            // Square era names (㋿ ㍻ ㍼ ㍽) as the two kanji they stand for.
            case 0x32FF: folded += ["令", "和"]
            case 0x337B: folded += ["平", "成"]
            case 0x337C: folded += ["昭", "和"]
            case 0x337D: folded += ["大", "正"]
            default: folded.append(scalar)
            }
        }
        scalars = folded
    }

    func failure(_ reason: String) -> CivilDateParseError {
        CivilDateParseError(text: original, reason: reason)
    }

    static let forms = "expected a date such as 2024-04-30, 2024/4/30, 20240430, 令和6年4月30日 or R6.4.30"

    mutating func read() throws(CivilDateParseError) -> CivilDate {
        guard !scalars.isEmpty else { throw failure("the value is empty") }
        try dropTimeOfDay()
        let weekday = try takeWeekday()
        scalars.removeAll(where: TextFold.isBlank)

        let era = takeEra()
        let date = try readBody(era: era)
        guard position == scalars.count else {
            throw failure("unexpected '\(String(String.UnicodeScalarView(scalars[position...])))'; \(Self.forms)")
        }
        if let weekday, weekday != date.weekday {
            throw failure("\(date.iso) is a \(Self.weekdayNames[date.weekday]), not a \(Self.weekdayNames[weekday])")
        }
        return date
    }

    /// Removes a trailing ` 0:00`, ` 00:00:00` or `T00:00:00` (spreadsheets add midnight).
    mutating func dropTimeOfDay() throws(CivilDateParseError) {
        guard let colon = scalars.firstIndex(of: ":") else { return }
        var cut = colon
        while cut > 0 && Self.asciiDigit(scalars[cut - 1]) != nil { cut -= 1 }
        guard cut > 0, TextFold.isBlank(scalars[cut - 1]) || scalars[cut - 1] == "T" else {
            throw failure(Self.forms)
        }
        let time = String(String.UnicodeScalarView(scalars[cut...]))
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
            let hour = Int(parts[0]), hour < 24,
            parts.dropFirst().allSatisfy({ $0.count == 2 && Int($0)! < 60 })
        else { throw failure("'\(time)' is not a time of day") }
        scalars.removeSubrange((cut - 1)...)
        while let last = scalars.last, TextFold.isBlank(last) { scalars.removeLast() }
    }

    static let weekdayKanji: [Unicode.Scalar] = ["日", "月", "火", "水", "木", "金", "土"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Removes a trailing `(火)`, `(火曜)` or `(火曜日)` and returns its weekday.
    mutating func takeWeekday() throws(CivilDateParseError) -> Int? {
        guard scalars.last == ")" || scalars.last == "）" else { return nil }
        guard let open = scalars.lastIndex(where: { $0 == "(" || $0 == "（" }) else {
            throw failure("unbalanced parenthesis; \(Self.forms)")
        }
        let inner = TextFold.trimmed(String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)])))
        let base =
            inner.hasSuffix("曜日") ? String(inner.dropLast(2)) : inner.hasSuffix("曜") ? String(inner.dropLast()) : inner
        guard base.unicodeScalars.count == 1, let weekday = Self.weekdayKanji.firstIndex(of: base.unicodeScalars.first!)
        else { throw failure("'(\(inner))' is not a day of the week") }
        scalars.removeSubrange(open...)
        return weekday
    }

    /// An era name, one-kanji abbreviation or letter at the start, with an optional `.`
    /// after a letter (`R.06/04/30`).
    mutating func takeEra() -> JapaneseEra? {
        for era in JapaneseEra.allCases {
            let name = Array(era.rawValue.unicodeScalars)
            if scalars.starts(with: name) {
                position = name.count
                return era
            }
        }
        guard let first = scalars.first, let era = JapaneseEra(name: String(first)) else { return nil }
        position = 1
        if first.isASCII, position < scalars.count, scalars[position] == ".",
            position + 1 < scalars.count, Self.asciiDigit(scalars[position + 1]) != nil
        {
            position += 1
        }
        return era
    }

    mutating func digits() -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while position < scalars.count, let digit = Self.asciiDigit(scalars[position]) {
            if count < 9 { value = value * 10 + digit }
            count += 1
            position += 1
        }
        return count == 0 ? nil : (value, count)
    }

    static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
    }

    mutating func expect(_ scalar: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    mutating func readBody(era: JapaneseEra?) throws(CivilDateParseError) -> CivilDate {
        // The year: digits, or 元 (the first year) after an era name.
        let year: (value: Int, count: Int)
        if era != nil && expect("元") {
            year = (1, 1)
        } else if let digits = digits() {
            year = digits
        } else {
            throw failure(Self.forms)
        }

        if position == scalars.count {
            // Compact forms: YYYYMMDD, or an era letter and YYMMDD (R060430).
            guard (era == nil && year.count == 8) || (era != nil && year.count == 6) else {
                throw failure(Self.forms)
            }
            return try make(
                era: era, year: year.value / 10000, month: (year.value / 100) % 100, day: year.value % 100)
        }

        let month: Int
        let day: Int

        let separator = scalars[position]
        position += 1
        switch separator {
        case "年":
            guard let m = digits(), m.count <= 2, expect("月"), let d = digits(), d.count <= 2 else {
                throw failure(Self.forms)
            }
            _ = expect("日")
            (month, day) = (m.value, d.value)
        case "/", "-", ".":
            guard let m = digits(), m.count <= 2, expect(separator), let d = digits(), d.count <= 2 else {
                throw failure(Self.forms)
            }
            (month, day) = (m.value, d.value)
        default:
            throw failure(Self.forms)
        }

        if era == nil && year.count != 4 {
            if year.count <= 2 {
                throw failure("a two-digit year is ambiguous; write the full year (2024/4/30) or the era (R6/4/30)")
            }
            throw failure("the year must have four digits")
        }
        if era != nil && year.count > 2 { throw failure("an era year has one or two digits") }
        return try make(era: era, year: year.value, month: month, day: day)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    func make(era: JapaneseEra?, year: Int, month: Int, day: Int) throws(CivilDateParseError) -> CivilDate {
        if let era, year == 0 { throw failure("\(era.rawValue) years start at 1 (元年)") }
        let gregorian = era?.gregorianYear(year) ?? year
        guard (1...12).contains(month) else { throw failure("there is no month \(month)") }
        guard gregorian >= 1 else { throw failure("there is no year \(gregorian)") }
        let days = CivilDate.daysIn(month: month, year: gregorian)
        guard (1...days).contains(day) else {
            if day == 0 { throw failure("there is no day 0") }
            throw failure("\(Self.monthNames[month - 1]) \(gregorian) has \(days) days")
        }
        guard let date = CivilDate(year: gregorian, month: month, day: day) else {
            throw failure("the year is out of range")
        }
        if let era {
            if date < era.firstDay {
                throw failure("\(era.rawValue) began on \(era.firstDay.iso) (\(era.format(era.firstDay)))")
            }
            if let last = era.lastDay, date > last {
                throw failure("\(era.rawValue) ended on \(last.iso) (\(era.format(last)))")
            }
        }
        return date
    }
}
