import KaishuCore

/// A dialog over the page. One at a time; the help overlay stacks above it (`AppState.help`).
public enum Overlay: Hashable, Sendable {
    /// `c`: one key picks the call's outcome.
    case outcomePicker(CaseTarget)
    /// `E`: one key picks the lower stage to return to.
    case stagePicker(CaseTarget, stages: [Stage])
    /// `e`: the next stage, its legal effect, and any refusal, before `y` confirms.
    case escalation(EscalationDialog)
    /// The fields of a call note, payment, acknowledgment …
    case form(Form)
    /// `/`: the filter line at the bottom of the queue.
    case filter(LineEditor)
    /// `l`: the letter of the case's stage, scrollable, with write / edit / send / record.
    case letter(LetterPane)
    /// Enter on a call in the quiet hours: what would be logged and why to pause, before `y`.
    case quietHours(QuietHoursQuestion)
}

/// The question a call logged in the quiet hours asks (LEGAL.md §10, as `kaishu case note`
/// asks for `--confirm`). It holds the form as typed: `y` saves it, any other key returns to it
/// with every character kept.
public struct QuietHoursQuestion: Hashable, Sendable {
    public var form: Form
    /// The quiet-hours warning first, then the weekly cap's if this call is also above it.
    public var warnings: [ConductWarning]

    public init(form: Form, warnings: [ConductWarning]) {
        self.form = form
        self.warnings = warnings
    }
}

/// The escalation confirmation.
public struct EscalationDialog: Hashable, Sendable {
    public var target: CaseTarget
    /// The reachable stages with their effect and refusal; empty while the case loads.
    public var options: [StepOption] = []
    /// For each option: refused only by a dispute or hold, so `!` may override.
    public var overridable: [Bool] = []
    /// For each option: what the step costs, with the 費用倒れ warning (nil for a free step).
    public var costs: [StepCostEstimate?] = []
    public var selected = 0
    public var loading: RequestID?
    public var saving: RequestID?
    public var error: String?
    public var attempt: WriteAttempt?

    public init(target: CaseTarget) {
        self.target = target
    }

    public var selectedOption: StepOption? {
        options.indices.contains(selected) ? options[selected] : nil
    }
}

/// A small form: a few one-line fields, the case it acts on, and what saving it records.
///
/// Enter moves to the next field and saves on the last; the form stays open while the store
/// writes (`saving`) and closes only when the store has committed. If the write fails the form
/// stays, with every character typed, and shows why.
public struct Form: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case contact(ContactOutcome)
        case payment
        case acknowledgment
        case legalFact(LegalFactForm)
        case dispute(Bool)
        case hold(Bool)
        case reschedule
        case deescalate(Stage)
    }

    public enum FieldID: String, Hashable, Sendable {
        case promiseDate
        case promiseAmount
        case callbackDate
        case callbackTime
        case amount
        case date
        case note
        case reason
        case until
    }

    public enum FieldKind: Hashable, Sendable {
        case date
        case amount
        case time
        case text
    }

    public struct Field: Hashable, Sendable {
        public var id: FieldID
        public var label: String
        public var kind: FieldKind
        public var editor: LineEditor
        public var required: Bool
        /// Shown after the field, e.g. `YYYY-MM-DD`.
        public var placeholder: String

        public init(
            _ id: FieldID, _ label: String, kind: FieldKind, text: String = "", required: Bool,
            placeholder: String = ""
        ) {
            self.id = id
            self.label = label
            self.kind = kind
            self.editor = LineEditor(text, maxLength: kind == .text ? 500 : 40)
            self.required = required
            self.placeholder = placeholder
        }
    }

    public var purpose: Purpose
    public var target: CaseTarget
    public var title: String
    public var fields: [Field]
    public var focus = 0
    /// What the step means, shown above the fields (a partial payment renews limitation …).
    public var notes: [String]
    public var error: String?
    public var saving: RequestID?
    /// The last write sent; a retry of the same action reuses its idempotency key, so a write
    /// that committed but reported failure is not applied twice.
    public var attempt: WriteAttempt?
    /// Calls: the weekly cap's warning when this call would be above it, shown above the fields
    /// once the case's earlier attempts are known.
    public var weeklyCapWarning: ConductWarning?
    /// Calls: the case being read for its earlier attempts (opened from the queue).
    public var historyRequest: RequestID?
    /// Calls: `y` was answered to the quiet-hours question, so a retry does not ask again.
    public var quietHoursConfirmed = false

    public init(purpose: Purpose, target: CaseTarget, title: String, fields: [Field], notes: [String] = []) {
        self.purpose = purpose
        self.target = target
        self.title = title
        self.fields = fields
        self.notes = notes
    }

    public func text(_ id: FieldID) -> String? {
        fields.first { $0.id == id }?.editor.committed
    }

    public func index(of id: FieldID) -> Int? { fields.firstIndex { $0.id == id } }
}

/// A write sent to the store: the action and its idempotency key.
public struct WriteAttempt: Hashable, Sendable {
    public var action: CaseAction
    public var idempotencyKey: String

    public init(action: CaseAction, idempotencyKey: String) {
        self.action = action
        self.idempotencyKey = idempotencyKey
    }
}
