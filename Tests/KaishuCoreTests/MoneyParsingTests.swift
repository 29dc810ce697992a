import Testing

@testable import KaishuCore

@Suite("Reading amounts of yen")
struct MoneyParsingTests {
    @Test(
        "separators, yen signs, 円 and full-width digits all read as the same amount",
        arguments: [
            "1234", "1,234", "¥1,234", "￥1,234", "1,234円", "１，２３４", "￥１，２３４", "１２３４円", " 1,234 ",
            "\u{3000}1234\u{3000}", "\\1,234", "¥ 1,234", "1234 円", "\t1234",
        ])
    func accepted(text: String) throws {
        #expect(try Money.parse(text) == Money(1234))
    }

    @Test("large amounts and zero read exactly")
    func largeAndZero() throws {
        #expect(try Money.parse("1,234,567,890") == Money(1_234_567_890))
        #expect(try Money.parse("9223372036854775807") == Money(yen: Int64.max))
        #expect(try Money.parse("0") == Money.zero)
        #expect(Money(parsing: "600,000") == Money(600_000))
    }

    @Test(
        "fractions, negatives, misplaced separators and non-numbers are refused with a reason",
        arguments: [
            ("1234.5", "amounts are whole yen; there is a decimal point"),
            ("1,234.00", "amounts are whole yen; there is a decimal point"),
            ("-1,234", "negative amounts are not accepted"),
            ("−1234", "negative amounts are not accepted"),
            ("△1,234", "negative amounts are not accepted"),
            ("▲1234", "negative amounts are not accepted"),
            ("(1,234)", "negative amounts are not accepted"),
            ("¥-1,234", "negative amounts are not accepted"),
            ("12,34", "the thousands separators are misplaced"),
            ("1,2345", "the thousands separators are misplaced"),
            (",123", "the thousands separators are misplaced"),
            ("1,234,", "the thousands separators are misplaced"),
            ("", "the value is empty"),
            ("  ", "the value is empty"),
            ("円", "there is no number"),
            ("¥", "there is no number"),
            ("9223372036854775808", "the amount is too large"),
            ("1 234", "' ' is not part of an amount; expected digits such as 1234, 1,234, ¥1,234 or 1,234円"),
            ("abc", "'a' is not part of an amount; expected digits such as 1234, 1,234, ¥1,234 or 1,234円"),
            ("1e5", "'e' is not part of an amount; expected digits such as 1234, 1,234, ¥1,234 or 1,234円"),
            ("千円", "'千' is not part of an amount; expected digits such as 1234, 1,234, ¥1,234 or 1,234円"),
        ])
    func refused(text: String, reason: String) {
        #expect(throws: MoneyParseError(text: text, reason: reason)) { try Money.parse(text) }
        #expect(Money(parsing: text) == nil)
    }

    @Test("the error names the text and the reason")
    func message() {
        let error = MoneyParseError(text: "1234.5", reason: "amounts are whole yen; there is a decimal point")
        #expect(
            error.description == "'1234.5' is not an amount of yen: amounts are whole yen; there is a decimal point")
    }
}
