/// Reading amounts of yen as spreadsheets and invoices write them.
///
/// Accounting exports print `1,234`, `¥1,234`, `1,234円` or full-width `１，２３４`; Shift_JIS
/// files show the yen sign as a backslash (`\1,234`, byte 0x5C). All mean 1,234 yen. What
/// is refused is what would have to be guessed: fractions of a yen (`1234.5` — yen has no
/// minor unit here, see `Money`), negative amounts (`-1,234`, `△1,234`, `(1,234)`: a credit
/// note is not a receivable), misplaced separators (`12,34`) and anything not a number.
extension Money {
    /// The amount the text names, or `nil`; see `parse(_:)`.
    public init?(parsing text: some StringProtocol) {
        guard let money = try? Money.parse(text) else { return nil }
        self = money
    }

    /// The amount the text names, or an error that says why it is not one.
    ///
    /// Accepted: digits with or without thousands separators, an optional leading `¥`, `￥`
    /// or `\`, an optional trailing `円`, full-width digits and punctuation, and blanks
    /// around the value. Zero is an amount (`0`); whether zero is allowed is the caller's rule.
    public static func parse(_ text: some StringProtocol) throws(MoneyParseError) -> Money {
        let original = String(text)
        if let yen = plainDigits(original.utf8) { return Money(yen: yen) }
        return try parseWithoutFastPath(original)
    }

    /// The full reader alone (tests check that the fast path agrees with it).
    static func parseWithoutFastPath(_ original: String) throws(MoneyParseError) -> Money {
        func failure(_ reason: String) -> MoneyParseError { MoneyParseError(text: original, reason: reason) }

        var scalars = Array(TextFold.trimmed(TextFold.width(original)).unicodeScalars)
        guard !scalars.isEmpty else { throw failure("the value is empty") }

        if Self.negativeMarks.contains(scalars[0]) || (scalars.first == "(" && scalars.last == ")") {
            throw failure("negative amounts are not accepted")
        }
        // Currency: ¥ (U+00A5), ￥ (U+FFE5), \ (Shift_JIS shows 0x5C as ¥) before; 円 after.
        if let first = scalars.first, first == "¥" || first == "￥" || first == "\\" {
            scalars.removeFirst()
        }
        if scalars.last == "円" { scalars.removeLast() }
        while let first = scalars.first, TextFold.isBlank(first) { scalars.removeFirst() }
        while let last = scalars.last, TextFold.isBlank(last) { scalars.removeLast() }
        if let first = scalars.first, Self.negativeMarks.contains(first) {
            throw failure("negative amounts are not accepted")
        }
        guard !scalars.isEmpty else { throw failure("there is no number") }

        var groups: [[Unicode.Scalar]] = [[]]
        for scalar in scalars {
            switch scalar {
            case "0"..."9": groups[groups.count - 1].append(scalar)
            case ",": groups.append([])
            case ".":
                throw failure("amounts are whole yen; there is a decimal point")
            default:
                throw failure(
                    "'\(scalar)' is not part of an amount; expected digits such as 1234, 1,234, ¥1,234 or 1,234円")
            }
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw failure("the thousands separators are misplaced")
            }
        }
        guard !groups[0].isEmpty else { throw failure("there is no number") }
        var yen: Int64 = 0
        for scalar in groups.joined() {
            let (times, overflow1) = yen.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(scalar.value - 0x30))
            guard !overflow1, !overflow2 else { throw failure("the amount is too large") }
            yen = sum
        }
        return Money(yen: yen)
    }

    /// Signs of a negative amount, in Western and Japanese bookkeeping.
    private static let negativeMarks: Set<Unicode.Scalar> = ["-", "−", "△", "▲", "－"]

    /// `1234` or `1,234,567` in ASCII with well-placed separators: the common case in large
    /// files, read without building anything. `nil` sends the text to the full reader.
    private static func plainDigits(_ utf8: String.UTF8View) -> Int64? {
        var yen: Int64 = 0
        var digits = 0
        var digitsInGroup = 0
        var groups = 0
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 18 else { return nil }  // 18 digits cannot overflow Int64
                yen = yen * 10 + Int64(byte - 0x30)
                digitsInGroup += 1
            } else if byte == UInt8(ascii: ",") {
                guard digitsInGroup >= 1 && (groups == 0 ? digitsInGroup <= 3 : digitsInGroup == 3) else { return nil }
                groups += 1
                digitsInGroup = 0
            } else {
                return nil
            }
        }
        guard digitsInGroup > 0, groups == 0 || digitsInGroup == 3 else { return nil }
        return yen
    }
}

/// Why a text is not an amount: `'1234.5' is not an amount of yen: amounts are whole yen; …`.
public struct MoneyParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What is wrong, in words a person can act on.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "'\(text)' is not an amount of yen: \(reason)" }
}
