import Foundation
import KaishuCore
import Testing

@testable import KaishuLetters

/// Sending through a sendmail-compatible command, with a stub command capturing its input.
@Suite("the mailer hands messages to sendmail or writes them to the outbox")
struct MailerTests {
    func message() throws -> EmailMessage {
        try #require(
            Fixtures.desk().draft(
                kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan,
                stamp: Fixtures.stamp
            ).email)
    }

    /// A fake `sendmail` that records its arguments and standard input.
    func stub(in dir: URL, exit status: Int = 0) throws -> URL {
        let script = dir.appendingPathComponent("fake-sendmail")
        try """
        #!/bin/sh
        echo "$@" > "\(dir.path)/args"
        cat > "\(dir.path)/stdin"
        [ \(status) -eq 0 ] || echo "relay refused: 550 mailbox unavailable" >&2
        exit \(status)
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test("the command gets the whole message on standard input, and -t")
    func sendsThroughCommand() throws {
        let dir = try TemporaryDirectory()
        let script = try stub(in: dir.url)
        let mailer = Mailer(command: "\(script.path) -t -oi", outbox: dir.url.appendingPathComponent("outbox"))
        let message = try message()
        let delivery = try mailer.deliver(message)
        #expect(delivery == .sent(messageID: message.messageID))
        let captured = try Data(contentsOf: dir.url.appendingPathComponent("stdin"))
        #expect(captured == Data(message.rfc5322.utf8))
        #expect(try String(contentsOf: dir.url.appendingPathComponent("args"), encoding: .utf8) == "-t -oi\n")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("outbox").path))
        #expect(
            LetterRecord.emailDelivered(delivery, on: Fixtures.today) == [
                .letterSent(kind: "email", reference: message.messageID, on: Fixtures.today)
            ])
    }

    @Test("a failing command is an error carrying what it wrote on standard error")
    func commandFails() throws {
        let dir = try TemporaryDirectory()
        let script = try stub(in: dir.url, exit: 75)
        let mailer = Mailer(command: script.path, outbox: dir.url)
        #expect {
            try mailer.deliver(try message())
        } throws: { error in
            guard case LetterError.mail(let reason) = error else { return false }
            return reason.contains("status 75") && reason.contains("550 mailbox unavailable")
        }
    }

    @Test("a command that does not read its input does not crash the program")
    func commandIgnoresInput() throws {
        let dir = try TemporaryDirectory()
        let mailer = Mailer(command: "exit 0", outbox: dir.url)
        #expect(try mailer.deliver(message()).wasSent)
    }

    @Test("without a command the message is written to the outbox, owner-only, and not recorded as sent")
    func writesOutbox() throws {
        let dir = try TemporaryDirectory()
        let outbox = dir.url.appendingPathComponent("out/box")
        let mailer = Mailer(command: "  ", outbox: outbox)
        let message = try message()
        let delivery = try mailer.deliver(message)
        guard case .written(let path, let id) = delivery else {
            Issue.record("expected a written file, got \(delivery)")
            return
        }
        #expect(id == message.messageID)
        #expect(path.hasPrefix(outbox.path) && path.hasSuffix(".eml"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(message.rfc5322.utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(LetterRecord.emailDelivered(delivery, on: Fixtures.today).isEmpty)
    }

    @Test("the outbox defaults to the data folder and expands ~/")
    func outboxPaths() {
        let paths = LetterPaths(environment: ["HOME": "/home/k", "XDG_DATA_HOME": "/data"])
        #expect(paths.outbox(for: LetterConfig()).path == "/data/kaishu/outbox")
        #expect(paths.outbox(for: LetterConfig(email: EmailSettings(outbox: "~/mail/out"))).path == "/home/k/mail/out")
        #expect(paths.templatesDirectory.path == "/home/k/.config/kaishu/templates")
    }
}
