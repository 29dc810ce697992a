import Foundation
import KaishuCore
import KaishuLetters
import KaishuTestSupport
import Testing

@testable import KaishuTUI

/// A letter service that drafts with the real desk (built-in templates, sample letterhead) but
/// writes, edits and sends into memory.
final class FakeLetterService: LetterService, @unchecked Sendable {
    enum Mode { case sends, outbox, fails }
    let desk: LetterDesk
    let mode: Mode
    private let lock = NSLock()
    private var _written: [String: String] = [:]
    private var _sent: [EmailMessage] = []

    init(mode: Mode = .sends) throws {
        desk = LetterDesk(config: .placeholder, templates: try LetterTemplates.load(userDirectory: nil))
        self.mode = mode
    }

    var written: [String: String] { lock.withLock { _written } }
    var sent: [EmailMessage] { lock.withLock { _sent } }

    func draft(_ kind: LetterKind, case state: CaseState, today: CivilDate, calendar: BusinessCalendar) throws
        -> RenderedLetter
    {
        let stamp = EmailStamp(date: Date(timeIntervalSince1970: 1_795_000_000), timeZone: .tokyo, token: "fixedtoken")
        return try desk.draft(kind: kind, case: state, today: today, calendar: calendar, stamp: stamp)
    }

    func write(_ letter: RenderedLetter) throws -> String {
        lock.withLock { _written["/letters/" + letter.fileName] = letter.document }
        return "/letters/" + letter.fileName
    }

    func edit(_ letter: RenderedLetter) throws -> EditedLetter {
        let path = try write(letter)
        let text = letter.document + "\n追伸　編集済み\n"
        lock.withLock { _written[path] = text }
        return EditedLetter(path: path, text: text)
    }

    func send(_ email: EmailMessage) throws -> Mailer.Delivery {
        switch mode {
        case .sends:
            lock.withLock { _sent.append(email) }
            return .sent(messageID: email.messageID)
        case .outbox:
            return .written(path: "/outbox/x.eml", messageID: email.messageID)
        case .fails:
            throw LetterError.mail("msmtp -t exited with status 1: no route")
        }
    }
}

@Suite("Letters in the workbench (l)")
struct LetterPaneTests {
    static let today = Harness.today
    static let calendar = Harness.calendar

    /// A workbench over three demo cases, the first moved up the ladder to `stage`.
    final class Bench {
        let store: InMemoryCaseStore
        let terminal: MemoryTerminal
        let runtime: Runtime
        let letters: FakeLetterService
        let caseID: Int64

        init(stage: Stage, mode: FakeLetterService.Mode = .sends, size: Size = Size(rows: 30, columns: 100))
            async throws
        {
            store = InMemoryCaseStore(calendar: LetterPaneTests.calendar)
            await DemoCases.fill(store, count: 3, today: LetterPaneTests.today)
            // Demo debtor index 1 has an email address and a postal address.
            caseID = 2
            var path: [Stage] = []
            switch stage {
            case .email: path = [.email]
            case .demandLetter: path = [.email, .demandLetter]
            case .certifiedMail: path = [.email, .demandLetter, .certifiedMail]
            default: break
            }
            for (n, next) in path.enumerated() {
                let context = WriteContext(
                    actor: "setup", recordedAt: "2026-11-23T09:00:00+09:00", today: LetterPaneTests.today,
                    idempotencyKey: "setup-\(n)")
                _ = try await store.append(to: caseID, context: context) { file in
                    try CaseAction.escalate(to: next, reason: "setup", court: nil, override: false)
                        .decide(CaseState(file: file, calendar: LetterPaneTests.calendar), today: LetterPaneTests.today)
                }
            }
            letters = try FakeLetterService(mode: mode)
            terminal = MemoryTerminal(size: size)
            let config = SessionConfig(
                today: LetterPaneTests.today, collector: "tester", storeLabel: "memory", sessionID: "s")
            runtime = Runtime(
                state: AppState(config: config, size: size), terminal: terminal, store: store,
                calendar: LetterPaneTests.calendar, timestamp: { "2026-11-23T10:00:00+09:00" }, letters: letters)
            runtime.start()
            await settle()
        }

        func settle() async {
            for _ in 0..<100 {
                let handled = runtime.step(timeout: 0)
                await runtime.runner.waitUntilIdle()
                if !handled && runtime.runner.pendingCount == 0 && runtime.inbox.isEmpty { return }
            }
        }

        func press(_ keys: Key...) async {
            for key in keys {
                terminal.send(key)
                await settle()
            }
        }

        /// Opens the case page of the moved case (all open cases: an escalated case's next
        /// action is not due today; then filtering by its code).
        func openCase() async {
            await press(.char("t"), .char("/"))
            for c in "0002" { terminal.send(.char(c)) }
            await press(.enter, .enter)
        }

        var state: AppState { runtime.state }
        var text: String { terminal.text }
        var pane: LetterPane? {
            if case .letter(let pane) = state.overlay { return pane }
            return nil
        }

        func facts() async throws -> [CaseFact] {
            try #require(await store.caseFile(caseID)).events.map(\.fact)
        }
    }

    @Test("l previews the demand letter (督促状) of a demand-letter case, with its warnings; j/k/G/g scroll; Esc closes")
    func previewAndScroll() async throws {
        let b = try await Bench(stage: .demandLetter)
        await b.openCase()
        #expect(b.state.detail?.state?.stage == .demandLetter)
        await b.press(.char("l"))
        let pane = try #require(b.pane)
        #expect(pane.kind == .demand)
        #expect(pane.letter?.fileName == "case2-demand-2026-11-23.txt")
        #expect(b.text.contains("督促状 demand letter · case 2"))
        #expect(b.text.contains("督　促　状"))  // the letter's own heading
        #expect(b.text.contains("見本"))  // the sample letterhead, and its warning
        #expect(pane.letter?.warnings.isEmpty == false)
        #expect(b.text.contains("! "))
        await b.press(.char("j"), .char("j"))
        #expect(b.pane?.scroll == 2)
        await b.press(.char("k"))
        #expect(b.pane?.scroll == 1)
        await b.press(.char("G"))
        let bottom = try #require(b.pane?.scroll)
        #expect(bottom > 1)
        await b.press(.char("j"))
        #expect(b.pane?.scroll == bottom, "scrolling stops at the end of the letter")
        await b.press(.char("g"))
        #expect(b.pane?.scroll == 0)
        await b.press(.escape)
        #expect(b.state.overlay == nil)
        #expect(try await b.facts().contains { if case .letterSent = $0 { true } else { false } } == false)
    }

    @Test("l on a phone-stage case says it sends no letter and drafts nothing")
    func phoneStageHasNoLetter() async throws {
        let b = try await Bench(stage: .phone)
        await b.press(.char("l"))
        #expect(b.state.overlay == nil)
        #expect(b.text.contains("sends no letter"))
    }

    @Test("w writes the letter under its file name and says where")
    func write() async throws {
        let b = try await Bench(stage: .demandLetter)
        await b.openCase()
        await b.press(.char("l"), .char("w"))
        let path = "/letters/case2-demand-2026-11-23.txt"
        #expect(b.letters.written[path]?.contains("督　促　状") == true)
        #expect(b.text.contains("Wrote \(path)"))
    }

    @Test("E opens the editor and shows the edited copy")
    func edit() async throws {
        let b = try await Bench(stage: .demandLetter)
        await b.openCase()
        await b.press(.char("l"), .char("E"))
        #expect(b.pane?.edited?.text.contains("追伸　編集済み") == true)
        await b.press(.char("G"))
        #expect(b.text.contains("追伸　編集済み"))
        #expect(b.text.contains("Showing your edited copy") || b.text.contains("Your copy is in"))
    }

    @Test("r asks first: any other key records nothing; y records letter-sent and the timeline shows it")
    func recordPrinted() async throws {
        let b = try await Bench(stage: .demandLetter)
        await b.openCase()
        await b.press(.char("l"), .char("r"))
        #expect(b.text.contains("Record the demand letter as sent on 2026-11-23?"))
        await b.press(.char("x"))
        #expect(b.pane != nil)
        #expect(b.text.contains("Nothing recorded"))
        await b.press(.char("r"), .char("y"))
        #expect(b.state.overlay == nil)
        #expect(b.text.contains("Saved: 督促状 demand letter sent on 2026-11-23"))
        let facts = try await b.facts()
        #expect(facts.contains(.letterSent(kind: "demand-letter", reference: nil)))
        await b.press(.char("G"))
        #expect(b.text.contains("demand-letter sent"))
    }

    @Test("s sends the email after y and records letter-sent with its Message-ID")
    func sendEmail() async throws {
        let b = try await Bench(stage: .email)
        await b.openCase()
        await b.press(.char("l"))
        let email = try #require(b.pane?.letter?.email)
        #expect(b.text.contains("Subject: "))
        #expect(b.text.contains("Message-ID: \(email.messageID)"))
        await b.press(.char("s"))
        #expect(b.text.contains("Send this email to keiri2@example.co.jp now?"))
        await b.press(.char("y"))
        #expect(b.letters.sent == [email])
        #expect(b.text.contains("Sent and recorded"))
        #expect(try await b.facts().contains(.letterSent(kind: "email", reference: email.messageID)))
    }

    @Test("without a sendmail command s says where the .eml is and records nothing")
    func sendToOutbox() async throws {
        let b = try await Bench(stage: .email, mode: .outbox)
        await b.openCase()
        await b.press(.char("l"), .char("s"), .char("y"))
        #expect(b.pane != nil)
        #expect(b.text.contains("/outbox/x.eml"))
        #expect(try await b.facts().contains { if case .letterSent = $0 { true } else { false } } == false)
    }

    @Test("a failing mail command is reported and nothing is recorded")
    func sendFails() async throws {
        let b = try await Bench(stage: .email, mode: .fails)
        await b.openCase()
        await b.press(.char("l"), .char("s"), .char("y"))
        #expect(b.text.contains("Not sent"))
        #expect(b.pane?.busy == nil)
        #expect(try await b.facts().contains { if case .letterSent = $0 { true } else { false } } == false)
    }

    @Test("s on a paper letter explains w and r instead of asking")
    func sendPaper() async throws {
        let b = try await Bench(stage: .demandLetter)
        await b.openCase()
        await b.press(.char("l"), .char("s"))
        #expect(b.pane?.question == nil)
        #expect(b.text.contains("r records it as sent"))
    }

    @Test("certified mail shows the post office check and postage; D shows what delivery does to limitation")
    func certified() async throws {
        let b = try await Bench(stage: .certifiedMail, size: Size(rows: 40, columns: 110))
        await b.openCase()
        await b.press(.char("l"))
        let report = try #require(b.pane?.letter?.certified?.report)
        #expect(b.text.contains("Post office check"))
        let firstLine = try #require(report.summary.split(separator: "\n").first)
        #expect(b.text.contains(String(firstLine).prefix(20)))
        await b.press(.char("D"))
        guard case .form(let form) = b.state.overlay else {
            Issue.record("D opens the delivery form")
            return
        }
        #expect(form.purpose == .legalFact(.demandDelivered))
        #expect(form.notes.contains { $0.hasPrefix("If delivered on 2026-11-23: limitation") })
    }

    @Test("D on the case page also previews the effect on limitation")
    func deliveryFromCasePage() async throws {
        let b = try await Bench(stage: .certifiedMail)
        await b.openCase()
        await b.press(.char("D"))
        #expect(b.text.contains("If delivered on 2026-11-23"))
    }
}
