/// The filing fees (申立手数料, paid in revenue stamps) of the Act on Costs of Civil
/// Procedure (民事訴訟費用等に関する法律 別表第一), by claim value.
///
/// The fee is cumulative over brackets of the claim value; within each bracket every unit
/// *or part of a unit* costs the unit fee (「…までごとに」: rounded up). The lawsuit table
/// (1の項) also prices small claims; a payment order costs half the lawsuit fee (10の項);
/// civil mediation has its own table (14の項).
///
/// Examples (lawsuit / payment order / mediation): 600,000 → 6,000 / 3,000 / 3,000;
/// 1,000,000 → 10,000 / 5,000 / 5,000; 5,000,000 → 30,000 / 15,000 / 15,000.
public struct CourtFees: Hashable, Sendable, Codable {
    /// The tables in force over time, any order; `table(on:)` picks the latest in force.
    public var tables: [CourtFeeTable]

    public init(tables: [CourtFeeTable]) { self.tables = tables }

    /// The tables as the Act stands (the table in force since 2004-01-01, 平成15年改正).
    public static let standard = CourtFees(tables: [.since2004])

    /// The table in force on `date`, or `nil` before the earliest known.
    public func table(on date: CivilDate) -> CourtFeeTable? {
        tables.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The filing fee for `procedure` on a claim of `claimValue` yen filed on `date`.
    ///
    /// - Throws: `Refusal` if the value is not positive, if small claims is asked for above
    ///   600,000 yen (民事訴訟法368条1項), or if no table covers the date.
    public func fee(_ procedure: CourtProcedure, claimValue: Money, on date: CivilDate) throws
        -> Money
    {
        guard claimValue.isPositive else {
            throw Refusal("the claim value must be at least 1 yen (got \(claimValue))")
        }
        if procedure == .smallClaims && claimValue > SmallClaims.principalLimit {
            throw Refusal(
                "small claims is only for claims of \(SmallClaims.principalLimit) or less (民事訴訟法368条1項); \(claimValue) must go by lawsuit, payment order or mediation"
            )
        }
        guard let table = table(on: date) else {
            throw Refusal("no court fee table is in force on \(date)")
        }
        switch procedure {
        case .lawsuit, .smallClaims:
            return table.lawsuit.fee(for: claimValue)
        case .paymentOrder:
            // 10の項: half of the 1の項 amount. Lawsuit fees are multiples of 1,000 yen, so
            // the half is exact; a table that broke this would still round down to the yen.
            return Money(yen: table.lawsuit.fee(for: claimValue).yen / 2)
        case .mediation:
            return table.mediation.fee(for: claimValue)
        }
    }

    /// The fee under the standard tables (convenience for the calculator and tests).
    public static func fee(_ procedure: CourtProcedure, claimValue: Money, on date: CivilDate)
        throws -> Money
    {
        try standard.fee(procedure, claimValue: claimValue, on: date)
    }
}

/// The court procedures with a filing fee.
public enum CourtProcedure: String, CaseIterable, Hashable, Sendable, Codable {
    case lawsuit
    case smallClaims = "small-claims"
    case paymentOrder = "payment-order"
    case mediation

    /// The stage of the collection ladder that files this procedure.
    public var stage: Stage {
        switch self {
        case .lawsuit: .lawsuit
        case .smallClaims: .smallClaims
        case .paymentOrder: .paymentOrder
        case .mediation: .mediation
        }
    }

    public init?(stage: Stage) {
        switch stage {
        case .lawsuit: self = .lawsuit
        case .smallClaims: self = .smallClaims
        case .paymentOrder: self = .paymentOrder
        case .mediation: self = .mediation
        default: return nil
        }
    }

    public var japaneseName: String { stage.japaneseName }
}

/// The fee tables in force from a date.
public struct CourtFeeTable: Hashable, Sendable, Codable {
    public var effectiveFrom: CivilDate
    /// 別表第一 1の項 (lawsuits, small claims); 10の項 takes half of it.
    public var lawsuit: FeeSchedule
    /// 別表第一 14の項 (civil mediation).
    public var mediation: FeeSchedule

    public init(effectiveFrom: CivilDate, lawsuit: FeeSchedule, mediation: FeeSchedule) {
        self.effectiveFrom = effectiveFrom
        self.lawsuit = lawsuit
        self.mediation = mediation
    }

    /// 別表第一 as amended in 2003 (in force 2004-01-01).
    public static let since2004 = CourtFeeTable(
        effectiveFrom: CivilDate(2004, 1, 1),
        lawsuit: FeeSchedule(brackets: [
            FeeBracket(upTo: 1_000_000, unit: 100_000, feePerUnit: 1_000),
            FeeBracket(upTo: 5_000_000, unit: 200_000, feePerUnit: 1_000),
            FeeBracket(upTo: 10_000_000, unit: 500_000, feePerUnit: 2_000),
            FeeBracket(upTo: 1_000_000_000, unit: 1_000_000, feePerUnit: 3_000),
            FeeBracket(upTo: 5_000_000_000, unit: 5_000_000, feePerUnit: 10_000),
            FeeBracket(upTo: nil, unit: 10_000_000, feePerUnit: 10_000),
        ]),
        mediation: FeeSchedule(brackets: [
            FeeBracket(upTo: 1_000_000, unit: 100_000, feePerUnit: 500),
            FeeBracket(upTo: 5_000_000, unit: 200_000, feePerUnit: 500),
            FeeBracket(upTo: 10_000_000, unit: 500_000, feePerUnit: 1_000),
            FeeBracket(upTo: 1_000_000_000, unit: 1_000_000, feePerUnit: 1_200),
            FeeBracket(upTo: 5_000_000_000, unit: 5_000_000, feePerUnit: 4_000),
            FeeBracket(upTo: nil, unit: 10_000_000, feePerUnit: 4_000),
        ])
    )
}

/// A cumulative fee schedule: brackets in ascending order of their upper bound.
public struct FeeSchedule: Hashable, Sendable, Codable {
    public var brackets: [FeeBracket]

    public init(brackets: [FeeBracket]) { self.brackets = brackets }

    /// The sum over brackets of ⌈part of the value in the bracket ÷ unit⌉ × unit fee.
    public func fee(for value: Money) -> Money {
        var fee: Int64 = 0
        var lower: Int64 = 0
        for bracket in brackets {
            guard value.yen > lower else { break }
            let upper = bracket.upTo.map { min($0.yen, value.yen) } ?? value.yen
            let part = upper - lower
            let units = (part - 1) / bracket.unit.yen + 1  // part > 0: rounded up, no overflow
            fee += units * bracket.feePerUnit.yen
            guard let limit = bracket.upTo else { break }
            lower = limit.yen
        }
        return Money(yen: fee)
    }
}

/// One bracket of a fee schedule: the part of the value from the previous bracket's bound
/// up to `upTo` (`nil`: no bound) costs `feePerUnit` for each `unit` or part of one.
public struct FeeBracket: Hashable, Sendable, Codable {
    public var upTo: Money?
    public var unit: Money
    public var feePerUnit: Money

    public init(upTo: Money?, unit: Money, feePerUnit: Money) {
        self.upTo = upTo
        self.unit = unit
        self.feePerUnit = feePerUnit
    }
}
