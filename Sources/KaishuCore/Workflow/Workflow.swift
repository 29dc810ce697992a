/// The collection workflow as data: which stage follows which, what each move needs, and what
/// it does in law.
///
/// "Escalate" takes a case one rung up the ladder (`Stage.ladder`); from certified mail the
/// collector chooses among the legal routes the case qualifies for. A collector may also jump
/// several rungs up (`escalate --to`), step back down with a reason (de-escalation), or close the
/// case with an outcome. Guards refuse with a reason a collector understands; the effect
/// sentence is what the confirmation dialog shows.
public enum Workflow {
    /// The stages one escalation step can reach from `stage` (more than one from certified mail).
    public static func nextStages(after stage: Stage) -> [Stage] {
        if stage == .paymentPlan { return [.demandLetter] }
        guard let rung = stage.rung, rung + 1 < Stage.ladder.count else { return [] }
        return Stage.ladder[rung + 1]
    }

    /// What escalating the case would do: each reachable stage with its effect and, when a guard
    /// refuses, the reason.
    public static func escalationOptions(for state: CaseState, today: CivilDate) -> [StepOption] {
        nextStages(after: state.stage).map { stage in
            StepOption(
                to: stage, effect: LegalEffect.of(moving: state.stage, to: stage).sentence,
                refusal: guardRefusal(state, to: stage, override: false))
        }
    }

    /// Why moving `state` to `stage` is refused, or `nil` when it is allowed.
    ///
    /// - Disputed or on hold: nothing escalates without an explicit override.
    /// - Certified mail needs a postal address to send it to.
    /// - A payment order needs a known domestic address: it cannot be served abroad or by
    ///   publication (民事訴訟法382条但書).
    /// - Small claims only for up to 600,000 yen (民事訴訟法368条1項).
    /// - Enforcement needs a title of obligation (債務名義, 民事執行法22条): a judgment or equivalent.
    public static func guardRefusal(_ state: CaseState, to stage: Stage, override: Bool)
        -> Refusal?
    {
        if state.isClosed {
            return Refusal("the case is closed (\(state.stage.rawValue)); nothing more to escalate")
        }
        if stage == state.stage { return Refusal("the case is already at \(stage.rawValue)") }
        if !override {
            if state.disputed {
                return Refusal(
                    "the debtor disputes the debt: resolve the dispute first, or escalate with an explicit override"
                )
            }
            if state.onHold {
                return Refusal("the case is on hold: release the hold first, or escalate with an explicit override")
            }
        }
        switch stage {
        case .email:
            if (state.debtor.email ?? "").isEmpty {
                return Refusal("no email address for \(state.debtor.name): add one, or escalate to demand-letter")
            }
        case .demandLetter, .certifiedMail:
            if !state.debtor.hasPostalAddress {
                return Refusal("no postal address for \(state.debtor.name): a letter cannot be sent")
            }
        case .paymentOrder:
            if !state.debtor.isDomestic || !state.debtor.hasPostalAddress {
                return Refusal(
                    "a payment order needs a known address in Japan: it cannot be served abroad or by publication (民事訴訟法382条)"
                )
            }
        case .smallClaims:
            if state.outstanding > SmallClaims.principalLimit {
                return Refusal(
                    "small claims is only for up to ¥600,000 (民事訴訟法368条1項); outstanding is \(state.outstanding)"
                )
            }
        case .enforcement:
            let hasTitle = state.effectiveEvents.contains {
                if case .judgment = $0.fact { return true }
                return false
            }
            if !hasTitle {
                return Refusal(
                    "enforcement needs a final judgment or equivalent (債務名義, 民事執行法22条): record it first")
            }
        default:
            break
        }
        if !state.outstanding.isPositive && !stage.isClosed {
            return Refusal("nothing is outstanding")
        }
        return nil
    }
}

/// One stage an escalation can reach, as the confirmation dialog shows it.
public struct StepOption: Hashable, Sendable {
    public var to: Stage
    /// What the step does in law, in one sentence.
    public var effect: String
    /// Why the step is refused, or `nil` when it can be taken.
    public var refusal: Refusal?

    public init(to: Stage, effect: String, refusal: Refusal?) {
        self.to = to
        self.effect = effect
        self.refusal = refusal
    }
}
