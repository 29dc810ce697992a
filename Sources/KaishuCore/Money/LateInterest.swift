/// Late-payment damages (遅延損害金, 民法419条1項): interest on the unpaid principal from the
/// day after the due date, at the agreed rate or else the statutory rate (`StatutoryRate`).
///
/// Two day counts, both counting the first and the last day:
///
/// - **court** (default; the practice of the Tokyo District Court's execution centre):
///   whole years counted from the start date at the annual rate, then each remaining day
///   at rate/366 if that day falls in a leap calendar year, else rate/365.
/// - **days365** (「年365日の日割計算」 in a contract): every day at rate/365, leap or not.
///
/// The sum is kept as an exact fraction and truncated to the yen once, at the end.
///
/// Example: 1,000,000 yen at 3 % from 2024-05-01 to 2026-03-15 = 1 year (2024-05-01 –
/// 2025-04-30) + 319 days of 2025–2026 → 30,000 + 30,000 × 319/365 = 56,219.17… → 56,219 yen.
public enum LateInterest {
    /// How days turn into a fraction of a year.
    public enum Method: String, CaseIterable, Hashable, Sendable, Codable {
        /// Whole years, then each remaining day over 366 in a leap year, else 365.
        case court
        /// Every day over 365.
        case days365 = "365"
    }

    /// The damages on `principal` at `rate` for every day from `from` to `to`, both included,
    /// truncated to the yen. Zero when `to` is before `from`.
    ///
    /// Preconditions (checked): principal 0 … 10¹² yen; rate at most `InterestRate.maximum`.
    public static func compute(
        principal: Money, rate: InterestRate, from: CivilDate, to: CivilDate,
        method: Method = .court
    ) -> Money {
        breakdown(principal: principal, rate: rate, from: from, to: to, method: method).interest
    }

    /// The damages over several periods (a principal reduced by part payments, say), summed
    /// exactly and truncated once — not the sum of separately truncated amounts.
    public static func compute(_ periods: [InterestPeriod], method: Method = .court) -> Money {
        var whole: Int64 = 0
        var remainder: Int64 = 0
        for period in periods {
            let part = breakdown(
                principal: period.principal, rate: period.rate, from: period.from, to: period.to,
                method: method)
            whole += part.exact.whole
            remainder += part.exact.remainder
            whole += remainder / denominator
            remainder %= denominator
        }
        return Money(yen: whole)
    }

    /// The computation laid out: how the period splits, and the amount.
    public static func breakdown(
        principal: Money, rate: InterestRate, from: CivilDate, to: CivilDate,
        method: Method = .court
    ) -> InterestBreakdown {
        precondition(
            (0...maximumPrincipal.yen).contains(principal.yen),
            "late interest: principal \(principal) outside 0…\(maximumPrincipal)")
        precondition(
            (0...InterestRate.maximum.perMillion).contains(rate.perMillion),
            "late interest: rate \(rate) outside 0…\(InterestRate.maximum)")
        let totalDays = max(0, from.days(until: to) + 1)
        var years = 0
        var days365 = 0
        var days366 = 0
        switch method {
        case .days365:
            days365 = totalDays
        case .court:
            if totalDays > 0 {
                while from.year + years < 9999, endOfYears(from: from, years: years + 1) <= to {
                    years += 1
                }
                let rest = endOfYears(from: from, years: years).adding(days: 1)
                var year = rest.year
                while year <= to.year {
                    let start = max(rest, CivilDate(year, 1, 1))
                    let end = min(to, CivilDate(year, 12, 31))
                    let days = start.days(until: end) + 1
                    if days > 0 {
                        if CivilDate.isLeap(year) { days366 += days } else { days365 += days }
                    }
                    year += 1
                }
            }
        }
        // interest = P × r × (Y + d365/365 + d366/366), r = perMillion / 10⁶; over the
        // common denominator 10⁶ × 365 × 366 the factor in days is:
        let dayFactor = UInt64(years) * 365 * 366 + UInt64(days365) * 366 + UInt64(days366) * 365
        let principalTimesRate = UInt64(principal.yen) * UInt64(rate.perMillion)  // ≤ 10¹⁹ < 2⁶⁴
        let product = principalTimesRate.multipliedFullWidth(by: dayFactor)
        let (quotient, remainder) = UInt64(denominator).dividingFullWidth(product)
        return InterestBreakdown(
            method: method, totalDays: totalDays, wholeYears: years, days365: days365,
            days366: days366,
            exact: ExactYen(whole: Int64(quotient), remainder: Int64(remainder)))
    }

    /// Largest principal the calculator accepts: 1 trillion yen.
    public static let maximumPrincipal = Money(yen: 1_000_000_000_000)

    /// 10⁶ × 365 × 366: every amount is a whole number of these parts of a yen.
    static let denominator: Int64 = 1_000_000 * 365 * 366

    /// The last day of `years` whole years counted from `from` (its first day): the day
    /// before the same date `years` later (民法143条2項); from 29 February into a year without
    /// one, the last day of February. `years == 0` gives the day before `from`.
    static func endOfYears(from: CivilDate, years: Int) -> CivilDate {
        let year = from.year + years
        if from.month == 2 && from.day == 29 && !CivilDate.isLeap(year) {
            return CivilDate(year, 2, 28)
        }
        return CivilDate(year, from.month, from.day).adding(days: -1)
    }
}

/// One stretch of late interest: a principal, a rate, and its first and last day.
public struct InterestPeriod: Hashable, Sendable, Codable {
    public var principal: Money
    public var rate: InterestRate
    public var from: CivilDate
    public var to: CivilDate

    public init(principal: Money, rate: InterestRate, from: CivilDate, to: CivilDate) {
        self.principal = principal
        self.rate = rate
        self.from = from
        self.to = to
    }
}

/// How `LateInterest` counted a period, for the basis shown next to the amount.
public struct InterestBreakdown: Hashable, Sendable, Codable {
    public var method: LateInterest.Method
    /// Days from the first to the last day, both included.
    public var totalDays: Int
    /// Whole years at the annual rate (court method only).
    public var wholeYears: Int
    /// Remaining days counted over 365.
    public var days365: Int
    /// Remaining days counted over 366 (court method, days in leap years).
    public var days366: Int
    /// The exact amount before truncation.
    public var exact: ExactYen

    /// The amount truncated to the yen.
    public var interest: Money { Money(yen: exact.whole) }

    /// `1 year + 319/365`, `684/365`, `2 years + 10/366 + 20/365`.
    public var fractionText: String {
        var parts: [String] = []
        if wholeYears > 0 { parts.append(wholeYears == 1 ? "1 year" : "\(wholeYears) years") }
        if days366 > 0 { parts.append("\(days366)/366") }
        if days365 > 0 || parts.isEmpty { parts.append("\(days365)/365") }
        return parts.joined(separator: " + ")
    }
}

/// An amount of yen as a whole part and a remainder in units of 1/(10⁶ × 365 × 366) yen.
public struct ExactYen: Hashable, Sendable, Codable {
    public var whole: Int64
    public var remainder: Int64
}
