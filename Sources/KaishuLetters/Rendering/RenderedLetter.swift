import Foundation
import KaishuCore

/// What to render: the letter, its format and language, and the values that would otherwise
/// come from a clock.
public struct LetterRequest: Hashable, Sendable {
    public var kind: LetterKind
    /// `nil`: the kind's first format (email: eml, demand and certified: text).
    public var format: LetterFormat?
    /// `nil`: the configured language (certified mail is always Japanese).
    public var language: LetterLanguage?
    /// The letter's date; the payment deadline counts from it.
    public var today: CivilDate
    /// A payment deadline chosen by hand (moved forward to a business day).
    public var deadline: CivilDate?
    /// Which email reminder; `nil`: the first if none was sent yet, else the second.
    public var reminder: EmailReminder?
    /// The email's Date and Message-ID token; unused by paper letters.
    public var stamp: EmailStamp

    public init(
        kind: LetterKind, format: LetterFormat? = nil, language: LetterLanguage? = nil, today: CivilDate,
        deadline: CivilDate? = nil, reminder: EmailReminder? = nil, stamp: EmailStamp
    ) {
        self.kind = kind
        self.format = format
        self.language = language
        self.today = today
        self.deadline = deadline
        self.reminder = reminder
        self.stamp = stamp
    }
}

/// The moment an email is dated and the random part of its Message-ID, taken at the program's
/// edge (`EmailStamp.now()`), so rendering stays pure and a preview sends as it was shown.
public struct EmailStamp: Hashable, Sendable {
    public var date: Date
    public var timeZone: TimeZone
    /// Letters and digits; makes the Message-ID unique.
    public var token: String

    public init(date: Date, timeZone: TimeZone, token: String) {
        self.date = date
        self.timeZone = timeZone
        self.token = token
    }

    /// Now, in Asia/Tokyo, with a random token.
    public static func now() -> EmailStamp {
        EmailStamp(
            date: Date(), timeZone: TimeZone(identifier: "Asia/Tokyo")!,
            token: String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)).lowercased())
    }
}

/// A letter ready to review, write, print or send.
public struct RenderedLetter: Hashable, Sendable {
    public var kind: LetterKind
    public var format: LetterFormat
    public var language: LetterLanguage
    /// The document in the requested format (for `.eml`, the RFC 5322 message).
    public var document: String
    /// A file name for it: `case42-demand-2026-11-24.html`.
    public var fileName: String
    /// The payment deadline the letter names.
    public var deadline: CivilDate
    /// The email, for kind `.email` (in any format): send this, record its Message-ID.
    public var email: EmailMessage?
    /// The grid layout, its check and the postage, for kind `.certified`.
    public var certified: CertifiedMailDocument?
    /// Things to look at before sending: placeholder letterhead, Latin letters in certified
    /// mail, a stage that does not match, costs above the claim.
    public var warnings: [String]
    /// The view model the template rendered (for a preview that wants the figures).
    public var context: LetterContext

    /// The kind to record in `.letterSent` when this letter goes out.
    public var eventKind: String { kind.eventKind }

    /// The action that records this letter as sent on `date` — for an email, with its
    /// Message-ID as the reference; for a posted letter, the registered-mail number if given.
    public func sentAction(on date: CivilDate, reference: String? = nil) -> CaseAction {
        LetterRecord.sent(kind, on: date, reference: reference ?? email?.messageID)
    }
}

/// A certified letter on its grid: the laid-out text and the post office's view of it
/// (counts, violations, postage).
public struct CertifiedMailDocument: Hashable, Sendable {
    public var text: CertifiedMailText
    public var report: CertifiedMailReport
}
