/// An annual interest rate, held exactly as millionths of the principal per year
/// (3 % = 30,000; 14.6 % = 146,000), so no rate a contract writes is ever rounded.
public struct InterestRate: Hashable, Comparable, Sendable, Codable {
    /// Parts per million of the principal per year.
    public var perMillion: Int64

    public init(perMillion: Int64) { self.perMillion = perMillion }

    /// A whole-number percentage: `.percent(3)` is 3 % a year.
    public static func percent(_ whole: Int64) -> InterestRate {
        InterestRate(perMillion: whole * 10_000)
    }

    /// Parses a percentage as written: `3`, `14.6`, `0.25`, `3%` — at most 4 decimal
    /// places, between 0 and 1000 %. `nil` for anything else.
    public init?(percent text: some StringProtocol) {
        var body = Substring(text).trimmingSpaces
        if body.hasSuffix("%") || body.hasSuffix("％") { body = body.dropLast().trimmingSpaces }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count <= 4
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 4, parts.count == 1 || !fraction.isEmpty,
            let whole = Int64(parts[0]),
            let decimals = Int64(fraction + String(repeating: "0", count: 4 - fraction.count))
        else { return nil }
        let value = whole * 10_000 + decimals
        guard value <= InterestRate.maximum.perMillion else { return nil }
        self.perMillion = value
    }

    /// 1000 % a year: no real rate comes near, and it keeps the arithmetic well inside 128 bits.
    public static let maximum = InterestRate(perMillion: 10_000_000)

    /// `3`, `14.6`, `0.25` (no trailing zeros, no sign).
    public var percentText: String {
        let whole = perMillion / 10_000
        var fraction = String(perMillion % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    public static func < (a: InterestRate, b: InterestRate) -> Bool { a.perMillion < b.perMillion }
}

extension InterestRate: CustomStringConvertible {
    public var description: String { percentText + "%" }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\u{3000}" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\u{3000}" { s.removeLast() }
        return s
    }
}
