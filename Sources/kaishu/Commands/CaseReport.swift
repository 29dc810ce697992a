import Foundation
import KaishuCore

/// A case as `kaishu case show` prints it, in text or as JSON (a stable contract).
struct CaseReport: Encodable {
    let id: Int64
    let debtor: DebtorJSON
    let collector: String?
    let stage: Stage
    let outstanding: Money
    let expires: CivilDate?
    let daysLeft: Int?
    let nextAction: CivilDate?
    let disputed: Bool
    let onHold: Bool
    let promise: Promise?
    let basis: [String]
    let claims: [ClaimJSON]
    let events: [EventJSON]
    let escalation: [StepJSON]
    let damages: Money
    let interest: [InterestJSON]
    let writeOff: WriteOffAssessment
    let deadlines: [DeadlineAlert]

    struct DebtorJSON: Encodable {
        let code: String
        let name: String
        let kana: String?
        let phones: [String]
        let email: String?
        let postalCode: String?
        let address: String?
        let domestic: Bool
    }

    struct ClaimJSON: Encodable {
        let invoice: String
        let contractDate: CivilDate
        let dueDate: CivilDate?
        let kind: ClaimKind
        let amount: Money
        let paid: Money
        let outstanding: Money
        let law: GoverningLaw
        let expires: CivilDate?
        let daysLeft: Int?
        let basis: [String]
        /// The contract's damages terms, present only when recorded (民法419条1項ただし書).
        let agreedRate: String?
        let dayCount: LateInterest.Method?
        let consumerContract: Bool?
    }

    struct EventJSON: Encodable {
        let seq: Int64
        let kind: String
        let date: CivilDate
        let recordedAt: String
        let actor: String
        let text: String
        let hash: String
        let voided: Bool
    }

    struct StepJSON: Encodable {
        let to: Stage
        let effect: String
        let refusal: String?
        /// Expected out-of-pocket cost of the step, and the 費用倒れ warning when it costs as much
        /// as it can recover.
        let cost: Money?
        let costWarning: String?
    }

    /// Late-payment damages on one claim through today (民法419条; payments to damages first, 489条).
    struct InterestJSON: Encodable {
        let invoice: String
        let delayBegan: CivilDate
        let rate: String
        let damages: Money?
        let principalOutstanding: Money?
        /// The annual rate applied, in percent; absent while not yet announced.
        let annualPercent: String?
        /// `agreed` or `statutory` (民法419条1項).
        let rateSource: DamagesRate.Source
        let method: LateInterest.Method
        /// Legal caps the agreed rate exceeds (消費者契約法9条1項2号).
        let warnings: [String]
        /// The damages at the cap, when the agreed rate exceeds one.
        let damagesAtCap: Money?
    }

    let today: CivilDate

    init(state: CaseState, today: CivilDate) {
        self.today = today
        id = state.id
        let d = state.debtor
        debtor = DebtorJSON(
            code: d.code, name: d.name, kana: d.kana, phones: d.phones, email: d.email, postalCode: d.postalCode,
            address: d.address, domestic: d.isDomestic)
        collector = state.collector
        stage = state.stage
        outstanding = state.outstanding
        expires = state.expires
        daysLeft = state.limitation?.daysLeft(today: today)
        nextAction = state.nextAction
        disputed = state.disputed
        onHold = state.onHold
        promise = state.promise
        basis = state.limitation?.basis ?? []
        claims = state.claims.map { c in
            ClaimJSON(
                invoice: c.claim.invoice, contractDate: c.claim.contractDate, dueDate: c.claim.dueDate,
                kind: c.claim.kind, amount: c.claim.amount, paid: c.paid, outstanding: c.outstanding,
                law: c.limitation.law, expires: c.limitation.expires, daysLeft: c.limitation.daysLeft(today: today),
                basis: c.limitation.basis, agreedRate: c.claim.agreedRate?.percentText, dayCount: c.claim.dayCount,
                consumerContract: c.claim.consumerContract)
        }
        let standing = Set(state.effectiveEvents.map(\.seq))
        events = state.history.reversed().map { e in
            EventJSON(
                seq: e.seq, kind: e.fact.kind, date: e.date, recordedAt: e.recordedAt, actor: e.actor,
                text: e.fact.summary, hash: e.hash,
                voided: !standing.contains(e.seq) && { if case .correction = e.fact { false } else { true } }())
        }
        let position = CaseLegalPosition(state: state, today: today)
        escalation = Workflow.escalationOptions(for: state, today: today).map { option in
            let cost = position.nextSteps.first { $0.step == option.to }
            return StepJSON(
                to: option.to, effect: option.effect, refusal: option.refusal?.reason, cost: cost?.total,
                costWarning: cost?.warning)
        }
        damages = position.damages
        interest = position.interest.map {
            InterestJSON(
                invoice: $0.invoice, delayBegan: $0.delayBegan, rate: $0.applied.explanation,
                damages: $0.statement?.damagesOutstanding, principalOutstanding: $0.statement?.principalOutstanding,
                annualPercent: $0.applied.rate?.percentText, rateSource: $0.applied.source, method: $0.applied.method,
                warnings: $0.applied.warnings.map(\.message), damagesAtCap: $0.damagesAtCap)
        }
        writeOff = position.writeOff
        deadlines = position.deadlines
    }

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey {
            case id, debtor, collector, stage, outstanding, expires, daysLeft, nextAction, disputed, onHold,
                promise, basis, claims, events, escalation, damages, interest, writeOff, deadlines
        }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(debtor, forKey: .debtor)
        try c.encode(collector, forKey: .collector)
        try c.encode(stage, forKey: .stage)
        try c.encode(outstanding, forKey: .outstanding)
        try c.encode(expires, forKey: .expires)
        try c.encode(daysLeft, forKey: .daysLeft)
        try c.encode(nextAction, forKey: .nextAction)
        try c.encode(disputed, forKey: .disputed)
        try c.encode(onHold, forKey: .onHold)
        try c.encode(promise, forKey: .promise)
        try c.encode(basis, forKey: .basis)
        try c.encode(claims, forKey: .claims)
        try c.encode(events, forKey: .events)
        try c.encode(escalation, forKey: .escalation)
        try c.encode(damages, forKey: .damages)
        try c.encode(interest, forKey: .interest)
        try c.encode(writeOff, forKey: .writeOff)
        try c.encode(deadlines, forKey: .deadlines)
    }

    func print(json: Bool, brief: Bool) throws {
        if json {
            try printJSON(self)
            return
        }
        var out: [String] = []
        out.append("Case \(id)  \(debtor.name)  [\(debtor.code)]  \(stage.rawValue) (\(stage.japaneseName))")
        let left = daysLeft.map { "\($0) days left" } ?? "court proceeding pending"
        out.append(
            "Outstanding \(outstanding)   limitation \(expires?.iso ?? "—") (\(left))   next action \(nextAction?.iso ?? "—")"
        )
        var flags: [String] = []
        if disputed { flags.append("DISPUTED") }
        if onHold { flags.append("ON HOLD") }
        if let promise { flags.append("promised \(promise.amount) by \(promise.date)") }
        if !flags.isEmpty { out.append(flags.joined(separator: "  ")) }
        if !brief {
            out.append("")
            out.append(
                "Contact: "
                    + ([
                        debtor.phones.joined(separator: ", "), debtor.email ?? "",
                        debtor.postalCode.map { "〒" + $0 } ?? "", debtor.address ?? "",
                    ].filter { !$0.isEmpty }.joined(separator: "  ")))
            out.append("")
            out.append("Claims:")
            for claim in claims {
                out.append(
                    "  \(claim.invoice)  \(claim.amount.grouped)  paid \(claim.paid.grouped)  due \(claim.dueDate?.iso ?? "none")  \(claim.law.rawValue) law  expires \(claim.expires?.iso ?? "pending")"
                )
            }
            out.append("")
            out.append("Limitation basis (most urgent claim):")
            out.append(contentsOf: basis.map { "  - " + $0 })
            if !deadlines.isEmpty {
                out.append("")
                out.append("Deadlines:")
                out.append(contentsOf: deadlines.map { "  \($0.level == .info ? "-" : "!") \($0.message)" })
            }
            if !interest.isEmpty {
                out.append("")
                out.append("Late-payment damages through \(today) (民法419条): \(damages)")
                for line in interest {
                    let amount = line.damages.map { "\($0)" } ?? "rate not announced"
                    out.append("  \(line.invoice)  from \(line.delayBegan)  \(line.rate)  \(amount)")
                    out.append(contentsOf: line.warnings.map { "    ! \($0)" })
                    if let capped = line.damagesAtCap { out.append("    ! at the cap: \(capped)") }
                }
            }
            out.append("")
            out.append("Next step:")
            for step in escalation {
                let cost = step.cost.map { $0.isPositive ? "  cost about \($0)" : "" } ?? ""
                out.append(
                    "  → \(step.to.rawValue): \(step.effect)\(cost)" + (step.refusal.map { "  [refused: \($0)]" } ?? "")
                )
                if let warning = step.costWarning { out.append("    ! \(warning)") }
            }
            if writeOff.eligible {
                out.append("")
                out.append(
                    "Write-off: eligible (\(writeOff.ground?.rawValue ?? "")) — "
                        + writeOff.reasons.joined(separator: "; "))
            }
            out.append("")
            out.append("History (newest first):")
            for event in events {
                out.append(
                    "  #\(event.seq) \(event.date)  \(event.actor)  \(event.voided ? "[voided] " : "")\(event.text)")
            }
        }
        Swift.print(out.joined(separator: "\n"))
    }
}
