/// An amount of money in whole yen.
///
/// Yen has no minor unit in everyday use, and every amount the law or a court computes is
/// truncated or rounded to the yen. Kaishu therefore never uses floating point near money:
/// amounts are `Int64` yen from input to output.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public var yen: Int64

    public init(yen: Int64) { self.yen = yen }
    public init(_ yen: Int64) { self.yen = yen }

    public static let zero = Money(yen: 0)

    public static func < (a: Money, b: Money) -> Bool { a.yen < b.yen }
    public static func + (a: Money, b: Money) -> Money { Money(yen: a.yen + b.yen) }
    public static func - (a: Money, b: Money) -> Money { Money(yen: a.yen - b.yen) }
    public static func += (a: inout Money, b: Money) { a.yen += b.yen }
    public static func -= (a: inout Money, b: Money) { a.yen -= b.yen }

    public var isPositive: Bool { yen > 0 }

    /// Encodes as a bare integer, so JSON consumers see `"outstanding": 1234567`.
    public init(from decoder: any Decoder) throws {
        yen = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yen)
    }
}

extension Money: CustomStringConvertible {
    /// `¥1,234,567` (negative: `-¥1,234`).
    public var description: String { "¥" + grouped }

    /// Digits with thousands separators and no currency sign: `1,234,567`.
    public var grouped: String {
        let digits = String(yen.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return yen < 0 ? "-" + out : out
    }
}

extension Money: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self.yen = value }
}
