/// What the next step of collection will cost, against what it can bring in.
///
/// A step costs more than its court fee: a certified letter is postage plus three
/// surcharges; a court filing needs postage stamps deposited for service (予納郵券), set by
/// each court. Every amount here is data with the date it took effect, so a user can update
/// the post office's or a court's new price in the configuration without a new release.
/// When the step costs as much as it can recover or more, the estimate carries a
/// 費用倒れ ("the costs fall over") warning.
public enum CollectionCosts {
    /// The expected out-of-pocket cost of taking `step` on a claim of `claimValue` filed or
    /// sent on `date`, compared with `recoverable` (default: the claim value).
    ///
    /// - Parameters:
    ///   - court: the court's name as configured for postage deposits (`nil`: the default).
    ///   - certifiedPages: pages of a certified letter (each copy's page count).
    /// - Throws: `Refusal` for a stage that is an outcome, for small claims above 600,000
    ///   yen, or when no table covers the date.
    public static func estimate(
        step: Stage, claimValue: Money, recoverable: Money? = nil, on date: CivilDate,
        court: String? = nil, certifiedPages: Int = 1, table: CollectionCostTable = .standard
    ) throws -> StepCostEstimate {
        var items: [CostItem] = []
        switch step {
        case .phone, .email:
            break
        case .demandLetter:
            let postal = try table.postalFees(on: date)
            items.append(
                CostItem(label: "郵便料金 (postage)", amount: postal.basePostage, basis: postal.source))
        case .certifiedMail:
            items += try table.postalFees(on: date).certifiedMail(pages: certifiedPages)
        case .paymentOrder, .smallClaims, .lawsuit, .mediation:
            let procedure = CourtProcedure(stage: step)!
            let fee = try table.courtFees.fee(procedure, claimValue: claimValue, on: date)
            items.append(
                CostItem(
                    label: "申立手数料 (filing fee, revenue stamps)", amount: fee,
                    basis: "民事訴訟費用等に関する法律 別表第一"))
            if let deposit = table.postageDeposit(for: step, court: court, on: date) {
                items.append(
                    CostItem(
                        label: "予納郵券 (postage deposit)", amount: deposit.amount, basis: deposit.note
                    ))
            }
        case .enforcement:
            items.append(
                CostItem(
                    label: "申立手数料 (債権差押命令)", amount: table.enforcementFee,
                    basis: "民事訴訟費用等に関する法律 別表第一 11の2の項"))
            if let deposit = table.postageDeposit(for: .enforcement, court: court, on: date) {
                items.append(
                    CostItem(
                        label: "予納郵券 (postage deposit)", amount: deposit.amount, basis: deposit.note
                    ))
            }
        case .paymentPlan, .paid, .writtenOff, .withdrawn:
            throw Refusal(
                "\(step.rawValue) is an outcome, not a collection step: it has no cost to estimate")
        }
        let total = items.reduce(Money.zero) { $0 + $1.amount }
        let canRecover = recoverable ?? claimValue
        let uneconomic = total.isPositive && total >= canRecover
        let warning =
            uneconomic
            ? "費用倒れ: \(step.japaneseName) costs \(total), as much as or more than the \(canRecover) it can recover"
            : nil
        return StepCostEstimate(
            step: step, items: items, total: total, recoverable: canRecover,
            isUneconomic: uneconomic,
            warning: warning)
    }
}

/// The cost estimate of one step.
public struct StepCostEstimate: Hashable, Sendable, Codable {
    public var step: Stage
    public var items: [CostItem]
    public var total: Money
    public var recoverable: Money
    /// The step costs at least what it can recover (費用倒れ).
    public var isUneconomic: Bool
    public var warning: String?
}

/// One line of a cost estimate.
public struct CostItem: Hashable, Sendable, Codable {
    public var label: String
    public var amount: Money
    /// Where the amount comes from (a statute, a dated price list, a configured estimate).
    public var basis: String
}

/// The prices `CollectionCosts` uses. Decodable from configuration.
public struct CollectionCostTable: Hashable, Sendable, Codable {
    public var courtFees: CourtFees
    public var postal: [PostalFees]
    public var postageDeposits: [PostageDeposit]
    /// 債権差押命令の申立手数料 (別表第一 11の2の項イ), per title of execution.
    public var enforcementFee: Money

    public init(
        courtFees: CourtFees = .standard, postal: [PostalFees] = PostalFees.standard,
        postageDeposits: [PostageDeposit] = PostageDeposit.standard, enforcementFee: Money = 4_000
    ) {
        self.courtFees = courtFees
        self.postal = postal
        self.postageDeposits = postageDeposits
        self.enforcementFee = enforcementFee
    }

    public static let standard = CollectionCostTable()

    /// The postal prices in force on `date`.
    public func postalFees(on date: CivilDate) throws -> PostalFees {
        guard
            let fees = postal.filter({ $0.effectiveFrom <= date }).max(by: {
                $0.effectiveFrom < $1.effectiveFrom
            })
        else {
            throw Refusal(
                "no postal price list is in force on \(date); add one to the configuration")
        }
        return fees
    }

    /// The deposit for `step` at `court` on `date`: the court's own entry if configured,
    /// else the default (court `nil`); the latest in force either way.
    public func postageDeposit(for step: Stage, court: String?, on date: CivilDate)
        -> PostageDeposit?
    {
        let candidates = postageDeposits.filter { $0.stage == step && $0.effectiveFrom <= date }
        let latest = { (list: [PostageDeposit]) in list.max { $0.effectiveFrom < $1.effectiveFrom }
        }
        if let court, let own = latest(candidates.filter { $0.court == court }) { return own }
        return latest(candidates.filter { $0.court == nil })
    }
}

/// Japan Post's prices for a letter and a certified letter (内容証明郵便), from a date.
public struct PostalFees: Hashable, Sendable, Codable {
    public var effectiveFrom: CivilDate
    /// A standard-size letter (定形郵便物), up to 50 g.
    public var basePostage: Money
    /// 内容証明料 for the first page.
    public var certifiedFirstPage: Money
    /// 内容証明料 for each further page.
    public var certifiedExtraPage: Money
    /// 一般書留 (certified mail must be registered).
    public var registered: Money
    /// 配達証明 asked for when posting (its date is the demand's arrival).
    public var deliveryProof: Money
    public var source: String

    public init(
        effectiveFrom: CivilDate, basePostage: Money, certifiedFirstPage: Money,
        certifiedExtraPage: Money,
        registered: Money, deliveryProof: Money, source: String
    ) {
        self.effectiveFrom = effectiveFrom
        self.basePostage = basePostage
        self.certifiedFirstPage = certifiedFirstPage
        self.certifiedExtraPage = certifiedExtraPage
        self.registered = registered
        self.deliveryProof = deliveryProof
        self.source = source
    }

    /// The items of a certified letter with proof of delivery, `pages` pages long.
    public func certifiedMail(pages: Int) -> [CostItem] {
        let extra = Int64(max(1, pages) - 1)
        return [
            CostItem(label: "郵便料金 (postage)", amount: basePostage, basis: source),
            CostItem(
                label: "内容証明料 (\(max(1, pages)) page\(pages > 1 ? "s" : ""))",
                amount: certifiedFirstPage + Money(yen: extra * certifiedExtraPage.yen),
                basis: source),
            CostItem(label: "一般書留 (registered)", amount: registered, basis: source),
            CostItem(label: "配達証明 (proof of delivery)", amount: deliveryProof, basis: source),
        ]
    }

    /// Japan Post's counter prices: from 2019-10-01 (1 page, proof of delivery: 1,279 yen)
    /// and from 2024-10-01 (1,420 yen). Add the next revision in the configuration.
    public static let standard: [PostalFees] = [
        PostalFees(
            effectiveFrom: CivilDate(2019, 10, 1), basePostage: 84, certifiedFirstPage: 440,
            certifiedExtraPage: 260, registered: 435, deliveryProof: 320,
            source: "日本郵便 prices from 2019-10-01"),
        PostalFees(
            effectiveFrom: CivilDate(2024, 10, 1), basePostage: 110, certifiedFirstPage: 480,
            certifiedExtraPage: 290, registered: 480, deliveryProof: 350,
            source: "日本郵便 prices from 2024-10-01"),
    ]
}

/// Postage stamps deposited with a court for service (予納郵券). Each court sets its own
/// amount, and the court IT reform is folding them into the filing fee: configure the
/// courts you use; the defaults are estimates.
public struct PostageDeposit: Hashable, Sendable, Codable {
    /// The court's name, or `nil` for the default used for any court.
    public var court: String?
    public var stage: Stage
    public var amount: Money
    public var effectiveFrom: CivilDate
    public var note: String

    public init(court: String?, stage: Stage, amount: Money, effectiveFrom: CivilDate, note: String) {
        self.court = court
        self.stage = stage
        self.amount = amount
        self.effectiveFrom = effectiveFrom
        self.note = note
    }

    /// Rough amounts for one plaintiff and one defendant; set your court's own.
    public static let standard: [PostageDeposit] = [
        PostageDeposit(
            court: nil, stage: .lawsuit, amount: 6_000, effectiveFrom: CivilDate(2004, 1, 1),
            note: "estimate (about 5,000–6,000 yen, set per court); configure your court's amount"),
        PostageDeposit(
            court: nil, stage: .smallClaims, amount: 6_000, effectiveFrom: CivilDate(2004, 1, 1),
            note: "estimate (set per court); configure your court's amount"),
        PostageDeposit(
            court: nil, stage: .paymentOrder, amount: 1_500, effectiveFrom: CivilDate(2004, 1, 1),
            note:
                "estimate for serving the order on one debtor (set per court); the declaration's service costs again"
        ),
        PostageDeposit(
            court: nil, stage: .mediation, amount: 2_000, effectiveFrom: CivilDate(2004, 1, 1),
            note: "estimate (set per court); configure your court's amount"),
        PostageDeposit(
            court: nil, stage: .enforcement, amount: 3_000, effectiveFrom: CivilDate(2004, 1, 1),
            note: "estimate for a garnishment order (set per court); configure your court's amount"),
    ]
}
