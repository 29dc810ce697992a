import KaishuCore
import KaishuLetters

/// The letter work `update` asks for. The runtime runs it with its `LetterService` (and the
/// store, for recording) and answers with a `LetterResult` or `.failed`.
public enum LetterEffect: Hashable, Sendable {
    /// Load the case and draft the letter of `kind` for it.
    case draft(RequestID, caseID: Int64, kind: LetterKind)
    /// Write the letter into the letters folder.
    case write(RequestID, RenderedLetter)
    /// Open the letter in `$EDITOR`: the runtime hands over the terminal and takes it back.
    case edit(RequestID, RenderedLetter)
    /// Send the email; if (and only if) it was really sent, record `letter-sent` with its
    /// Message-ID in the same turn.
    case send(RequestID, caseID: Int64, email: EmailMessage, idempotencyKey: String)
    /// Record a printed or posted letter as sent today, escalating to its stage first when the
    /// case is below it (`LetterRecord.sentActions`, decided inside the write transaction).
    case record(RequestID, caseID: Int64, kind: LetterKind, reference: String?, idempotencyKey: String)
    /// Work out what recording a certified demand's delivery on `date` does to limitation, for
    /// the `D` form's notes (`LetterRecord.deliveryEffect`).
    case deliveryPreview(RequestID, caseID: Int64, on: CivilDate)
}

/// What came back from a `LetterEffect`.
public enum LetterResult: Hashable, Sendable {
    /// The draft, with the case file it was drafted from (for the delivery preview).
    case drafted(RequestID, CaseFile, RenderedLetter)
    case written(RequestID, path: String)
    case edited(RequestID, EditedLetter)
    /// The mailer's answer; the case as recorded when the message was sent (nil when it was
    /// only written to the outbox, which records nothing).
    case mailed(RequestID, Mailer.Delivery, CaseFile?, CaseState?)
    /// What a delivery on `date` would do to the case's limitation.
    case deliveryPreview(RequestID, caseID: Int64, on: CivilDate, LimitationChange)
}
