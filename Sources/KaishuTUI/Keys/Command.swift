import KaishuCore

/// What a key does, independent of which key it is. The key table (`KeyMap`) maps keys to
/// commands per context; `update` acts on commands. One command can mean slightly different
/// things on different pages (`moveDown` moves the highlight in the queue and scrolls on the
/// case page), which is why the table also carries the context.
public enum Command: Hashable, Sendable {
    // Anywhere
    case help
    case quit
    case suspend
    case redraw

    // Moving around
    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case top
    case bottom
    case open
    case back
    case nextCase
    case previousCase

    // Working a case
    case logContact
    case escalate
    case deescalate
    case payment
    case acknowledge
    /// Record a dated legal fact: an agreement to negotiate, a written refusal, a delivered
    /// demand, a final judgment, or the next step of a payment order.
    case legalFact(LegalFactForm)
    case toggleDispute
    case toggleHold
    case reschedule
    /// Preview the letter of the case's stage (email, 督促状, 内容証明).
    case previewLetter

    // The letter pane
    case writeLetter
    case editLetter
    case sendLetter
    case recordLetter

    // The queue
    case filter
    case cycleOrder
    case toggleScope
    case refresh

    // Pickers and dialogs
    case pickOutcome(ContactOutcome)
    case pickIndex(Int)
    case confirm
    case confirmOverride
    case cancel

    // Forms and the one-line editors
    case submit
    case nextField
    case previousField
    /// Pass the key to the line editor (cursor movement, deletion).
    case edit
    /// Insert the typed character.
    case insert

    // The first-run screen
    case createDemo
    case showImportHelp
}

/// Where a key binding applies. The help overlay and docs/keys.md are grouped by these.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case global
    case navigation
    case caseActions = "case-actions"
    case queue
    case caseDetail = "case"
    case outcomePicker = "outcome-picker"
    case stagePicker = "stage-picker"
    case escalation
    case form
    case quietHours = "quiet-hours"
    case filter
    case letter
    case help
    case firstRun = "first-run"

    /// The heading in the help overlay and in docs/keys.md.
    public var title: String {
        switch self {
        case .global: "Anywhere"
        case .navigation: "Moving around (queue and case)"
        case .caseActions: "Working a case (queue and case)"
        case .queue: "Queue"
        case .caseDetail: "Case"
        case .outcomePicker: "Call outcome picker (c)"
        case .stagePicker: "De-escalation picker (E)"
        case .escalation: "Escalation dialog (e)"
        case .form: "Forms and the note line"
        case .quietHours: "Quiet-hours question (saving a call at night)"
        case .filter: "Filter line (/)"
        case .letter: "Letter pane (l)"
        case .help: "This help"
        case .firstRun: "First run (empty case book)"
        }
    }
}
