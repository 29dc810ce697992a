import KaishuCore
import KaishuLetters

/// The letter pane (`l`): the draft of the case's stage letter, what to look at before it goes
/// out, and the work in flight on it.
public struct LetterPane: Hashable, Sendable {
    /// A question the pane is asking; `y` answers it, any other key cancels it.
    public enum Question: Hashable, Sendable {
        case send
        case record
    }

    /// What the pane is waiting for.
    public enum Work: Hashable, Sendable {
        case writing
        case editing
        case sending
        case recording
    }

    public var target: CaseTarget
    public var kind: LetterKind
    /// The draft request in flight.
    public var loading: RequestID?
    public var letter: RenderedLetter?
    /// The case file the letter was drafted from (the delivery preview folds it).
    public var file: CaseFile?
    /// The collector's copy after `$EDITOR`, shown instead of the draft.
    public var edited: EditedLetter?
    public var scroll = 0
    public var question: Question?
    public var busy: RequestID?
    public var work: Work?
    /// The last result or error, on the pane's footer.
    public var notice: Flash?
    /// The last write sent: a retry reuses its idempotency key, so a record that committed but
    /// reported failure is not applied twice.
    public var attempt: String?

    public init(target: CaseTarget, kind: LetterKind) {
        self.target = target
        self.kind = kind
    }

    /// 督促状 (demand letter) …: the pane's title.
    public var title: String { "\(kind.japaneseName) \(kind.englishName) · case \(target.id)" }
}

extension LetterKind {
    public var japaneseName: String {
        switch self {
        case .email: "メール"
        case .demand: "督促状"
        case .certified: "内容証明郵便"
        }
    }

    public var englishName: String {
        switch self {
        case .email: "email reminder"
        case .demand: "demand letter"
        case .certified: "certified demand"
        }
    }
}

/// The pane's scrollable body, laid out for a width: shared by the view and by `update`'s
/// scroll clamping so both agree on the number of lines.
enum LetterDocument {
    static func document(_ pane: LetterPane, width: Int, measure: DisplayWidth) -> Document {
        var doc = Document(width: width, measure: measure)
        doc.add(
            [
                Span(pane.target.debtorName, .header), Span("  ¥\(pane.target.outstanding.grouped)", .money),
                Span("  \(pane.target.stage.rawValue)", .stage),
            ])
        guard let letter = pane.letter else {
            if pane.loading != nil { doc.add("Drafting the letter…", .muted) }
            return doc
        }
        doc.add([Span("File ", .muted), Span(letter.fileName), Span("   Deadline ", .muted), Span(letter.deadline.iso)])
        if let edited = pane.edited {
            doc.add([Span("Showing your edited copy: ", .warning), Span(edited.path)])
        }
        for warning in letter.warnings {
            doc.add([Span("! ", .warning), Span(warning, .warning)], indent: 2)
        }
        if let report = letter.certified?.report {
            doc.blank()
            doc.add("Post office check (内容証明)", .header)
            for line in report.summary.split(separator: "\n", omittingEmptySubsequences: false) {
                doc.add(String(line), report.isValid ? .text : .warning, indent: 2)
            }
        }
        doc.blank()
        doc.add(String(repeating: "─", count: max(1, min(width, 60))), .muted)
        for line in body(pane, letter) {
            if line.isEmpty {
                doc.blank()
            } else if line == "\u{0C}" {
                doc.add("── next page ──", .muted)
            } else {
                doc.add(line)
            }
        }
        return doc
    }

    /// The text to read: the edited copy, the email as a mail program shows it (not its
    /// base64 wire form), or the document.
    static func body(_ pane: LetterPane, _ letter: RenderedLetter) -> [String] {
        if let edited = pane.edited { return lines(edited.text) }
        if let email = letter.email {
            var header = [
                "From: \(email.from.description)",
                "To: \(email.to.map(\.description).joined(separator: ", "))",
            ]
            if !email.cc.isEmpty { header.append("Cc: \(email.cc.map(\.description).joined(separator: ", "))") }
            if !email.bcc.isEmpty { header.append("Bcc: \(email.bcc.map(\.description).joined(separator: ", "))") }
            header.append("Subject: \(email.subject)")
            header.append("Message-ID: \(email.messageID)")
            if let reply = email.inReplyTo { header.append("In-Reply-To: \(reply)") }
            return header + [""] + lines(email.body)
        }
        return lines(letter.document)
    }

    static func lines(_ text: String) -> [String] {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { line in
                String(line).replacingOccurrences(of: "\t", with: "    ")
            }
        while result.last == "" { result.removeLast() }
        return result
    }
}
