import KaishuCore

/// The case actions that record what happened to a letter, and what they do in law.
///
/// Sending is evidence, not a legal step: `.letterSent` adds to the contact history (seed
/// 000, 2-2). A certified demand's legal effect comes with its **delivery** — the date on the
/// proof of delivery (配達証明) — recorded as `.demandDelivered`, the demand (催告) that
/// postpones completion of prescription until six months later, once (民法150条; a second
/// demand during the postponement does nothing, 150条2項). KaishuCore's prescription engine
/// applies it; `deliveryEffect` shows the collector the change before it is recorded.
public enum LetterRecord {
    /// "Sent on `date`": an email with its Message-ID, a printed letter or a certified letter
    /// with its registered-mail number (書留番号) as `reference`.
    public static func sent(_ kind: LetterKind, on date: CivilDate, reference: String?) -> CaseAction {
        .letterSent(kind: kind.eventKind, reference: reference.flatMap { $0.isEmpty ? nil : $0 }, on: date)
    }

    /// What to record after `Mailer.deliver`: the email as sent with its Message-ID — or
    /// nothing when it was only written to the outbox (the collector sends it and records it
    /// then, with `sent(.email, …)`).
    public static func emailDelivered(_ delivery: Mailer.Delivery, on date: CivilDate) -> [CaseAction] {
        delivery.wasSent ? [sent(.email, on: date, reference: delivery.messageID)] : []
    }

    /// The actions for sending `kind` from a case: first the escalation to the letter's stage
    /// when the case is still below it, then the letter itself.
    public static func sentActions(
        _ kind: LetterKind, state: CaseState, on date: CivilDate, reference: String?
    ) -> [CaseAction] {
        var actions: [CaseAction] = []
        if let here = state.stage.rung, let there = kind.stage.rung, here < there {
            actions.append(
                .escalate(to: kind.stage, reason: "\(kind.eventKind) sent", court: nil, override: false))
        }
        actions.append(sent(kind, on: date, reference: reference))
        return actions
    }

    /// "The certified demand was delivered on `date`" (配達証明の日付).
    public static func certifiedDelivered(on date: CivilDate, reference: String?) -> CaseAction {
        .demandDelivered(on: date, reference: reference.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Decides `actions` one after another against the case as each leaves it, for a store's
    /// `append(to:context:decide:)`: the drafts to append, or the first `Refusal`.
    public static func drafts(
        _ actions: [CaseAction], file: CaseFile, today: CivilDate, calendar: BusinessCalendar
    ) throws -> [EventDraft] {
        var working = file
        var drafts: [EventDraft] = []
        for action in actions {
            let state = CaseState(file: working, calendar: calendar)
            let new = try action.decide(state, today: today)
            drafts += new
            working = working.appending(new)
        }
        return drafts
    }

    /// What recording the delivery of a certified demand on `date` would do to the case's
    /// limitation date — for the confirmation before it is recorded.
    public static func deliveryEffect(
        file: CaseFile, deliveredOn date: CivilDate, reference: String?, today: CivilDate,
        calendar: BusinessCalendar
    ) throws -> LimitationChange {
        let before = CaseState(file: file, calendar: calendar)
        let drafts = try certifiedDelivered(on: date, reference: reference).decide(before, today: today)
        let after = CaseState(file: file.appending(drafts), calendar: calendar)
        return LimitationChange(before: before.limitation, after: after.limitation)
    }
}

/// The case's limitation before and after an event, in words a confirmation can show.
public struct LimitationChange: Hashable, Sendable {
    public var before: CivilDate?
    public var after: CivilDate?
    /// The reasoning behind the new date (each rule with its article).
    public var basis: [String]

    public init(before: Limitation?, after: Limitation?) {
        self.before = before?.expires
        self.after = after?.expires
        basis = after?.basis ?? []
    }

    public var moved: Bool { before != after }

    /// "limitation moves from 2027-04-30 to 2027-09-01 (民法150条)" or why it does not.
    public var summary: String {
        switch (before, after) {
        case (let b?, let a?) where a != b:
            "limitation moves from \(b) to \(a) (demand, 民法150条: completion postponed six months after delivery, once)"
        case (let b?, _):
            "limitation stays \(b): the demand postpones nothing (a second demand during a postponement has no effect, 民法150条2項; one after completion or long before it changes nothing)"
        default:
            "no limitation date to move (nothing open, or a court proceeding is pending)"
        }
    }
}

extension CaseFile {
    /// The file with `drafts` appended as events (sequence numbers after the last, no hash):
    /// what the case would be once they are stored.
    func appending(_ drafts: [EventDraft]) -> CaseFile {
        var file = self
        var seq = (events.map(\.seq).max() ?? 0)
        for draft in drafts {
            seq += 1
            file.events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: draft.date, recordedAt: "", actor: "preview", fact: draft.fact,
                    hash: ""))
        }
        return file
    }
}
