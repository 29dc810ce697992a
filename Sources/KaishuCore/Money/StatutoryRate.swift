/// The statutory rate of late-payment damages, fixed by when the debtor first fell into
/// delay (民法419条1項 → 404条), as a dated table.
///
/// - Delay beginning before 2020-04-01: the old law — 5 % a year (old 民法404条), or 6 % for
///   a debt from a commercial act (old 商法514条) (改正法附則17条3項).
/// - Delay beginning on or after 2020-04-01: 3 % (民法404条2項), revised every 3 years
///   (each period from 1 April, 404条3項〜5項). The Ministry of Justice has announced 3 % for
///   the periods up to 2029-03-31. For a later period the rate is **not yet announced**:
///   Kaishu says so and does not assume.
///
/// The rate applies to the whole delay, however long it runs: a later change of the
/// statutory rate does not change the rate of a delay that had already begun.
public enum StatutoryRate {
    /// The rate for a delay that began on `delayBegan` (the day after the due date).
    public static func rate(
        delayBegan: CivilDate, kind: ObligationKind, table: StatutoryRateTable = .standard
    ) -> StatutoryRateLookup {
        table.lookup(delayBegan: delayBegan, kind: kind)
    }
}

/// Whose debt it is, which matters only for delay before 2020-04-01 (6 % commercial).
public enum ObligationKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Any debt not from a commercial act: old 5 %.
    case civil
    /// A debt from a commercial act (商行為) for either party (商法3条1項), which includes every
    /// transaction of a company (会社法5条): old 6 % (old 商法514条).
    case commercial

    /// The kind a business creditor's claim most likely has. A company's trade receivables
    /// are from commercial acts; a claim recorded as `civil` or `medical` (a clinic's fees)
    /// is taken as civil. Let the user override it where the parties are not merchants.
    public init(claimKind: ClaimKind) {
        switch claimKind {
        case .civil, .medical: self = .civil
        default: self = .commercial
        }
    }
}

/// The answer of a rate look-up.
public enum StatutoryRateLookup: Hashable, Sendable {
    /// The rate in force, with the law it comes from.
    case known(rate: InterestRate, basis: String)
    /// The Ministry of Justice has not yet announced the rate of the 3-year period that
    /// contains the date (民法404条3項〜5項).
    case notYetAnnounced(periodStart: CivilDate, periodEnd: CivilDate)

    public var rate: InterestRate? {
        if case .known(let rate, _) = self { return rate }
        return nil
    }

    /// One line for the case view or the command's output.
    public var explanation: String {
        switch self {
        case .known(let rate, let basis):
            return "\(rate) a year (\(basis))"
        case .notYetAnnounced(let start, let end):
            return
                "the statutory rate for delay beginning in the period \(start) – \(end) has not been announced yet (民法404条3項〜5項); enter the rate once the Ministry of Justice announces it"
        }
    }
}

/// The statutory rates by the date the delay began. Decodable from configuration so a newly
/// announced period can be added without a new release.
public struct StatutoryRateTable: Hashable, Sendable, Codable {
    public var periods: [StatutoryRatePeriod]

    public init(periods: [StatutoryRatePeriod]) { self.periods = periods }

    /// What the law and the Ministry of Justice's announcements fix as of 2026.
    public static let standard = StatutoryRateTable(periods: [
        StatutoryRatePeriod(
            from: nil, through: CivilDate(2020, 3, 31), civil: .percent(5), commercial: .percent(6),
            civilBasis: "旧民法404条, delay before 2020-04-01 (改正法附則17条3項)",
            commercialBasis: "旧商法514条, delay before 2020-04-01 (改正法附則17条3項)"),
        StatutoryRatePeriod(
            from: CivilDate(2020, 4, 1), through: CivilDate(2023, 3, 31), rate: .percent(3),
            basis: "民法404条2項, first period 2020-04 – 2023-03"),
        StatutoryRatePeriod(
            from: CivilDate(2023, 4, 1), through: CivilDate(2026, 3, 31), rate: .percent(3),
            basis: "民法404条3項, period 2023-04 – 2026-03 (法務省告示)"),
        StatutoryRatePeriod(
            from: CivilDate(2026, 4, 1), through: CivilDate(2029, 3, 31), rate: .percent(3),
            basis: "民法404条3項, period 2026-04 – 2029-03 (法務省告示)"),
    ])

    /// The 3-year periods of 民法404条3項 begin on 1 April of 2020, 2023, 2026, …
    public static let firstVariablePeriod = CivilDate(2020, 4, 1)

    public func lookup(delayBegan date: CivilDate, kind: ObligationKind) -> StatutoryRateLookup {
        if let period = periods.last(where: { $0.contains(date) }) {
            switch kind {
            case .civil: return .known(rate: period.civil, basis: period.civilBasis)
            case .commercial: return .known(rate: period.commercial, basis: period.commercialBasis)
            }
        }
        let first = StatutoryRateTable.firstVariablePeriod
        let index = max(0, (date.year - first.year - (date.month < 4 ? 1 : 0)) / 3)
        let start = CivilDate(first.year + 3 * index, 4, 1)
        return .notYetAnnounced(periodStart: start, periodEnd: CivilDate(start.year + 3, 3, 31))
    }
}

/// The statutory rate over a span of dates on which delay may begin.
public struct StatutoryRatePeriod: Hashable, Sendable, Codable {
    /// First day (`nil`: since ever).
    public var from: CivilDate?
    /// Last day (`nil`: until further notice).
    public var through: CivilDate?
    public var civil: InterestRate
    public var commercial: InterestRate
    public var civilBasis: String
    public var commercialBasis: String

    public init(
        from: CivilDate?, through: CivilDate?, civil: InterestRate, commercial: InterestRate,
        civilBasis: String, commercialBasis: String
    ) {
        self.from = from
        self.through = through
        self.civil = civil
        self.commercial = commercial
        self.civilBasis = civilBasis
        self.commercialBasis = commercialBasis
    }

    /// One rate for civil and commercial debts alike (the law since 2020-04-01 has no
    /// separate commercial rate: old 商法514条 was repealed).
    public init(from: CivilDate?, through: CivilDate?, rate: InterestRate, basis: String) {
        self.init(
            from: from, through: through, civil: rate, commercial: rate, civilBasis: basis,
            commercialBasis: basis)
    }

    public func contains(_ date: CivilDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (through.map { date <= $0 } ?? true)
    }
}
