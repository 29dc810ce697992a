/// A case as its history leaves it: the fold of its events, in log order.
///
/// Nothing here is stored as truth; the case row in a store is a cache of this value. A
/// correction voids the event it names (and may stand a replacement fact in its place), so the
/// fold skips what was corrected without the log ever being edited.
public struct CaseState: Hashable, Sendable {
    public var id: Int64
    public var debtor: Debtor
    public var collector: String?
    public var claims: [ClaimState] = []
    public var stage: Stage = .phone
    public var stageSince: CivilDate?
    /// The court of the current or last legal route (kept for the small-claims yearly count).
    public var court: String?
    public var openedOn: CivilDate?
    /// A promise to pay not yet kept. Broken once its date has passed (see `QueueRanking`).
    public var promise: Promise?
    /// Paid since the open promise was made (kept once it reaches the promised amount).
    public var paidTowardPromise: Money = .zero
    public var disputed = false
    public var onHold = false
    public var nextAction: CivilDate?
    public var lastContact: CivilDate?
    public var lastPayment: CivilDate?
    /// The dates of the current payment order once it was served (民事訴訟法391条〜396条).
    public var paymentOrder: PaymentOrderTimeline?
    /// The events after corrections are applied, in log order, with the fact that stands.
    public var effectiveEvents: [CaseEvent] = []
    /// The whole history as stored, corrections included, in log order.
    public var history: [CaseEvent]

    public init(file: CaseFile, calendar: BusinessCalendar) {
        id = file.id
        debtor = file.debtor
        collector = file.collector
        history = file.events
        let corrections = CaseState.corrections(in: file.events)
        for event in file.events {
            if case .correction = event.fact { continue }
            var standing = event
            if let correction = corrections[event.seq] {
                guard let replacement = correction else { continue }
                standing.fact = replacement
            }
            apply(standing, calendar: calendar)
            effectiveEvents.append(standing)
        }
        for index in claims.indices { claims[index].recompute(holidays: calendar.holidays) }
    }

    /// seq → replacement (`nil` = voided). A later correction of the same event wins.
    static func corrections(in events: [CaseEvent]) -> [Int64: CaseFact?] {
        var result: [Int64: CaseFact?] = [:]
        for event in events {
            if case .correction(let target, let replacement, _) = event.fact {
                result[target] = .some(replacement?.fact)
            }
        }
        return result
    }

    public var isClosed: Bool { stage.isClosed }

    public var outstanding: Money { claims.reduce(.zero) { $0 + ($1.isOpen ? $1.outstanding : .zero) } }

    public var openClaims: [ClaimState] { claims.filter(\.isOpen) }

    /// The oldest day an open claim could first be demanded (its due date, or contract date).
    public var oldestDue: CivilDate? { openClaims.map(\.claim.exercisableFrom).min() }

    /// The most urgent open claim's limitation: the earliest expiry. While every open claim is
    /// in court (no expiry), the first of them.
    public var limitation: Limitation? {
        let open = openClaims.map(\.limitation)
        return open.filter { $0.expires != nil }.min { $0.expires! < $1.expires! } ?? open.first
    }

    public var expires: CivilDate? { limitation?.expires }

    public func tier(today: CivilDate) -> QueueRanking.Tier {
        QueueRanking.tier(
            expires: expires, promise: promise, nextAction: nextAction, onHold: onHold, today: today)
    }

    public func promiseIsBroken(today: CivilDate) -> Bool {
        promise.map { $0.date < today } ?? false
    }

    // MARK: - The fold

    mutating func apply(_ event: CaseEvent, calendar: BusinessCalendar) {
        let date = event.date
        switch event.fact {
        case .opened:
            openedOn = date
            stageSince = stageSince ?? date
            nextAction = date
        case .claimAdded(let claim):
            claims.append(ClaimState(claim: claim))
        case .contact(let log):
            lastContact = max(lastContact ?? date, date)
            nextAction = NextAction.after(log, on: date, calendar: calendar)
            if log.outcome == .promised, let promise = log.promise {
                self.promise = promise
                paidTowardPromise = .zero
            }
            if log.outcome == .disputed { disputed = true }
        case .stageChanged(let from, let to, _, let court):
            if from.isLegalRoute && !to.isLegalRoute && to != .enforcement {
                addLegalFact(.withdrawn(date))
            }
            if to.isLegalRoute && !from.isLegalRoute {
                addLegalFact(.filed(date))
            }
            stage = to
            stageSince = date
            if let court { self.court = court }
            if to == .paymentOrder && from != .paymentOrder { paymentOrder = nil }
            nextAction = to.isClosed ? nil : calendar.nextBusinessDay(after: date)
            if to.isClosed { promise = nil }
        case .payment(let amount):
            allocate(amount, on: date)
            lastPayment = date
            if promise != nil {
                paidTowardPromise += amount
                if paidTowardPromise >= promise!.amount { promise = nil }
            }
            if !outstanding.isPositive { nextAction = nil }
        case .acknowledgment:
            addLegalFact(.acknowledgment(date))
        case .demandDelivered:
            addLegalFact(.demand(date))
        case .agreement(let until):
            addLegalFact(.agreement(date, until: until))
        case .refusal:
            addLegalFact(.refusal(date))
        case .judgment:
            addLegalFact(.judgment(date))
        case .proceedingEnded:
            addLegalFact(.withdrawn(date))
        case .disputed(let on, _):
            disputed = on
        case .hold(let on, _):
            onHold = on
        case .rescheduled(let to, _):
            nextAction = to
        case .letterSent:
            lastContact = max(lastContact ?? date, date)
        case .courtStep(let step):
            applyCourtStep(step, on: date)
        case .correction:
            break
        }
    }

    /// A legal fact about "the debt" binds every claim still open when it happens.
    private mutating func addLegalFact(_ fact: LegalFact) {
        for index in claims.indices where claims[index].isOpen {
            claims[index].legalFacts.append(fact)
        }
    }

    /// Applies a payment to open claims, oldest due first (法定充当, 民法488条4項), and records it
    /// as an acknowledgment of each claim it reached (民法152条1項). Kaishu does not treat a
    /// payment as acknowledging claims it did not reach: the earlier, safer date.
    private mutating func allocate(_ amount: Money, on date: CivilDate) {
        var left = amount
        let order = claims.indices.filter { claims[$0].isOpen }
            .sorted { (claims[$0].claim.exercisableFrom, $0) < (claims[$1].claim.exercisableFrom, $1) }
        for index in order where left.isPositive {
            let part = min(left, claims[index].outstanding)
            claims[index].paid += part
            claims[index].payments.append(LateInterestStatement.Payment(date: date, amount: part))
            claims[index].legalFacts.append(.payment(date))
            left -= part
        }
    }

    /// Tracks the payment order's periods and schedules the next action on the day the
    /// collector must act: the first day provisional execution may be applied for, and the day
    /// the declared order becomes final.
    private mutating func applyCourtStep(_ step: CourtStep, on date: CivilDate) {
        switch step {
        case .paymentOrderServed:
            let timeline = PaymentOrderTimeline(served: date)
            paymentOrder = timeline
            nextAction = timeline.provisionalExecutionFrom
        case .provisionalExecutionApplied:
            guard let served = paymentOrder?.served else { return }
            paymentOrder = PaymentOrderTimeline(served: served, provisionalExecutionApplied: date)
            nextAction = nil
        case .declarationServed:
            guard let served = paymentOrder?.served else { return }
            let timeline = PaymentOrderTimeline(
                served: served, provisionalExecutionApplied: paymentOrder?.provisionalExecutionApplied,
                declarationServed: date)
            paymentOrder = timeline
            nextAction = timeline.finalOn
        }
    }
}
