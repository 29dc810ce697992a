/// What the law says about a case's money and deadlines today, beyond limitation: the
/// late-payment damages run so far on each open claim, what the next step would cost against
/// what it can recover (費用倒れ), whether the balance may be written off, and the procedural
/// deadlines running now. Every figure comes from one tested rule with its article; this type
/// only gathers them for the case view, the CLI and the escalation dialog.
public struct CaseLegalPosition: Hashable, Sendable {
    /// Late-payment damages on one open claim (民法415条・419条).
    public struct ClaimInterest: Hashable, Sendable {
        public var invoice: String
        /// The first day of delay: the day after the due date (民法412条1項).
        public var delayBegan: CivilDate
        /// The statutory rate for the day the delay began (民法404条), whether or not it applies.
        public var rate: StatutoryRateLookup
        /// The rate and day count applied: the claim's agreed rate above the statutory one, else
        /// the statutory rate (民法419条1項), with any cap warning.
        public var applied: DamagesRate
        /// `nil` while the rate of the period is not yet announced (民法404条3項〜5項).
        public var statement: InterestStatement?
        /// When the agreed rate exceeds a legal cap (`applied.warnings`): the damages at the
        /// lowest cap, the most the law lets the collector claim — shown beside the agreed
        /// figure, never in its place.
        public var damagesAtCap: Money?
    }

    public var today: CivilDate
    public var interest: [ClaimInterest]
    /// The damages outstanding on every open claim, through today.
    public var damages: Money
    /// The cost of each step escalation offers, with a 費用倒れ warning where it applies.
    public var nextSteps: [StepCostEstimate]
    public var writeOff: WriteOffAssessment
    /// Payment-order periods running now (民事訴訟法391条〜396条).
    public var deadlines: [DeadlineAlert]

    /// - Parameter method: a day count for every claim, overriding each claim's own
    ///   (`Claim.dayCount`, the court method when the contract says nothing); `nil` keeps each
    ///   claim's.
    public init(
        state: CaseState, today: CivilDate, costs: CollectionCostTable = .standard,
        method: LateInterest.Method? = nil
    ) {
        self.today = today
        interest = state.openClaims.compactMap { claim in
            guard let due = claim.claim.dueDate, due < today else { return nil }
            let began = due.adding(days: 1)
            var applied = DamagesRate.decide(for: claim.claim, delayBegan: began)
            if let method { applied.method = method }
            let statement = applied.rate.map {
                LateInterestStatement.compute(
                    principal: claim.claim.amount - claim.claim.paidBefore, rate: $0, delayBegan: began,
                    payments: claim.payments, through: today, method: applied.method)
            }
            let cap = applied.warnings.map(\.cap).min()
            let atCap = cap.flatMap { cap in
                statement.map { _ in
                    LateInterestStatement.compute(
                        principal: claim.claim.amount - claim.claim.paidBefore, rate: cap, delayBegan: began,
                        payments: claim.payments, through: today, method: applied.method
                    ).damagesOutstanding
                }
            }
            return ClaimInterest(
                invoice: claim.claim.invoice, delayBegan: began, rate: applied.statutory, applied: applied,
                statement: statement, damagesAtCap: atCap)
        }
        damages = interest.reduce(.zero) { $0 + ($1.statement?.damagesOutstanding ?? .zero) }
        let outstanding = state.outstanding
        nextSteps =
            state.isClosed
            ? []
            : Workflow.nextStages(after: state.stage).compactMap { step in
                try? CollectionCosts.estimate(
                    step: step, claimValue: outstanding, on: today, court: state.court, table: costs)
            }
        let demanded = (state.stage.rung ?? 0) >= (Stage.demandLetter.rung ?? 2)
        let paidSinceDemand = state.lastPayment.map { $0 >= (state.stageSince ?? $0) } ?? false
        writeOff = WriteOff.assess(
            WriteOffFacts(
                outstanding: outstanding,
                lastTransaction: state.claims.map(\.claim.contractDate).max(),
                lastDueDate: state.claims.compactMap(\.claim.dueDate).max(),
                lastPayment: state.lastPayment,
                estimatedCollectionCost: nextSteps.map(\.total).filter(\.isPositive).min(),
                demandWentUnanswered: demanded && !paidSinceDemand),
            today: today)
        deadlines = state.stage == .paymentOrder ? (state.paymentOrder?.alerts(today: today) ?? []) : []
    }
}
