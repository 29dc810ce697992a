/// The limits of small-claims litigation (少額訴訟).
public enum SmallClaims {
    /// 民事訴訟法368条1項: only money claims whose value is 600,000 yen or less. The value is
    /// the principal: interest and damages claimed alongside are not counted (民訴法9条2項).
    public static let principalLimit: Money = 600_000

    /// 民事訴訟規則223条: the same plaintiff may use small claims at most 10 times a calendar
    /// year at the same summary court.
    public static let usesPerCourtPerYear = 10

    /// Whether a small-claims suit may be filed: the principal, and how many times this
    /// creditor has already used small claims at that court this calendar year.
    public static func check(principal: Money, priorUsesThisYear: Int) -> SmallClaimsCheck {
        var reasons: [String] = []
        if !principal.isPositive {
            reasons.append("the claim value must be at least 1 yen")
        }
        if principal > principalLimit {
            reasons.append(
                "small claims is only for claims of \(principalLimit) or less (民事訴訟法368条1項); this claim is \(principal)"
            )
        }
        if priorUsesThisYear >= usesPerCourtPerYear {
            reasons.append(
                "already used \(priorUsesThisYear) times this year at this court; the limit is \(usesPerCourtPerYear) a calendar year per summary court (民事訴訟規則223条)"
            )
        }
        let remaining = max(0, usesPerCourtPerYear - priorUsesThisYear - (reasons.isEmpty ? 1 : 0))
        return SmallClaimsCheck(
            allowed: reasons.isEmpty, reasons: reasons, usesLeftAfterThis: remaining)
    }

    /// How many small-claims suits this creditor filed at `court` in calendar year `year`.
    /// Court names are compared after trimming spaces (full-width too); keep one spelling per
    /// court on the cases (e.g. 東京簡易裁判所).
    public static func priorUses(at court: String, in year: Int, filings: [SmallClaimsFiling])
        -> Int
    {
        let key = normalized(court)
        return filings.filter { $0.filed.year == year && normalized($0.court) == key }.count
    }

    private static func normalized(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" })
    }
}

/// One small-claims suit this creditor filed.
public struct SmallClaimsFiling: Hashable, Sendable, Codable {
    public var court: String
    public var filed: CivilDate
    public init(court: String, filed: CivilDate) {
        self.court = court
        self.filed = filed
    }
}

/// The answer of `SmallClaims.check`.
public struct SmallClaimsCheck: Hashable, Sendable, Codable {
    public var allowed: Bool
    /// Why not, each with its article; empty when allowed.
    public var reasons: [String]
    /// Uses left at that court this year after this filing (if allowed).
    public var usesLeftAfterThis: Int
}
