/// A limitation period of the old law: how long, under which article, for which claims.
public struct OldLawPeriod: Hashable, Sendable {
    public var years: Int
    /// The article that sets it, as the basis cites it.
    public var article: String
    /// The claims it covers, in the words of the article.
    public var claims: String
}

extension ClaimKind {
    /// The limitation period this kind of claim had under the old law (LEGAL.md §2).
    ///
    /// It governs claims from contracts made before 2020-04-01 for ever (改正法附則10条4項).
    /// The short periods of old 民法170条–174条 are special rules and beat the five commercial
    /// years (旧商法522条ただし書: "他の法令に五年間より短い時効期間の定めがあるときは、その定めるところによる").
    public var oldLawPeriod: OldLawPeriod {
        switch self {
        case .commercial:
            OldLawPeriod(years: 5, article: "旧商法522条", claims: "claims from commercial acts")
        case .civil:
            OldLawPeriod(years: 10, article: "旧民法167条1項", claims: "other claims")
        case .medical:
            OldLawPeriod(
                years: 3, article: "旧民法170条1号",
                claims: "fees of doctors, midwives and pharmacists")
        case .construction:
            OldLawPeriod(
                years: 3, article: "旧民法170条2号",
                claims: "fees of those who design, build or supervise construction work")
        case .retail:
            OldLawPeriod(
                years: 2, article: "旧民法173条1号",
                claims: "the price of goods sold by producers, wholesalers and retailers")
        case .craft:
            OldLawPeriod(
                years: 2, article: "旧民法173条2号",
                claims: "fees for work made to order by one's own skill or done in one's own workshop")
        case .tuition:
            OldLawPeriod(
                years: 2, article: "旧民法173条3号",
                claims: "school and tutoring fees and teaching materials")
        case .transport:
            OldLawPeriod(years: 1, article: "旧民法174条3号", claims: "carriage fees")
        case .hospitality:
            OldLawPeriod(
                years: 1, article: "旧民法174条4号",
                claims: "charges of inns, restaurants, rental halls and amusement places")
        case .rental:
            OldLawPeriod(years: 1, article: "旧民法174条5号", claims: "rental fees for movables")
        }
    }
}
