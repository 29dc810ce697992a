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
    }

    init(state: CaseState, today: CivilDate) {
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
                basis: c.limitation.basis)
        }
        let standing = Set(state.effectiveEvents.map(\.seq))
        events = state.history.reversed().map { e in
            EventJSON(
                seq: e.seq, kind: e.fact.kind, date: e.date, recordedAt: e.recordedAt, actor: e.actor,
                text: e.fact.summary, hash: e.hash,
                voided: !standing.contains(e.seq) && { if case .correction = e.fact { false } else { true } }())
        }
        escalation = Workflow.escalationOptions(for: state, today: today).map {
            StepJSON(to: $0.to, effect: $0.effect, refusal: $0.refusal?.reason)
        }
    }

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey {
            case id, debtor, collector, stage, outstanding, expires, daysLeft, nextAction, disputed, onHold,
                promise, basis, claims, events, escalation
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
            "Outstanding \(outstanding)   limitation \(expires?.iso ?? "—") (\(left))   next action \(nextAction?.iso ?? "—")")
        var flags: [String] = []
        if disputed { flags.append("DISPUTED") }
        if onHold { flags.append("ON HOLD") }
        if let promise { flags.append("promised \(promise.amount) by \(promise.date)") }
        if !flags.isEmpty { out.append(flags.joined(separator: "  ")) }
        if !brief {
            out.append("")
            out.append("Contact: " + ([debtor.phones.joined(separator: ", "), debtor.email ?? "", debtor.postalCode.map { "〒" + $0 } ?? "", debtor.address ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")))
            out.append("")
            out.append("Claims:")
            for claim in claims {
                out.append(
                    "  \(claim.invoice)  \(claim.amount.grouped)  paid \(claim.paid.grouped)  due \(claim.dueDate?.iso ?? "none")  \(claim.law.rawValue) law  expires \(claim.expires?.iso ?? "pending")")
            }
            out.append("")
            out.append("Limitation basis (most urgent claim):")
            out.append(contentsOf: basis.map { "  - " + $0 })
            out.append("")
            out.append("Next step:")
            for step in escalation {
                out.append("  → \(step.to.rawValue): \(step.effect)" + (step.refusal.map { "  [refused: \($0)]" } ?? ""))
            }
            out.append("")
            out.append("History (newest first):")
            for event in events {
                out.append("  #\(event.seq) \(event.date)  \(event.actor)  \(event.voided ? "[voided] " : "")\(event.text)")
            }
        }
        Swift.print(out.joined(separator: "\n"))
    }
}
