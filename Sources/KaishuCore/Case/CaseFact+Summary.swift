extension CaseFact {
    /// One line a collector reads in the timeline and in `kaishu case show`.
    public var summary: String {
        switch self {
        case .opened(let source):
            return "case opened (\(source))"
        case .claimAdded(let claim):
            let due = claim.dueDate.map { "due \($0)" } ?? "no due date"
            return "invoice \(claim.invoice): \(claim.amount), contract \(claim.contractDate), \(due)"
        case .contact(let log):
            var parts = ["\(log.channel.rawValue): \(log.outcome.label)"]
            if let promise = log.promise { parts.append("promised \(promise.amount) by \(promise.date)") }
            if let on = log.callbackOn {
                parts.append("call back \(on)" + (log.callbackTime.map { " \($0)" } ?? ""))
            }
            if !log.text.isEmpty { parts.append("“\(log.text)”") }
            return parts.joined(separator: " — ")
        case .stageChanged(let from, let to, let reason, let court):
            var line = "stage \(from.rawValue) → \(to.rawValue)"
            if let court { line += " at \(court)" }
            if let reason, !reason.isEmpty { line += " (\(reason))" }
            return line
        case .payment(let amount):
            return "payment received: \(amount)"
        case .acknowledgment(let note):
            return "debtor acknowledged the debt" + (note.map { " (\($0))" } ?? "")
        case .demandDelivered(let reference):
            return "demand delivered (催告)" + (reference.map { " ref. \($0)" } ?? "")
        case .agreement(let until):
            return "agreement to negotiate (協議の合意)" + (until.map { " until \($0)" } ?? "")
        case .refusal:
            return "written refusal to negotiate"
        case .judgment(let note):
            return "judgment or equivalent became final" + (note.map { " (\($0))" } ?? "")
        case .proceedingEnded(let reason):
            return "court proceeding ended without judgment (\(reason))"
        case .disputed(let on, let reason):
            return (on ? "marked disputed" : "dispute resolved") + (reason.map { ": \($0)" } ?? "")
        case .hold(let on, let reason):
            return (on ? "put on hold" : "hold released") + (reason.map { ": \($0)" } ?? "")
        case .rescheduled(let to, let reason):
            return "next action set to \(to)" + (reason.map { " (\($0))" } ?? "")
        case .letterSent(let kind, let reference):
            return "\(kind) sent" + (reference.map { " (\($0))" } ?? "")
        case .courtStep(let step):
            return step.japaneseName + " (\(step.rawValue))"
        case .correction(let seq, let replacement, let reason):
            let what = replacement.map { "replaced by: \($0.fact.summary)" } ?? "voided"
            return "correction of event #\(seq), \(what) — \(reason)"
        }
    }
}
