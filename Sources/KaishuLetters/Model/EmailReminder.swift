/// Which email reminder to write: the polite first one or the firmer second one.
///
/// Seed 000 (2-2): the first contact assumes an oversight and stays courteous; later ones
/// refer to what was sent before and say what follows if nothing happens.
public enum EmailReminder: String, CaseIterable, Codable, Sendable {
    case first
    case second

    /// The first when no email reminder is in the log yet, else the second.
    public init(remindersSent: Int) {
        self = remindersSent == 0 ? .first : .second
    }
}
