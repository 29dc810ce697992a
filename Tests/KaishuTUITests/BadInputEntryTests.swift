import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

/// Impossible dates, amounts that are not payments, notes far too long and text carrying
/// terminal control sequences, entered through every prompt of the workbench: each is refused
/// with a message that names the field and the reason, or stored and shown without harm —
/// never sent to the case book half-read, never cut off without a word, never written raw to
/// the terminal.
@Suite("Bad input through the workbench's entry paths")
struct BadInputEntryTests {
    // MARK: - Helpers

    static func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    static func press(_ h: Harness, _ keys: [Key]) async {
        for key in keys { await h.press(key) }
    }

    static func paste(_ h: Harness, _ text: String) async {
        h.terminal.send([.input(.paste(text))])
        await h.settle()
    }

    /// Every event of every case in the book, to prove a refusal wrote nothing anywhere.
    static func allEvents(_ h: Harness) async throws -> [[CaseEvent]] {
        var all: [[CaseEvent]] = []
        for id in 1...Int64(await h.store.caseCount) {
            all.append(try #require(await h.store.caseFile(id)).events)
        }
        return all
    }

    static func openForm(_ h: Harness) -> Form? {
        if case .form(let form) = h.state.overlay { return form }
        return nil
    }

    /// The screen read as running text: borders and the line breaks of wrapping removed, so a
    /// message wrapped over two lines of a dialog is still found whole.
    static func running(_ h: Harness) -> String {
        let frame = "│┃║"
        let rows = (0..<h.screen.size.rows).map { row in
            h.screen.rowText(row).filter { !frame.contains($0) }.split(separator: " ").joined(separator: " ")
        }
        return rows.joined(separator: " ")
    }

    /// No cell holds a C0 or C1 control or DEL: what the terminal is given can move no cursor,
    /// clear no screen and set no title.
    static func expectNoRawControls(_ h: Harness, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for cell in h.screen.cells {
            for scalar in cell.text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                Issue.record(
                    "raw control U+\(String(scalar.value, radix: 16)) on the \(place)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Every row of the frame is within the terminal's width, measured in display columns.
    static func expectRowsFit(_ h: Harness, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<h.screen.size.rows {
            let width = DisplayWidth.standard.width(of: h.screen.rowText(row))
            #expect(
                width <= h.screen.size.columns, "row \(row) of the \(place) is \(width) columns",
                sourceLocation: sourceLocation)
        }
    }

    static let hostile = "請求\u{1B}[2J\u{1B}]0;title\u{07}確認\u{9B}31m済"

    /// One case whose debtor name and every kind of stored note carry escape sequences, written
    /// straight into the book (as an import or another tool might have left them).
    static func hostileBook(note: String = hostile) async -> (InMemoryCaseStore, Int64) {
        let store = InMemoryCaseStore(calendar: Harness.calendar)
        let due = Harness.today.adding(days: -100)
        let id = await store.addCase(
            debtor: Debtor(code: "X1", name: "悪意\u{1B}[2J\u{1B}]0;pwned\u{07}商事\u{9B}31m", address: "東京都"),
            opened: due, claims: [Claim(invoice: "I\u{1B}[1m", contractDate: due, dueDate: due, amount: 1_234_567)])
        await store.record(
            [
                EventDraft(
                    date: Harness.today.adding(days: -3),
                    fact: .contact(ContactLog(outcome: .leftMessage, channel: .phone, text: note))),
                EventDraft(date: Harness.today.adding(days: -2), fact: .acknowledgment(note: note)),
                EventDraft(date: Harness.today.adding(days: -1), fact: .disputed(true, reason: note)),
                EventDraft(date: Harness.today.adding(days: -1), fact: .disputed(false, reason: note)),
                EventDraft(date: Harness.today.adding(days: -1), fact: .rescheduled(to: Harness.today, reason: note)),
            ], to: id)
        return (store, id)
    }

    // MARK: - Impossible dates in every date prompt

    /// A date prompt: the keys that open its form and put the cursor in an empty date field.
    struct DatePrompt: Sendable, CustomTestStringConvertible {
        var name: String
        var label: String
        var keys: [Key]
        var testDescription: String { name }
    }

    static let clear: [Key] = [.ctrl("u")]

    static let datePrompts: [DatePrompt] = [
        DatePrompt(name: "call, promised: pay by", label: "Pay by", keys: [.char("c"), .char("3")]),
        DatePrompt(name: "call, callback: call back on", label: "Call back on", keys: [.char("c"), .char("7")]),
        DatePrompt(
            name: "payment: received on", label: "Received on", keys: [.char("p")] + keys("10,000") + [.enter] + clear),
        DatePrompt(name: "acknowledgment: acknowledged on", label: "Acknowledged on", keys: [.char("a")] + clear),
        DatePrompt(name: "reschedule: next action on", label: "Next action on", keys: [.char("s")]),
        DatePrompt(name: "agreement: date", label: "Date", keys: [.char("A")] + clear),
        DatePrompt(name: "agreement: agreed end", label: "Agreed end", keys: [.char("A"), .enter]),
        DatePrompt(name: "written refusal: date", label: "Date", keys: [.char("X")] + clear),
        DatePrompt(name: "demand delivered: date", label: "Date", keys: [.char("D")] + clear),
        DatePrompt(name: "judgment: date", label: "Date", keys: [.char("J")] + clear),
    ]

    /// The impossible dates and the reason the message must give.
    static let impossibleDates: [(String, String)] = [
        ("2023-02-30", "February 2023 has 28 days"),
        ("2026-13-01", "there is no month 13"),
        ("令和8年2月30日", "February 2026 has 28 days"),
    ]

    @Test(
        "an impossible date is refused in every date prompt, naming the field and the reason; nothing is written",
        arguments: datePrompts, impossibleDates)
    func impossibleDate(prompt: DatePrompt, date: (String, String)) async throws {
        let h = await Harness(demo: 5)
        let before = try await Self.allEvents(h)
        await Self.press(h, prompt.keys)
        let opened = try #require(Self.openForm(h), "\(prompt.name) opened no form")
        #expect(opened.fields[opened.focus].label == prompt.label)
        #expect(opened.fields[opened.focus].editor.isEmpty)
        await h.type(date.0)
        await h.press(.enter)
        let form = try #require(Self.openForm(h), "the form closed on an impossible date")
        #expect(form.fields[form.focus].label == prompt.label, "the cursor left the bad field")
        let expected = "\(prompt.label): '\(date.0)' is not a date: \(date.1)"
        #expect(form.error == expected)
        #expect(Self.running(h).contains(expected), "the message is not on screen")
        // Trying to save from the last field does not get past it either.
        await h.press(.tab, .tab, .tab, .enter, .enter, .enter)
        #expect(Self.openForm(h) != nil)
        #expect(await h.store.appendCount == 0)
        #expect(try await Self.allEvents(h) == before)
    }

    @Test(
        "a Japanese-style date that exists is read: each records a payment on 2026-11-20",
        arguments: ["令和8年11月20日", "R8.11.20", "2026年11月20日", "２０２６／１１／２０"])
    func eraDateAccepted(typed: String) async throws {
        let h = await Harness(demo: 5)
        let id = try #require(h.state.queue.selectedRow?.id)
        await Self.press(h, [.char("p")] + Self.keys("10,000") + [.enter] + Self.clear)
        await h.type(typed)
        await h.press(.enter)
        #expect(h.text.contains("Saved: payment of ¥10,000"))
        let last = try #require(await h.store.caseFile(id)?.events.last)
        #expect(last.fact == .payment(amount: 10_000))
        #expect(last.date == CivilDate(2026, 11, 20))
    }

    @Test("a date that is not one at all says which forms are read")
    func garbageDate() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("s"))
        await h.type("来週")
        await h.press(.enter)
        let form = try #require(Self.openForm(h))
        #expect(form.error?.hasPrefix("Next action on: '来週' is not a date: write it as YYYY-MM-DD") == true)
        #expect(await h.store.appendCount == 0)
    }

    // MARK: - Amounts

    @Test(
        "a zero or negative payment is refused in the form with a message; nothing is written",
        arguments: [
            ("0", "Amount ¥ must be more than ¥0"),
            ("¥0", "Amount ¥ must be more than ¥0"),
            ("０円", "Amount ¥ must be more than ¥0"),
            ("-5,000", "Amount ¥ must be more than ¥0: '-5,000' is negative"),
            ("−5000", "Amount ¥ must be more than ¥0: '−5000' is negative"),
            ("▲5,000", "Amount ¥ must be more than ¥0: '▲5,000' is negative"),
            ("5.000", "Amount ¥ '5.000' is not an amount in yen (digits, commas allowed)"),
        ])
    func notAPayment(typed: String, message: String) async throws {
        let h = await Harness(demo: 5)
        let before = try await Self.allEvents(h)
        await h.press(.char("p"))
        await h.type(typed)
        await h.press(.enter)
        let form = try #require(Self.openForm(h))
        #expect(form.focus == 0)
        #expect(form.error == message)
        #expect(Self.running(h).contains(message))
        // Moving past the field and saving is refused too: the whole form is checked on save.
        await h.press(.tab, .enter)
        #expect(Self.openForm(h)?.error == message)
        #expect(await h.store.appendCount == 0)
        #expect(try await Self.allEvents(h) == before)
    }

    @Test("a negative promised amount in a call is refused the same way")
    func negativePromise() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("c"), .char("3"))
        await h.type("2026-12-10")
        await h.press(.enter)
        await h.type("-100,000")
        await h.press(.enter)
        #expect(Self.openForm(h)?.error == "Amount ¥ must be more than ¥0: '-100,000' is negative")
        #expect(await h.store.appendCount == 0)
    }

    @Test("a payment above the outstanding amount is refused by the case book, saying both amounts; nothing is written")
    func overpayment() async throws {
        let h = await Harness(demo: 5)
        let before = try await Self.allEvents(h)
        await h.press(.char("p"))
        let outstanding = try #require(Self.openForm(h)).target.outstanding
        let over = Money(yen: outstanding.yen + 1)
        await h.type(over.grouped)
        await h.press(.enter, .enter)
        let form = try #require(Self.openForm(h), "an overpayment closed the form")
        let error = try #require(form.error)
        #expect(
            error.hasPrefix(
                "Not saved: the payment \(over) is more than the outstanding \(outstanding): record the overpayment outside Kaishu"
            ))
        #expect(error.contains("Your text is kept"))
        #expect(Self.running(h).contains("record the overpayment outside Kaishu"))
        #expect(form.text(.amount) == over.grouped)
        #expect(await h.store.appendCount == 0)
        #expect(try await Self.allEvents(h) == before)
        // The exact outstanding amount is accepted and closes the case as paid.
        await h.press(.up, .ctrl("u"))
        await h.type(outstanding.grouped)
        await h.press(.enter, .enter)
        #expect(Self.openForm(h) == nil)
        #expect(h.text.contains("Saved: payment of ¥\(outstanding.grouped)"))
    }

    // MARK: - Very long notes

    /// 10,000 characters of Japanese and ASCII, with spaces so it can wrap.
    static let longNote = String(repeating: "支払予定確認 ok ", count: 1_000)

    /// A note path: the keys that open the form with the cursor in its note field.
    struct NotePrompt: Sendable, CustomTestStringConvertible {
        var name: String
        var label: String
        var keys: [Key]
        var testDescription: String { name }
    }

    static let notePrompts: [NotePrompt] = [
        NotePrompt(name: "call note", label: "Note", keys: [.char("c"), .char("1")]),
        NotePrompt(name: "acknowledgment note", label: "How (note)", keys: [.char("a"), .enter]),
        NotePrompt(name: "dispute reason", label: "What is disputed", keys: [.char("d")]),
        NotePrompt(name: "hold reason", label: "Reason", keys: [.char("h")]),
        NotePrompt(name: "reschedule reason", label: "Reason", keys: [.char("s")] + keys("+7") + [.enter]),
        NotePrompt(name: "demand reference", label: "Reference", keys: [.char("D"), .enter]),
    ]

    @Test(
        "a 10,000-character paste into a note is refused whole with a message; what was typed stays; nothing is written",
        arguments: notePrompts)
    func longPasteRefused(prompt: NotePrompt) async throws {
        #expect(Self.longNote.count == 10_000)
        let h = await Harness(demo: 5)
        let before = try await Self.allEvents(h)
        await Self.press(h, prompt.keys)
        #expect(Self.openForm(h).map { $0.fields[$0.focus].label } == prompt.label)
        await h.type("先に入力")
        let bells = h.terminal.bellCount
        await Self.paste(h, Self.longNote)
        let form = try #require(Self.openForm(h))
        let expected =
            "\(prompt.label): the paste (10000 characters) does not fit; the field holds at most 500 characters (496 left). Nothing was pasted."
        #expect(form.error == expected)
        #expect(Self.running(h).contains(expected))
        #expect(form.fields[form.focus].editor.text == "先に入力", "the field was changed by a refused paste")
        #expect(h.terminal.bellCount == bells + 1)
        #expect(await h.store.appendCount == 0)
        #expect(try await Self.allEvents(h) == before)
        Self.expectRowsFit(h, "form")
    }

    @Test("a 500-character call note is saved whole; one more character is refused with a message, not dropped")
    func noteAtTheLimit() async throws {
        let h = await Harness(demo: 5)
        let id = try #require(h.state.queue.selectedRow?.id)
        let note = String(Self.longNote.prefix(500)).trimmingCharacters(in: .whitespaces) + "末"
        let padded = String(note.prefix(500))
        #expect(padded.count == 500)
        await h.press(.enter)
        await h.press(.char("c"), .char("1"))
        await Self.paste(h, padded)
        #expect(Self.openForm(h)?.error == nil)
        Self.expectRowsFit(h, "form with a full note")
        await h.type("x")
        let form = try #require(Self.openForm(h))
        #expect(form.error == "Note: at most 500 characters")
        #expect(form.fields[form.focus].editor.text == padded)
        await h.press(.enter)
        #expect(h.text.contains("Saved: call, no answer"))
        guard case .contact(let log) = try #require(await h.store.caseFile(id)?.events.last).fact else {
            Issue.record("no call saved")
            return
        }
        #expect(log.text == padded.trimmingCharacters(in: .whitespaces))
        // The case page shows it whole, wrapped, within the width.
        let detail = try #require(h.state.detail)
        #expect(detail.id == id)
        let lines = CaseDocument.lines(for: detail, today: Harness.today, width: 100)
        let shown = lines.map { $0.map(\.text).joined() }
        for line in shown { #expect(DisplayWidth.standard.width(of: line) <= 100) }
        #expect(shown.joined().filter { !$0.isWhitespace }.contains(log.text.filter { !$0.isWhitespace }))
        Self.expectRowsFit(h, "case page")
    }

    @Test("a 10,000-character note already in the book is shown whole, wrapped within the width, at 100 and 60 columns")
    func longStoredNote() async throws {
        for size in [Size(rows: 30, columns: 100), Size(rows: 20, columns: 60)] {
            let (store, _) = await Self.hostileBook(note: Self.longNote)
            let h = await Harness(store: store, size: size)
            Self.expectRowsFit(h, "queue")
            await h.press(.enter)
            let detail = try #require(h.state.detail)
            let lines = CaseDocument.lines(for: detail, today: Harness.today, width: size.columns)
            let shown = lines.map { $0.map(\.text).joined() }
            for line in shown { #expect(DisplayWidth.standard.width(of: line) <= size.columns) }
            // Five events carry the note; each is there whole (wrapping only moves spaces).
            let flat = shown.joined().filter { !$0.isWhitespace }
            let needle = Self.longNote.filter { !$0.isWhitespace }
            #expect(flat.components(separatedBy: needle).count - 1 == 5)
            // Paging through the whole case page: every frame fits.
            for _ in 0..<(lines.count / max(1, size.rows - 4) + 2) {
                Self.expectRowsFit(h, "case page")
                await h.press(.pageDown)
            }
        }
    }

    // MARK: - Control characters and escape sequences

    @Test(
        "escape sequences in stored names and notes never reach the terminal: queue, case page, timeline, status line")
    func storedControlsSanitized() async throws {
        let (store, _) = await Self.hostileBook()
        let h = await Harness(store: store)
        Self.expectNoRawControls(h, "queue")
        #expect(h.text.contains("悪意 [2J ]0;pwned 商事 31m"))
        await h.press(.enter)
        let detail = try #require(h.state.detail)
        let lines = CaseDocument.lines(for: detail, today: Harness.today, width: 100)
        var pages = 0
        repeat {
            Self.expectNoRawControls(h, "case page")
            Self.expectRowsFit(h, "case page")
            await h.press(.pageDown)
            pages += 1
        } while pages < lines.count / 20 + 2
        // The timeline is reached and its notes are shown with the controls as spaces.
        #expect(Self.running(h).contains("請求 [2J ]0;title 確認 31m済"))
        // The status line after a save names the debtor: still no raw control.
        await h.press(.char("c"), .char("1"), .enter)
        #expect(h.text.contains("Saved: call, no answer (悪意 [2J ]0;pwned 商事 31m)"))
        Self.expectNoRawControls(h, "status line after a save")
    }

    @Test(
        "escape sequences typed or pasted into a note are shown as spaces while editing and stored without them",
        arguments: [true, false])
    func controlsTypedIntoNotes(pasted: Bool) async throws {
        let h = await Harness(demo: 5)
        let id = try #require(h.state.queue.selectedRow?.id)
        await h.press(.enter)  // on the case page the case stays put whatever the queue does
        await h.press(.char("c"), .char("2"))
        if pasted {
            await Self.paste(h, Self.hostile)
        } else {
            await h.type(Self.hostile)
        }
        Self.expectNoRawControls(h, "call form")
        Self.expectRowsFit(h, "call form")
        await h.press(.enter)
        #expect(h.text.contains("Saved: call, left message"))
        Self.expectNoRawControls(h, "status line")
        guard case .contact(let log) = try #require(await h.store.caseFile(id)?.events.last).fact else {
            Issue.record("no call saved")
            return
        }
        // The log keeps the words; the controls became spaces (LogText.clean), so nothing the
        // case book holds can drive a terminal that prints it later.
        #expect(log.text == "請求 [2J ]0;title 確認 31m済")
        #expect(!log.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        // The acknowledgment and dispute paths clean their notes the same way.
        await h.press(.char("a"), .enter)
        await Self.paste(h, Self.hostile)
        Self.expectNoRawControls(h, "acknowledgment form")
        await h.press(.enter)
        #expect(try await h.store.caseFile(id)?.events.last?.fact == .acknowledgment(note: "請求 [2J ]0;title 確認 31m済"))
        await h.press(.char("d"))
        await Self.paste(h, Self.hostile)
        await h.press(.enter)
        #expect(try await h.store.caseFile(id)?.events.last?.fact == .disputed(true, reason: "請求 [2J ]0;title 確認 31m済"))
        #expect(h.state.detail?.id == id)
        Self.expectNoRawControls(h, "case page")
    }

    @Test("escape sequences typed into the queue filter never reach the terminal")
    func controlsInFilter() async {
        let h = await Harness(demo: 5)
        await h.press(.char("/"))
        await Self.paste(h, "\u{1B}[2J\u{9B}31m")
        Self.expectNoRawControls(h, "filter line")
        await h.press(.enter)
        Self.expectNoRawControls(h, "queue after filtering")
        #expect(h.text.contains("Filter:"))
    }
}
