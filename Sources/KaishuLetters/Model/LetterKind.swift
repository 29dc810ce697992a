import KaishuCore

/// The three documents the collection ladder sends, one per stage that writes to the debtor.
///
/// A stage's letter is the evidence that the step was taken (seed 000, 2-2): sending one is
/// recorded as a `.letterSent` event with `eventKind`, and a certified demand's *delivery* is
/// the demand (催告) that postpones limitation by six months, once (民法150条).
public enum LetterKind: String, CaseIterable, Codable, Sendable {
    /// A reminder by email (stage `email`): polite the first time, firmer after.
    case email
    /// A demand letter (督促状) sent by ordinary post (stage `demand-letter`).
    case demand
    /// A demand on the post office's grid, sent as 内容証明郵便 (stage `certified-mail`).
    case certified

    /// The letter a case at `stage` sends, or `nil` for a stage that sends none.
    public init?(stage: Stage) {
        switch stage {
        case .email: self = .email
        case .demandLetter: self = .demand
        case .certifiedMail: self = .certified
        default: return nil
        }
    }

    /// The stage whose step this letter is.
    public var stage: Stage {
        switch self {
        case .email: .email
        case .demand: .demandLetter
        case .certified: .certifiedMail
        }
    }

    /// The kind stored in `.letterSent(kind:reference:)` when this letter goes out.
    public var eventKind: String {
        switch self {
        case .email: "email"
        case .demand: "demand-letter"
        case .certified: "certified-mail"
        }
    }

    /// The formats this letter can be written in, the first being the default.
    public var formats: [LetterFormat] {
        switch self {
        case .email: [.eml, .text]
        case .demand: [.text, .html]
        case .certified: [.text, .html]
        }
    }

    /// The languages its templates exist in. Certified mail is Japanese only: the post office
    /// accepts Latin letters only in proper nouns (LEGAL.md §8).
    public var languages: [LetterLanguage] {
        switch self {
        case .email, .demand: [.ja, .en]
        case .certified: [.ja]
        }
    }
}

/// How a letter is written out.
public enum LetterFormat: String, CaseIterable, Codable, Sendable {
    /// Plain UTF-8 text (for certified mail: the grid's lines, pages separated by form feeds).
    case text
    /// A printable A4 HTML page.
    case html
    /// An RFC 5322 message, ready for a sendmail-compatible command or a mail client.
    case eml

    /// The file name extension for this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .html: "html"
        case .eml: "eml"
        }
    }
}

/// The language of a letter's templates.
public enum LetterLanguage: String, CaseIterable, Codable, Sendable {
    case ja
    case en
}
