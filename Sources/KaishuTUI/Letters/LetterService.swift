import KaishuCore
import KaishuLetters

/// What the workbench needs from the letters, behind a protocol so `update` stays pure and the
/// tests run on a fake.
///
/// The runtime calls it from effects, never from `update`: drafting reads the configuration
/// and templates from disk, writing and sending touch files and processes, and `edit` runs the
/// collector's `$EDITOR` on the terminal. KaishuCurses provides `FileLetterService`.
public protocol LetterService: Sendable {
    /// Drafts the letter of `kind` for the case as it stands (the preview is what is sent:
    /// the email's Date and Message-ID are fixed here).
    ///
    /// - Throws: a `Refusal` when the case cannot have the letter; a configuration or template
    ///   error naming the file.
    func draft(_ kind: LetterKind, case state: CaseState, today: CivilDate, calendar: BusinessCalendar) throws
        -> RenderedLetter

    /// Writes the letter's document into the letters folder under its `fileName`; returns the
    /// path written.
    func write(_ letter: RenderedLetter) throws -> String

    /// Opens the letter's file (written first when it does not exist yet) in the collector's
    /// editor and waits for it; returns the path and the text as the editor left it. Called on
    /// the terminal's thread while the terminal is handed to the editor.
    func edit(_ letter: RenderedLetter) throws -> EditedLetter

    /// Hands the email to the configured sendmail command, or writes it to the outbox.
    func send(_ email: EmailMessage) throws -> Mailer.Delivery
}

/// A letter's file after the collector's editor closed.
public struct EditedLetter: Hashable, Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
