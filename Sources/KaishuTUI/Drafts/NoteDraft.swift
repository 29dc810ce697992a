import KaishuCore

/// The call note a collector is typing, as kept on disk so a crash does not lose it (issue 6: "a
/// crashed client's lease expires and the case returns to the queue; its unsaved draft is not
/// lost if the client comes back").
///
/// Only the call form (`c`, an outcome, its fields and the note) is kept: it is the one a
/// collector types into at length while on the phone. The draft holds what the form needs to be
/// rebuilt with `FormCatalog.contact` without the store: the outcome, the case it is about, the
/// text of each field as typed, and the focused field.
public struct NoteDraft: Codable, Hashable, Sendable {
    public var caseID: Int64
    public var debtorName: String
    public var stage: Stage
    public var outstanding: Money
    public var disputed: Bool
    public var onHold: Bool
    public var outcome: ContactOutcome
    /// Field id (`note`, `promiseDate`, …) → the text as typed.
    public var fields: [String: String]
    public var focus: Int
    /// When the draft was written (ISO 8601, set by the writer, never by `update`): the newest
    /// draft is the one reopened at start.
    public var savedAt: String?

    /// The draft of a call form, or `nil` for other forms and for a call form with nothing typed.
    public init?(_ form: Form) {
        guard case .contact(let outcome) = form.purpose else { return nil }
        var fields: [String: String] = [:]
        for field in form.fields where !field.editor.isEmpty { fields[field.id.rawValue] = field.editor.text }
        guard !fields.isEmpty else { return nil }
        let target = form.target
        self.caseID = target.id
        self.debtorName = target.debtorName
        self.stage = target.stage
        self.outstanding = target.outstanding
        self.disputed = target.disputed
        self.onHold = target.onHold
        self.outcome = outcome
        self.fields = fields
        self.focus = form.focus
    }

    /// Whether a form's text is kept as a draft while it is typed (call forms).
    public static func keeps(_ form: Form) -> Bool {
        if case .contact = form.purpose { return true }
        return false
    }

    public var target: CaseTarget {
        CaseTarget(
            id: caseID, debtorName: debtorName, stage: stage, outstanding: outstanding, disputed: disputed,
            onHold: onHold)
    }

    /// The call form as it was: every field's text back, the cursor at the end, the same focus.
    public var form: Form {
        var form = FormCatalog.contact(outcome, target)
        for index in form.fields.indices {
            if let text = fields[form.fields[index].id.rawValue] {
                form.fields[index].editor = LineEditor(text, maxLength: form.fields[index].editor.maxLength)
            }
        }
        form.focus = max(0, min(focus, form.fields.count - 1))
        return form
    }
}

/// What the runtime does with drafts (`update` only asks).
public enum DraftEffect: Hashable, Sendable {
    /// Keep this draft (debounced: written a moment after the last key, not on every key).
    case save(NoteDraft)
    /// The note was saved or deliberately cancelled: forget the draft of this case.
    case discard(caseID: Int64)
    /// Look for a kept draft of this case (a case was opened); answers `.draftsFound`.
    case look(caseID: Int64)
    /// Look for every kept draft (the workbench started); answers `.draftsFound`.
    case lookAll
}
