/// Everything a collector can do to a case, from the workbench or the command line.
///
/// `decide` is pure: given the case as it stands (inside the store's write transaction) and
/// today, it returns the events to append or throws a `Refusal` saying why not. The stores run
/// it in their write transaction, so the check and the write see the same case.
public enum CaseAction: Hashable, Sendable {
    case logContact(ContactLog, on: CivilDate)
    /// One rung up (or to `to`, which must be higher), with the court for a legal route.
    case escalate(to: Stage?, reason: String?, court: String?, override: Bool)
    /// Back down the ladder; a reason is required.
    case deescalate(to: Stage, reason: String)
    /// Close the case with an outcome, or put it on a payment plan.
    case resolve(Stage, reason: String?)
    case pay(amount: Money, on: CivilDate)
    case acknowledge(on: CivilDate, note: String?)
    case demandDelivered(on: CivilDate, reference: String?)
    case agreement(on: CivilDate, until: CivilDate?)
    case refusal(on: CivilDate)
    case judgment(on: CivilDate, note: String?)
    case proceedingEnded(on: CivilDate, reason: String)
    case setDisputed(Bool, reason: String?)
    case setHold(Bool, reason: String?)
    case reschedule(to: CivilDate, reason: String?)
    case letterSent(kind: String, reference: String?, on: CivilDate)
    /// A payment order's service, application for provisional execution, or declared order's service.
    case courtStep(CourtStep, on: CivilDate)
    case correct(seq: Int64, replacement: CaseFact?, reason: String)

    public func decide(_ state: CaseState, today: CivilDate) throws -> [EventDraft] {
        switch self {
        case .logContact(var log, let date):
            try notInFuture(date, today, "the contact date")
            try open(state)
            log.text = LogText.clean(log.text)
            if log.outcome == .promised {
                guard let promise = log.promise else {
                    throw Refusal("a promise needs a date and an amount")
                }
                guard promise.amount.isPositive else { throw Refusal("the promised amount must be more than ¥0") }
                guard promise.amount <= state.outstanding else {
                    throw Refusal(
                        "the promised amount \(promise.amount) is more than the outstanding \(state.outstanding)")
                }
                guard promise.date >= date else { throw Refusal("the promised date \(promise.date) is in the past") }
            }
            if log.outcome == .callback, let on = log.callbackOn, on < date {
                throw Refusal("the callback date \(on) is in the past")
            }
            return [EventDraft(date: date, fact: .contact(log))]

        case .escalate(let target, let reason, let court, let override):
            let options = Workflow.nextStages(after: state.stage)
            let to: Stage
            if let target {
                guard !target.isClosed, target != .paymentPlan else {
                    throw Refusal("\(target.rawValue) is an outcome: resolve the case instead of escalating")
                }
                guard let here = state.stage.rung, let there = target.rung,
                    there > here
                        || (state.stage == .paymentPlan)
                else {
                    throw Refusal(
                        "\(target.rawValue) is not above \(state.stage.rawValue): de-escalate with a reason instead")
                }
                to = target
            } else {
                guard !state.isClosed else { throw Refusal("the case is closed (\(state.stage.rawValue))") }
                guard options.count == 1 else {
                    if options.isEmpty { throw Refusal("\(state.stage.rawValue) is the last stage") }
                    throw Refusal(
                        "choose the legal route: " + options.map(\.rawValue).joined(separator: ", "))
                }
                to = options[0]
            }
            if let refusal = Workflow.guardRefusal(state, to: to, override: override) { throw refusal }
            let overrideNote = override && (state.disputed || state.onHold) ? "override: " : ""
            let why = reason.map { overrideNote + LogText.clean($0) } ?? (overrideNote.isEmpty ? nil : "override")
            return [EventDraft(date: today, fact: .stageChanged(from: state.stage, to: to, reason: why, court: court))]

        case .deescalate(let to, let reason):
            try open(state)
            let why = LogText.clean(reason)
            guard !why.isEmpty else { throw Refusal("de-escalation needs a reason") }
            guard let here = state.stage.rung, let there = to.rung, there < here else {
                throw Refusal("\(to.rawValue) is not below \(state.stage.rawValue)")
            }
            return [EventDraft(date: today, fact: .stageChanged(from: state.stage, to: to, reason: why, court: nil))]

        case .resolve(let outcome, let reason):
            try open(state)
            guard outcome.isOutcome else { throw Refusal("\(outcome.rawValue) is not an outcome") }
            if outcome == .paid && state.outstanding.isPositive {
                throw Refusal("\(state.outstanding) is still outstanding: record the payment instead")
            }
            return [
                EventDraft(
                    date: today,
                    fact: .stageChanged(from: state.stage, to: outcome, reason: reason.map(LogText.clean), court: nil))
            ]

        case .pay(let amount, let date):
            try open(state)
            try notInFuture(date, today, "the payment date")
            guard amount.isPositive else { throw Refusal("a payment must be more than ¥0") }
            guard amount <= state.outstanding else {
                throw Refusal(
                    "the payment \(amount) is more than the outstanding \(state.outstanding): record the overpayment outside Kaishu"
                )
            }
            var drafts = [EventDraft(date: date, fact: .payment(amount: amount))]
            if amount == state.outstanding {
                drafts.append(
                    EventDraft(
                        date: max(date, today),
                        fact: .stageChanged(from: state.stage, to: .paid, reason: "paid in full", court: nil)))
            }
            return drafts

        case .acknowledge(let date, let note):
            try open(state)
            try notInFuture(date, today, "the acknowledgment date")
            return [EventDraft(date: date, fact: .acknowledgment(note: note.map(LogText.clean)))]

        case .demandDelivered(let date, let reference):
            try open(state)
            try notInFuture(date, today, "the delivery date")
            return [EventDraft(date: date, fact: .demandDelivered(reference: reference))]

        case .agreement(let date, let until):
            try open(state)
            try notInFuture(date, today, "the agreement date")
            if let until, until <= date { throw Refusal("the agreed period must end after \(date)") }
            return [EventDraft(date: date, fact: .agreement(until: until))]

        case .refusal(let date):
            try open(state)
            try notInFuture(date, today, "the refusal date")
            return [EventDraft(date: date, fact: .refusal)]

        case .judgment(let date, let note):
            try open(state)
            try notInFuture(date, today, "the date the judgment became final")
            return [EventDraft(date: date, fact: .judgment(note: note.map(LogText.clean)))]

        case .proceedingEnded(let date, let reason):
            try open(state)
            try notInFuture(date, today, "the date the proceeding ended")
            return [EventDraft(date: date, fact: .proceedingEnded(reason: LogText.clean(reason)))]

        case .setDisputed(let on, let reason):
            try open(state)
            guard on != state.disputed else {
                throw Refusal(on ? "the case is already marked disputed" : "the case is not disputed")
            }
            return [EventDraft(date: today, fact: .disputed(on, reason: reason.map(LogText.clean)))]

        case .setHold(let on, let reason):
            try open(state)
            guard on != state.onHold else {
                throw Refusal(on ? "the case is already on hold" : "the case is not on hold")
            }
            return [EventDraft(date: today, fact: .hold(on, reason: reason.map(LogText.clean)))]

        case .reschedule(let to, let reason):
            try open(state)
            guard to >= today else { throw Refusal("the next action \(to) is in the past") }
            return [EventDraft(date: today, fact: .rescheduled(to: to, reason: reason.map(LogText.clean)))]

        case .letterSent(let kind, let reference, let date):
            try open(state)
            try notInFuture(date, today, "the sending date")
            return [EventDraft(date: date, fact: .letterSent(kind: kind, reference: reference))]

        case .courtStep(let step, let date):
            try notInFuture(date, today, "the date")
            try open(state)
            guard state.stage == .paymentOrder else {
                throw Refusal("\(step.japaneseName) belongs to a payment order; the case is at \(state.stage.rawValue)")
            }
            switch step {
            case .paymentOrderServed:
                if let since = state.stageSince, date < since {
                    throw Refusal("the order cannot be served (\(date)) before it was applied for (\(since))")
                }
            case .provisionalExecutionApplied:
                guard let timeline = state.paymentOrder else {
                    throw Refusal("record when the payment order was served first")
                }
                guard date >= timeline.provisionalExecutionFrom else {
                    throw Refusal(
                        "provisional execution can be applied for only from \(timeline.provisionalExecutionFrom), after the objection period (民事訴訟法391条1項)"
                    )
                }
            case .declarationServed:
                guard let applied = state.paymentOrder?.provisionalExecutionApplied else {
                    throw Refusal("record the application for provisional execution first")
                }
                guard date >= applied else { throw Refusal("the declared order cannot be served before \(applied)") }
            }
            return [EventDraft(date: date, fact: .courtStep(step))]

        case .correct(let seq, let replacement, let reason):
            let why = LogText.clean(reason)
            guard !why.isEmpty else { throw Refusal("a correction needs a reason") }
            guard state.effectiveEvents.contains(where: { $0.seq == seq }) else {
                throw Refusal("event \(seq) is not a standing event of case \(state.id)")
            }
            return [
                EventDraft(
                    date: today,
                    fact: .correction(of: seq, replacement: replacement.map(CaseFact.Box.init), reason: why))
            ]
        }
    }

    private func open(_ state: CaseState) throws {
        if state.isClosed { throw Refusal("the case is closed (\(state.stage.rawValue))") }
    }

    private func notInFuture(_ date: CivilDate, _ today: CivilDate, _ what: String) throws {
        if date > today { throw Refusal("\(what) \(date) is after today (\(today))") }
    }
}
