import KaishuCore

/// The forms the workbench opens, each with its fields and the sentence that says what saving
/// it means in law. `action(for:today:)` turns a filled form into the `CaseAction` to record.
public enum FormCatalog {
    public static func contact(_ outcome: ContactOutcome, _ target: CaseTarget) -> Form {
        var fields: [Form.Field] = []
        switch outcome {
        case .promised:
            fields.append(.init(.promiseDate, "Pay by", kind: .date, required: true, placeholder: "YYYY-MM-DD"))
            fields.append(.init(.promiseAmount, "Amount ¥", kind: .amount, required: true, placeholder: "e.g. 100,000"))
        case .callback:
            fields.append(.init(.callbackDate, "Call back on", kind: .date, required: true, placeholder: "YYYY-MM-DD"))
            fields.append(
                .init(.callbackTime, "At (time)", kind: .time, required: false, placeholder: "HH:MM, optional"))
        default:
            break
        }
        fields.append(.init(.note, "Note", kind: .text, required: false))
        return Form(
            purpose: .contact(outcome), target: target, title: "Call: \(outcome.label)", fields: fields,
            notes: [nextActionSentence(outcome)])
    }

    static func nextActionSentence(_ outcome: ContactOutcome) -> String {
        switch outcome {
        case .noAnswer, .wrongNumber, .refused: "Next action: the next business day."
        case .leftMessage: "Next action: in two business days."
        case .promised: "Next action: the business day after the promised date, to check the money came."
        case .callback: "Next action: the callback day (the next business day if it is a holiday)."
        case .saysPaid: "Next action: in three business days, once accounting has looked for the payment."
        case .disputed:
            "Marks the case disputed: it will not be escalated without an override. Next action: in five business days."
        }
    }

    public static func payment(_ target: CaseTarget, today: CivilDate) -> Form {
        Form(
            purpose: .payment, target: target, title: "Record a payment",
            fields: [
                .init(.amount, "Amount ¥", kind: .amount, required: true, placeholder: "e.g. 50,000"),
                .init(.date, "Received on", kind: .date, text: today.iso, required: true, placeholder: "YYYY-MM-DD"),
            ],
            notes: [
                "Outstanding: ¥\(target.outstanding.grouped). Paying all of it closes the case as paid.",
                "A partial payment acknowledges the debt: limitation starts again from the payment date for the claims it reaches (民法152条1項).",
            ])
    }

    public static func acknowledgment(_ target: CaseTarget, today: CivilDate) -> Form {
        Form(
            purpose: .acknowledgment, target: target, title: "Record an acknowledgment",
            fields: [
                .init(
                    .date, "Acknowledged on", kind: .date, text: today.iso, required: true, placeholder: "YYYY-MM-DD"),
                .init(.note, "How (note)", kind: .text, required: false, placeholder: "e.g. signed 債務承認書"),
            ],
            notes: [
                "The debtor admitted the debt: limitation starts again the next day (承認, 民法152条1項). Keep the evidence."
            ])
    }

    public static func dispute(_ target: CaseTarget) -> Form {
        if target.disputed {
            return Form(
                purpose: .dispute(false), target: target, title: "Resolve the dispute",
                fields: [.init(.reason, "How resolved", kind: .text, required: false)],
                notes: ["The case can be escalated again."])
        }
        return Form(
            purpose: .dispute(true), target: target, title: "Mark disputed",
            fields: [.init(.reason, "What is disputed", kind: .text, required: false)],
            notes: ["A disputed case is not escalated without an explicit override."])
    }

    public static func hold(_ target: CaseTarget) -> Form {
        if target.onHold {
            return Form(
                purpose: .hold(false), target: target, title: "Release the hold",
                fields: [.init(.reason, "Reason", kind: .text, required: false)],
                notes: ["The case returns to the queue when its next action is due."])
        }
        return Form(
            purpose: .hold(true), target: target, title: "Put on hold",
            fields: [.init(.reason, "Reason", kind: .text, required: false)],
            notes: ["A case on hold leaves today's queue, unless its limitation completes within 90 days."])
    }

    public static func reschedule(_ target: CaseTarget) -> Form {
        Form(
            purpose: .reschedule, target: target, title: "Reschedule the next action",
            fields: [
                .init(.date, "Next action on", kind: .date, required: true, placeholder: "YYYY-MM-DD or +7"),
                .init(.reason, "Reason", kind: .text, required: false),
            ])
    }

    public static func deescalate(_ target: CaseTarget, to stage: Stage) -> Form {
        Form(
            purpose: .deescalate(stage), target: target,
            title: "De-escalate: \(target.stage.rawValue) -> \(stage.rawValue)",
            fields: [.init(.reason, "Reason", kind: .text, required: true)],
            notes: [LegalEffect.of(moving: target.stage, to: stage).sentence])
    }

    /// A field that does not read as its kind: the field's index and what is wrong.
    public struct Invalid: Error, Hashable, Sendable {
        public var field: Int
        public var message: String
    }

    /// Checks one field: required fields filled, dates, amounts and times readable.
    public static func validate(_ field: Form.Field, today: CivilDate) -> String? {
        let text = field.editor.committed
        if text.isEmpty { return field.required ? "\(field.label): required" : nil }
        switch field.kind {
        case .date:
            if FieldParsing.date(text, today: today) == nil {
                return "\(field.label): '\(text)' is not a date: \(FieldParsing.dateProblem(text, today: today))"
            }
        case .amount:
            if let sign = FieldParsing.normalise(text).first, "-−▲△".contains(sign) {
                return "\(field.label) must be more than ¥0: '\(text)' is negative"
            }
            guard let money = FieldParsing.amount(text) else {
                return "\(field.label) '\(text)' is not an amount in yen (digits, commas allowed)"
            }
            if !money.isPositive { return "\(field.label) must be more than ¥0" }
        case .time:
            if FieldParsing.time(text) == nil { return "\(field.label): '\(text)' is not a time (HH:MM)" }
        case .text:
            break
        }
        return nil
    }

    /// The action a filled form records, or the first field that is wrong.
    public static func action(for form: Form, today: CivilDate) -> Result<CaseAction, Invalid> {
        for (index, field) in form.fields.enumerated() {
            if let message = validate(field, today: today) { return .failure(Invalid(field: index, message: message)) }
        }
        func text(_ id: Form.FieldID) -> String? {
            guard let value = form.text(id), !value.isEmpty else { return nil }
            return value
        }
        func date(_ id: Form.FieldID) -> CivilDate? { text(id).flatMap { FieldParsing.date($0, today: today) } }
        func amount(_ id: Form.FieldID) -> Money? { text(id).flatMap(FieldParsing.amount) }
        switch form.purpose {
        case .contact(let outcome):
            var log = ContactLog(outcome: outcome, channel: .phone, text: text(.note) ?? "")
            if outcome == .promised, let on = date(.promiseDate), let yen = amount(.promiseAmount) {
                log.promise = Promise(date: on, amount: yen)
            }
            if outcome == .callback {
                log.callbackOn = date(.callbackDate)
                log.callbackTime = text(.callbackTime).flatMap(FieldParsing.time)
            }
            return .success(.logContact(log, on: today))
        case .payment:
            return .success(.pay(amount: amount(.amount) ?? .zero, on: date(.date) ?? today))
        case .acknowledgment:
            return .success(.acknowledge(on: date(.date) ?? today, note: text(.note)))
        case .legalFact(let kind):
            let on = date(.date) ?? today
            switch kind {
            case .agreement: return .success(.agreement(on: on, until: date(.until)))
            case .refusal: return .success(.refusal(on: on))
            case .demandDelivered: return .success(.demandDelivered(on: on, reference: text(.note)))
            case .judgment: return .success(.judgment(on: on, note: text(.note)))
            case .courtStep(let step): return .success(.courtStep(step, on: on))
            }
        case .dispute(let on):
            return .success(.setDisputed(on, reason: text(.reason)))
        case .hold(let on):
            return .success(.setHold(on, reason: text(.reason)))
        case .reschedule:
            return .success(.reschedule(to: date(.date) ?? today, reason: text(.reason)))
        case .deescalate(let stage):
            return .success(.deescalate(to: stage, reason: text(.reason) ?? ""))
        }
    }
}
