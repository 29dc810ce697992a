/// What a piece of the screen *means*; a theme decides how each meaning looks.
///
/// Views paint with roles, never with colours, so a theme file (and the monochrome fallback
/// every role must have) restyles the whole workbench. Meaning never rests on colour alone:
/// days left and stages are always printed as text too.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    /// Ordinary text.
    case text
    /// Secondary text: labels, hints, empty values.
    case muted
    /// The top line: program and screen title.
    case title
    /// Column headings and section headings.
    case header
    /// The status line at the bottom.
    case status
    /// Emphasised parts of the status line (counts).
    case statusAccent = "status_accent"
    /// The highlighted queue row (combined with the row's own roles).
    case selection
    /// Urgency mark of a case whose limitation completes within 30 days.
    case urgencyCritical = "urgency_critical"
    /// Urgency mark of a case whose limitation completes within 90 days.
    case urgencyNear = "urgency_near"
    /// Urgency mark of a broken promise.
    case brokenPromise = "broken_promise"
    /// Urgency mark of an action due today.
    case actionDue = "action_due"
    /// Days left before limitation: 30 or fewer.
    case daysCritical = "days_critical"
    /// Days left before limitation: 31 to 90.
    case daysNear = "days_near"
    /// Limitation has completed (days left below zero): shown inverted.
    case daysExpired = "days_expired"
    /// Money amounts.
    case money
    /// A stage name.
    case stage
    /// The current stage on the ladder.
    case stageCurrent = "stage_current"
    /// Key names in hints and in the help overlay.
    case key
    /// Dialog and overlay background text.
    case dialog
    /// Dialog titles.
    case dialogTitle = "dialog_title"
    /// Dialog and overlay borders.
    case border
    /// An input field being edited.
    case input
    /// Errors: a refused step, a failed save.
    case error
    /// Confirmations: "saved".
    case success
    /// Warnings: a refusal reason, "limitation restarts".
    case warning
    /// Dates in the timeline.
    case date
    /// Text matching the active filter.
    case match
}
