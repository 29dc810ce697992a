import Foundation
import KaishuCore

extension LetterDesk {
    /// The email reminder: the template's first line is the Subject, the rest (after a blank
    /// line) the body. A second reminder threads under the first (`In-Reply-To`) when the
    /// first's Message-ID is in the log.
    func renderEmail(into letter: inout RenderedLetter, state: CaseState, request: LetterRequest) throws {
        guard let to = state.debtor.email.nonEmpty else {
            throw Refusal(
                "case \(state.id): \(state.debtor.name) has no email address; add one to the debtor before drafting an email"
            )
        }
        let recipient = EmailAddress(name: state.debtor.name, address: to)
        guard recipient.isValid else {
            throw Refusal("case \(state.id): the debtor's email address \"\(to)\" is not a valid address")
        }
        guard let from = config.senderAddress else {
            throw Refusal("no sender address: set \"email.from\" or \"company.email\" in letters.json")
        }
        let sender = EmailAddress(name: config.senderName, address: from)
        guard sender.isValid, let domain = sender.domain else {
            throw LetterError.config(
                file: "letters.json", reason: "the sender address \"\(from)\" is not a valid address")
        }
        let previous = LetterContext.emailReminders(in: state)
        let reminder = request.reminder ?? EmailReminder(remindersSent: previous.count)
        let name = "email-\(reminder.rawValue)-\(letter.language.rawValue)"
        let rendered = try templates.render(name, letter.context)
        let (subject, body) = try LetterDesk.splitSubject(rendered, template: name, file: templates.files[name])

        let inReplyTo = previous.reversed().lazy.compactMap { event -> String? in
            if case .letterSent(_, let reference?) = event.fact, reference.hasPrefix("<"), reference.hasSuffix(">"),
                reference.contains("@")
            {
                return reference
            }
            return nil
        }.first
        let message = EmailMessage(
            from: sender, to: [recipient], bcc: config.email.bcc.map { EmailAddress(address: $0) },
            subject: subject, body: body, date: request.stamp.date, timeZone: request.stamp.timeZone,
            messageID: EmailMessage.messageID(
                caseID: state.id, date: request.stamp.date, timeZone: request.stamp.timeZone,
                token: request.stamp.token, domain: domain),
            inReplyTo: reminder == .second ? inReplyTo : nil,
            extraHeaders: [.init("X-Kaishu-Case", "\(state.id)"), .init("X-Kaishu-Reminder", reminder.rawValue)])
        for bcc in message.bcc where !bcc.isValid {
            throw LetterError.config(
                file: "letters.json", reason: "email.bcc: \"\(bcc.address)\" is not a valid address")
        }
        letter.email = message
        switch letter.format {
        case .eml:
            letter.document = message.rfc5322
        default:
            var head = ["From: \(sender)", "To: \(recipient)"]
            if !message.bcc.isEmpty { head.append("Bcc: \(message.bcc.map(\.description).joined(separator: ", "))") }
            head.append("Subject: \(subject)")
            letter.document = head.joined(separator: "\n") + "\n\n" + body
        }
    }

    /// Splits a rendered email template into its Subject (first line) and body.
    static func splitSubject(_ rendered: String, template: String, file: String?) throws -> (String, String) {
        var lines = rendered.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        guard let subject = lines.first?.trimmingCharacters(in: .whitespaces), !subject.isEmpty else {
            throw LetterError.template(
                name: template, file: file ?? "?", reason: "renders nothing: its first line must be the Subject")
        }
        lines.removeFirst()
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return (subject, lines.joined(separator: "\n") + "\n")
    }
}
