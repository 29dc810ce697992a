import ArgumentParser
import Foundation
import KaishuCore
import KaishuLetters

extension LetterKind: ExpressibleByArgument {}
extension LetterFormat: ExpressibleByArgument {}
extension LetterLanguage: ExpressibleByArgument {}

/// `kaishu letter ID`: drafts the document of a case's stage, checks a certified letter's
/// layout, sends an email, and records what was sent. See docs/letters.md.
struct LetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Draft, check, send and record the letter of a case's stage (email, 督促状, 内容証明).",
        discussion: """
            Without --send or --record-sent nothing is recorded: the draft goes to --out FILE or \
            to standard output. --check validates a certified letter on the post office's grid \
            (exit 1 on a violation). --send hands an email to the configured sendmail command \
            (or writes it to the outbox) and records it when it was sent. --record-sent records \
            a printed or posted letter, moving the case up to the letter's stage if needed.
            """
    )

    @Argument(help: "Case id.") var id: Int64
    @Option(help: "email, demand or certified (default: the case's stage).") var kind: LetterKind?
    @Option(help: "text, html or eml (default: eml for email, text otherwise).") var format: LetterFormat?
    @Option(help: "ja or en (default: the configuration's).") var language: LetterLanguage?
    @Option(help: "The payment deadline (default: 7 days out, moved to a business day).") var deadline: String?
    @Option(help: "Write the document to this file instead of standard output.") var out: String?
    @Flag(help: "Certified mail: validate the layout and estimate the postage.") var check = false
    @Flag(help: "Email: send it through the configured command and record it.") var send = false
    @Flag(help: "Record the letter as sent (printed and posted).") var recordSent = false
    @Option(help: "With --record-sent: the registered-mail number or other reference.") var reference: String?
    @OptionGroup var write: WriteOptions

    func validate() throws {
        if send && recordSent { throw ValidationError("--send records the email itself; drop --record-sent") }
        if send && kind != nil && kind != .email { throw ValidationError("--send is for email") }
    }

    func run() async throws {
        try await failing {
            let session = try write.session()
            let state = try await session.state(of: id)
            guard let kind = kind ?? LetterKind(stage: state.stage) else {
                throw CommandFailure(
                    "the case is at \(state.stage.rawValue), which sends no letter: choose one with --kind email|demand|certified"
                )
            }
            let paths = LetterPaths(environment: ProcessInfo.processInfo.environment)
            let desk = try LetterDesk.load(paths: paths)
            let letter = try desk.draft(
                kind: kind, format: format, language: language, case: state, today: session.today,
                calendar: session.calendar, deadline: try deadline.map { try parseDate($0, option: "--deadline") })
            for warning in letter.warnings {
                FileHandle.standardError.write(Data("kaishu: warning: \(warning)\n".utf8))
            }
            if check {
                guard let report = letter.certified?.report else {
                    throw CommandFailure("--check validates certified mail: use --kind certified")
                }
                print(report.summary)
                if !report.isValid { throw ExitCode(1) }
                return
            }
            if send {
                guard let email = letter.email else { throw CommandFailure("--send needs the email (--kind email)") }
                let delivery = try desk.mailer(paths: paths).deliver(email)
                switch delivery {
                case .sent(let messageID):
                    try await record(LetterRecord.emailDelivered(delivery, on: session.today), session)
                    print("Sent and recorded (Message-ID \(messageID)).")
                case .written(let path, _):
                    print(
                        "No sendmail command is configured: the message is in \(path). Send it from your mail program, then run `kaishu letter \(id) --kind email --record-sent`."
                    )
                }
                return
            }
            if let out {
                try Data(letter.document.utf8).write(to: URL(fileURLWithPath: out))
                FileHandle.standardError.write(Data("kaishu: wrote \(out)\n".utf8))
            } else {
                print(letter.document, terminator: letter.document.hasSuffix("\n") ? "" : "\n")
            }
            if recordSent {
                try await record(
                    LetterRecord.sentActions(kind, state: state, on: session.today, reference: reference), session)
                FileHandle.standardError.write(
                    Data("kaishu: recorded \(kind.eventKind) as sent on \(session.today)\n".utf8))
            }
        }
    }

    /// Records `actions` in one write, checked against the case inside the transaction.
    private func record(_ actions: [CaseAction], _ session: Session) async throws {
        guard !actions.isEmpty else { return }
        let calendar = session.calendar
        let today = session.today
        _ = try await session.store.append(to: id, context: session.context(key: write.idempotencyKey)) { file in
            try LetterRecord.drafts(actions, file: file, today: today, calendar: calendar)
        }
    }
}
