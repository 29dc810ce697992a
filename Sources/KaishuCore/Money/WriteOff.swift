/// Whether a receivable may be written off as a bad debt for corporate tax
/// (貸倒損失, 法人税基本通達9-6-1〜9-6-3), and for how much.
///
/// Three grounds, checked in this order:
///
/// - **9-6-1 legal** (法律上の貸倒れ): the claim was cut by a rehabilitation or reorganisation
///   plan, a special liquidation agreement, a creditors' meeting, or a written waiver to a
///   debtor long insolvent — the amount cut is written off, in the year of the event.
/// - **9-6-2 factual** (事実上の貸倒れ): the debtor's assets and ability to pay make it clear
///   that *nothing* can be collected; the whole amount, and only after any collateral has
///   been realised.
/// - **9-6-3 formal** (形式上の貸倒れ), receivables from continuing trade only:
///   (1) one year or more has passed since the later of the last transaction, the last due
///   date and the last payment, and the claim has no collateral; or (2) the receivables from
///   debtors in the same area total less than the cost of collecting them, and a demand went
///   unanswered. The claim is written down to a memo value of 1 yen (備忘価額).
///
/// In every case the creditor must be able to show that it tried to collect; the case's
/// event log is that evidence. This function decides only what the facts given allow.
public enum WriteOff {
    /// The memo value a formal write-off leaves on the books (9-6-3).
    public static let memoValue: Money = 1

    public static func assess(_ facts: WriteOffFacts, today: CivilDate) -> WriteOffAssessment {
        var notMet: [String] = []
        guard facts.outstanding.isPositive else {
            return WriteOffAssessment(
                ground: nil, eligible: false, writeOffAmount: .zero,
                remainingBookValue: facts.outstanding,
                reasons: [], notMet: ["nothing is outstanding"], formalEligibleFrom: nil)
        }

        // 9-6-1: legal cut.
        if let cut = facts.legalCut {
            if cut.date <= today {
                let amount = min(cut.amount, facts.outstanding)
                return WriteOffAssessment(
                    ground: .legal, eligible: true, writeOffAmount: amount,
                    remainingBookValue: facts.outstanding - amount,
                    reasons: [
                        "\(cut.event.japaneseName) on \(cut.date) cut \(amount) (法人税基本通達9-6-1\(cut.event.item)); write it off in the business year that contains that date"
                    ],
                    notMet: [], formalEligibleFrom: nil)
            }
            notMet.append("the \(cut.event.japaneseName) of \(cut.date) has not happened yet")
        } else {
            notMet.append("9-6-1: no plan, agreement or written waiver has cut the claim")
        }

        // 9-6-2: factually uncollectable in full.
        if facts.wholeAmountUncollectable {
            if facts.hasCollateral && !facts.collateralRealised {
                notMet.append(
                    "9-6-2: the collateral must be realised before the rest can be written off")
            } else {
                return WriteOffAssessment(
                    ground: .factual, eligible: true, writeOffAmount: facts.outstanding,
                    remainingBookValue: .zero,
                    reasons: [
                        "the debtor's assets and ability to pay make it clear that nothing can be collected (法人税基本通達9-6-2); keep the evidence (the event log, the debtor's situation) with the books"
                    ],
                    notMet: [], formalEligibleFrom: nil)
            }
        } else {
            notMet.append(
                "9-6-2: not recorded as uncollectable in full (a partial shortfall is not enough)")
        }

        // 9-6-3: formal write-off for continuing trade.
        var formalReasons: [String] = []
        var eligibleFrom: CivilDate?
        if !facts.continuingTrade {
            notMet.append(
                "9-6-3: applies only to receivables from continuing trade, not a one-off sale")
        } else {
            let latest = [facts.lastTransaction, facts.lastDueDate, facts.lastPayment].compactMap {
                $0
            }.max()
            if let latest {
                let from = oneYearPassed(since: latest)
                eligibleFrom = from
                if facts.hasCollateral {
                    notMet.append("9-6-3(1): the claim has collateral")
                } else if today >= from {
                    formalReasons.append(
                        "one year has passed since \(latest), the latest of the last transaction, due date and payment (法人税基本通達9-6-3(1))"
                    )
                } else {
                    notMet.append(
                        "9-6-3(1): one year since \(latest) has not passed; eligible from \(from) (\(today.days(until: from)) days)"
                    )
                }
            } else {
                notMet.append("9-6-3(1): no last transaction, due or payment date is recorded")
            }
            if let cost = facts.estimatedCollectionCost {
                let total = facts.sameAreaOutstanding ?? facts.outstanding
                if total < cost && facts.demandWentUnanswered {
                    formalReasons.append(
                        "collecting would cost \(cost), more than the \(total) owed by debtors in the same area, and a demand went unanswered (法人税基本通達9-6-3(2))"
                    )
                } else if total >= cost {
                    notMet.append(
                        "9-6-3(2): the collection cost \(cost) does not exceed the \(total) owed")
                } else {
                    notMet.append("9-6-3(2): a demand must have gone unanswered first")
                }
            } else {
                notMet.append("9-6-3(2): no estimate of the collection cost")
            }
        }
        if !formalReasons.isEmpty {
            let amount = facts.outstanding - memoValue
            return WriteOffAssessment(
                ground: .formal, eligible: true, writeOffAmount: amount,
                remainingBookValue: memoValue,
                reasons: formalReasons + ["written down to the memo value of \(memoValue) (備忘価額)"],
                notMet: [], formalEligibleFrom: eligibleFrom)
        }
        return WriteOffAssessment(
            ground: nil, eligible: false, writeOffAmount: .zero,
            remainingBookValue: facts.outstanding,
            reasons: [], notMet: notMet, formalEligibleFrom: eligibleFrom)
    }

    /// The first day on which "one year or more has passed" since `date`. The year runs from
    /// the next day (民法140条) and ends at the end of the day before its anniversary
    /// (143条2項), so it has fully passed on the day after that: last payment 2024-03-10 →
    /// the year ends with 2025-03-10 → eligible from 2025-03-11. Reading "one year" as
    /// reached on the anniversary itself would allow it a day earlier; Kaishu takes the
    /// later, safer date.
    static func oneYearPassed(since date: CivilDate) -> CivilDate {
        LateInterest.endOfYears(from: date.adding(days: 1), years: 1).adding(days: 1)
    }
}

/// What the write-off rules look at, taken from the case.
public struct WriteOffFacts: Hashable, Sendable, Codable {
    public var outstanding: Money
    /// Receivables from continuing trade (9-6-3 only covers these).
    public var continuingTrade: Bool
    /// The last sale or delivery to the debtor (when trade stopped).
    public var lastTransaction: CivilDate?
    /// The last due date of the claims.
    public var lastDueDate: CivilDate?
    /// The last payment received.
    public var lastPayment: CivilDate?
    /// Security for the claim (a pledge, a mortgage, a guarantee deposit).
    public var hasCollateral: Bool
    public var collateralRealised: Bool
    /// The estimated cost of collecting (travel, fees, postage).
    public var estimatedCollectionCost: Money?
    /// The total owed by this creditor's debtors in the same area (9-6-3(2)); `nil`: this case.
    public var sameAreaOutstanding: Money?
    /// A demand was made and no payment came.
    public var demandWentUnanswered: Bool
    /// The collector's finding, with evidence, that nothing can be collected (9-6-2).
    public var wholeAmountUncollectable: Bool
    /// A legal event that cut the claim (9-6-1).
    public var legalCut: LegalCut?

    public init(
        outstanding: Money, continuingTrade: Bool = true, lastTransaction: CivilDate? = nil,
        lastDueDate: CivilDate? = nil, lastPayment: CivilDate? = nil, hasCollateral: Bool = false,
        collateralRealised: Bool = false, estimatedCollectionCost: Money? = nil,
        sameAreaOutstanding: Money? = nil, demandWentUnanswered: Bool = false,
        wholeAmountUncollectable: Bool = false, legalCut: LegalCut? = nil
    ) {
        self.outstanding = outstanding
        self.continuingTrade = continuingTrade
        self.lastTransaction = lastTransaction
        self.lastDueDate = lastDueDate
        self.lastPayment = lastPayment
        self.hasCollateral = hasCollateral
        self.collateralRealised = collateralRealised
        self.estimatedCollectionCost = estimatedCollectionCost
        self.sameAreaOutstanding = sameAreaOutstanding
        self.demandWentUnanswered = demandWentUnanswered
        self.wholeAmountUncollectable = wholeAmountUncollectable
        self.legalCut = legalCut
    }
}

/// A legal event that extinguished part or all of the claim (法人税基本通達9-6-1).
public struct LegalCut: Hashable, Sendable, Codable {
    public enum Event: String, CaseIterable, Hashable, Sendable, Codable {
        /// 更生計画認可の決定 / 再生計画認可の決定 — 9-6-1(1).
        case reorganisationOrRehabilitationPlan = "plan"
        /// 特別清算に係る協定の認可の決定 — 9-6-1(2).
        case specialLiquidationAgreement = "special-liquidation"
        /// 債権者集会の協議決定等 — 9-6-1(3).
        case creditorsMeeting = "creditors-meeting"
        /// 書面による債務免除 to a debtor insolvent for a long time — 9-6-1(4).
        case writtenWaiver = "written-waiver"

        public var japaneseName: String {
            switch self {
            case .reorganisationOrRehabilitationPlan: "更生計画・再生計画の認可決定"
            case .specialLiquidationAgreement: "特別清算の協定の認可決定"
            case .creditorsMeeting: "債権者集会の協議決定"
            case .writtenWaiver: "書面による債務免除"
            }
        }

        var item: String {
            switch self {
            case .reorganisationOrRehabilitationPlan: "(1)"
            case .specialLiquidationAgreement: "(2)"
            case .creditorsMeeting: "(3)"
            case .writtenWaiver: "(4)"
            }
        }
    }

    public var event: Event
    public var date: CivilDate
    /// The amount of this claim the event cut.
    public var amount: Money

    public init(event: Event, date: CivilDate, amount: Money) {
        self.event = event
        self.date = date
        self.amount = amount
    }
}

/// The answer of `WriteOff.assess`.
public struct WriteOffAssessment: Hashable, Sendable, Codable {
    public enum Ground: String, Hashable, Sendable, Codable {
        case legal = "9-6-1"
        case factual = "9-6-2"
        case formal = "9-6-3"
    }

    /// The ground that allows it, or `nil`.
    public var ground: Ground?
    public var eligible: Bool
    /// The amount to write off (for a formal write-off, the outstanding less 1 yen).
    public var writeOffAmount: Money
    /// What stays on the books: 1 yen after a formal write-off.
    public var remainingBookValue: Money
    /// Why it is allowed.
    public var reasons: [String]
    /// Why each ground is not met (empty when eligible).
    public var notMet: [String]
    /// For continuing trade with a known last date: the first day the one-year rule allows it.
    public var formalEligibleFrom: CivilDate?
}
