import KaishuCore

/// The dated legal facts the workbench records with one key each, and the sentence that says
/// what each does to limitation.
public enum LegalFactForm: Hashable, Sendable {
    case agreement
    case refusal
    case demandDelivered
    case judgment
    case courtStep(CourtStep)

    public var title: String {
        switch self {
        case .agreement: "Agreement to negotiate"
        case .refusal: "Written refusal to negotiate"
        case .demandDelivered: "Demand delivered"
        case .judgment: "Judgment final"
        case .courtStep(let step): step.japaneseName
        }
    }

    var effect: String {
        switch self {
        case .agreement:
            "A written agreement to negotiate postpones completion by up to a year (or to the agreed shorter end), renewable to five years in all (民法151条)."
        case .refusal:
            "A written refusal ends an agreement's postponement six months after it (民法151条1項3号)."
        case .demandDelivered:
            "The delivery date is the demand (催告): completion is postponed six months, once; a second demand does nothing (民法150条)."
        case .judgment:
            "A final judgment or equivalent starts a new 10-year period from the next day (民法147条2項・169条)."
        case .courtStep(.paymentOrderServed):
            "The debtor has two weeks to object; then apply for provisional execution within 30 days, or the order lapses (民事訴訟法391条・392条)."
        case .courtStep(.provisionalExecutionApplied):
            "The court declares provisional execution and serves the declared order (民事訴訟法391条)."
        case .courtStep(.declarationServed):
            "Two more weeks to object; then the order has the effect of a final judgment (民事訴訟法393条・396条)."
        }
    }
}

extension FormCatalog {
    public static func legalFact(_ kind: LegalFactForm, _ target: CaseTarget, today: CivilDate) -> Form {
        var fields: [Form.Field] = [
            .init(.date, "Date", kind: .date, text: today.iso, required: true, placeholder: "YYYY-MM-DD")
        ]
        switch kind {
        case .agreement:
            fields.append(
                .init(.until, "Agreed end", kind: .date, required: false, placeholder: "optional, YYYY-MM-DD"))
        case .demandDelivered:
            fields.append(.init(.note, "Reference", kind: .text, required: false, placeholder: "e.g. 配達証明 number"))
        case .judgment:
            fields.append(.init(.note, "What", kind: .text, required: false, placeholder: "e.g. 判決確定"))
        case .refusal, .courtStep:
            break
        }
        return Form(purpose: .legalFact(kind), target: target, title: kind.title, fields: fields, notes: [kind.effect])
    }
}
