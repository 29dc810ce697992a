import Foundation
import KaishuCore
import Testing

@testable import KaishuLetters

@Suite("the payment deadline is a business day")
struct DeadlineTests {
    @Test("over two years of letter dates, the deadline is the first business day on or after 7 days out")
    func neverWeekendOrHoliday() throws {
        let desk = try Fixtures.desk()
        let state = Fixtures.companyCase().state
        let calendar = BusinessCalendar.japan
        var day = CivilDate(2026, 1, 1)
        while day <= CivilDate(2027, 12, 31) {
            let context = LetterContext(
                kind: .demand, state: state, config: desk.config, language: .ja, today: day, calendar: calendar)
            let deadline = try #require(CivilDate(iso: context.deadlineISO))
            #expect(calendar.isBusinessDay(deadline), "\(day) → \(deadline)")
            #expect(!deadline.isWeekend && calendar.holidays.holidayName(on: deadline) == nil)
            #expect(deadline >= day.adding(days: 7))
            var between = day.adding(days: 7)
            while between < deadline {
                #expect(!calendar.isBusinessDay(between), "\(between) was a business day before \(deadline)")
                between = between.adding(days: 1)
            }
            day = day.adding(days: 1)
        }
    }

    @Test("year-end and Golden Week push the deadline out")
    func examples() throws {
        let desk = try Fixtures.desk()
        let state = Fixtures.companyCase().state
        func deadline(_ today: CivilDate) throws -> CivilDate {
            try desk.draft(kind: .demand, case: state, today: today, calendar: .japan).deadline
        }
        #expect(try deadline(CivilDate(2026, 12, 22)) == CivilDate(2027, 1, 4))  // 12-29 … 1-3 closed
        #expect(try deadline(CivilDate(2026, 4, 28)) == CivilDate(2026, 5, 7))  // 5-5, 5-6 holidays
        #expect(try deadline(CivilDate(2026, 11, 24)) == CivilDate(2026, 12, 1))
        let chosen = try desk.draft(
            kind: .demand, case: state, today: Fixtures.today, calendar: .japan, deadline: CivilDate(2026, 12, 5))
        #expect(chosen.deadline == CivilDate(2026, 12, 7), "a Saturday chosen by hand moves to Monday")
        #expect(chosen.document.contains("2026年12月7日（月）"))
    }

    @Test("paymentDays from the configuration sets the distance")
    func configuredDays() throws {
        let config = try LetterConfig.decode(Data(#"{"paymentDays": 14}"#.utf8), file: "letters.json")
        let letter = try Fixtures.desk(config: config).draft(
            kind: .demand, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan)
        #expect(letter.deadline == CivilDate(2026, 12, 8))
        #expect(throws: LetterError.self) {
            try LetterConfig.decode(Data(#"{"paymentDays": 0}"#.utf8), file: "letters.json")
        }
    }
}

@Suite("templates: the user's copy wins over the built-in one")
struct TemplateOverrideTests {
    @Test("a user template of the same name replaces the built-in one; the others stay")
    func precedence() throws {
        let dir = try TemporaryDirectory()
        try "件名 {{debtor.name}}\n\n本文 {{total}}円 {{deadline}}\n".write(
            to: dir.url.appendingPathComponent("email-first-ja.mustache"), atomically: true, encoding: .utf8)
        let templates = try LetterTemplates.load(userDirectory: dir.url)
        #expect(templates.files["email-first-ja"] == dir.url.appendingPathComponent("email-first-ja.mustache").path)
        #expect(templates.files["demand-text-ja"]?.hasPrefix(try LetterTemplates.builtInDirectory().path) == true)
        #expect(templates.searched.first == dir.url.path)
        let desk = LetterDesk(config: Fixtures.config, templates: templates)
        let letter = try desk.draft(
            kind: .email, format: .text, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan)
        #expect(letter.email?.subject == "件名 株式会社山田商事")
        #expect(letter.email?.body == "本文 1,498,000円 2026年12月1日（火）\n")
        let demand = try desk.draft(
            kind: .demand, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan)
        #expect(demand.document.contains("督　促　状"))
    }

    @Test("every built-in template exists and parses")
    func builtIns() throws {
        let templates = try LetterTemplates.load(userDirectory: nil)
        for name in LetterTemplates.names { #expect(templates.files[name] != nil, "\(name)") }
    }

    @Test("a broken user template is an error naming its file and line")
    func broken() throws {
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("demand-text-ja.mustache")
        try "督促状\n{{#invoices}}\n{{number}}\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LetterTemplates.load(userDirectory: dir.url)
        } throws: { error in
            guard case LetterError.template(let name, let path, _) = error else { return false }
            return name == "demand-text-ja" && path == file.path
        }
    }

    @Test("text templates do not HTML-escape; HTML templates do")
    func escaping() throws {
        var fixture = Fixtures.companyCase()
        fixture.file.debtor.name = "A&B <商事> 株式会社"
        let desk = try Fixtures.desk()
        let text = try desk.draft(
            kind: .demand, format: .text, case: fixture.state, today: Fixtures.today, calendar: .japan)
        #expect(text.document.contains("A&B <商事> 株式会社 御中"))
        let html = try desk.draft(
            kind: .demand, format: .html, case: fixture.state, today: Fixtures.today, calendar: .japan)
        #expect(html.document.contains("A&amp;B &lt;商事&gt; 株式会社 御中"))
        #expect(!html.document.contains("<商事>"))
    }
}

@Suite("drafting refuses what cannot be sent and warns about what should be checked")
struct DraftRulesTests {
    @Test("no email address, a closed case or nothing owed is refused")
    func refusals() throws {
        let desk = try Fixtures.desk()
        var noEmail = Fixtures.companyCase()
        noEmail.file.debtor.email = nil
        #expect(throws: Refusal.self) {
            try desk.draft(kind: .email, case: noEmail.state, today: Fixtures.today, calendar: .japan)
        }
        var paid = Fixtures.companyCase()
        try paid.perform(.pay(amount: paid.state.outstanding, on: Fixtures.today), today: Fixtures.today)
        #expect(throws: Refusal.self) {
            try desk.draft(kind: .demand, case: paid.state, today: Fixtures.today, calendar: .japan)
        }
        #expect(throws: LetterError.self) {
            try desk.draft(
                kind: .demand, format: .eml, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan
            )
        }
        #expect(throws: LetterError.self) {
            try desk.draft(
                kind: .certified, language: .en, case: Fixtures.companyCase().state, today: Fixtures.today,
                calendar: .japan)
        }
    }

    @Test("the placeholder letterhead and a stage mismatch are warned about")
    func warnings() throws {
        let desk = try Fixtures.desk(config: .placeholder)
        let letter = try desk.draft(
            kind: .demand, format: .html, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan)
        #expect(letter.warnings.contains { $0.contains("letterhead is the built-in placeholder") })
        #expect(letter.warnings.contains { $0.contains("stage email") })
        #expect(letter.document.contains("見本：差出人または振込先が設定されていません"))
    }

    @Test("the first email goes out first, the second after it; either can be asked for")
    func reminderChoice() throws {
        let desk = try Fixtures.desk()
        let first = try desk.draft(
            kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan)
        #expect(first.email?.subject.hasPrefix("【ご確認のお願い】") == true)
        let second = try desk.draft(
            kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan, reminder: .second
        )
        #expect(second.email?.subject.hasPrefix("【再度のご連絡】") == true)
        #expect(second.email?.inReplyTo == nil, "no earlier Message-ID to thread under")
    }

    @Test("an edited certified copy is checked with the case's proper nouns")
    func checkEdited() throws {
        let desk = try Fixtures.desk()
        let state = Fixtures.companyCase().state
        let good = desk.checkCertified(text: "請求書番号ＩＮＶ－２０２６－０８１５", case: state, on: Fixtures.today)
        #expect(good.isValid && good.check.warnings.isEmpty)
        let bad = desk.checkCertified(
            text: "支払ってください、さもなくばＡＣＴＩＯＮを起こします。", case: state, on: Fixtures.today)
        #expect(!bad.isValid)
        #expect(bad.check.warnings.contains { $0.reason.contains("ＡＣＴＩＯＮ") })
    }
}

@Suite("recording letters: events and their legal effect")
struct LetterRecordTests {
    /// Due 2022-04-30 → limitation ends 2027-04-30 (LEGAL.md §3).
    func nearLimitation() -> CaseFixture {
        var fixture = CaseFixture(
            debtor: Fixtures.company, opened: CivilDate(2022, 6, 1),
            claims: [
                Claim(
                    invoice: "INV-1", contractDate: CivilDate(2022, 4, 15), dueDate: CivilDate(2022, 4, 30),
                    amount: 500_000)
            ])
        fixture.add(CivilDate(2027, 1, 5), .stageChanged(from: .phone, to: .certifiedMail, reason: nil, court: nil))
        return fixture
    }

    @Test("a delivered certified demand postpones limitation six months; a second one does not")
    func deliveredDemand() throws {
        var fixture = nearLimitation()
        #expect(fixture.state.expires == CivilDate(2027, 4, 30))
        let today = CivilDate(2027, 3, 10)
        let sent = LetterRecord.sentActions(
            .certified, state: fixture.state, on: CivilDate(2027, 2, 27), reference: "1234-5678-9012")
        #expect(sent == [.letterSent(kind: "certified-mail", reference: "1234-5678-9012", on: CivilDate(2027, 2, 27))])
        for draft in try LetterRecord.drafts(sent, file: fixture.file, today: today, calendar: .japan) {
            fixture.add(draft.date, draft.fact)
        }
        #expect(fixture.state.expires == CivilDate(2027, 4, 30), "sending alone changes nothing")

        let effect = try LetterRecord.deliveryEffect(
            file: fixture.file, deliveredOn: CivilDate(2027, 3, 1), reference: "1234-5678-9012", today: today,
            calendar: .japan)
        #expect(effect.before == CivilDate(2027, 4, 30))
        #expect(effect.after == CivilDate(2027, 9, 1))
        #expect(effect.moved)
        #expect(effect.summary.contains("2027-09-01"))
        let drafts = try LetterRecord.drafts(
            [LetterRecord.certifiedDelivered(on: CivilDate(2027, 3, 1), reference: "1234-5678-9012")],
            file: fixture.file,
            today: today, calendar: .japan)
        #expect(
            drafts == [EventDraft(date: CivilDate(2027, 3, 1), fact: .demandDelivered(reference: "1234-5678-9012"))])
        drafts.forEach { fixture.add($0.date, $0.fact) }
        #expect(fixture.state.expires == CivilDate(2027, 9, 1))

        let second = try LetterRecord.deliveryEffect(
            file: fixture.file, deliveredOn: CivilDate(2027, 8, 1), reference: nil, today: CivilDate(2027, 8, 2),
            calendar: .japan)
        #expect(!second.moved)
        #expect(second.after == CivilDate(2027, 9, 1))
        #expect(second.summary.contains("no effect"))
    }

    @Test("a delivery date in the future is refused")
    func futureDelivery() {
        let fixture = nearLimitation()
        #expect(throws: Refusal.self) {
            try LetterRecord.drafts(
                [LetterRecord.certifiedDelivered(on: CivilDate(2027, 3, 11), reference: nil)], file: fixture.file,
                today: CivilDate(2027, 3, 10), calendar: .japan)
        }
    }

    @Test("sending a letter from a lower stage escalates first, then records the letter")
    func escalatesFirst() throws {
        let fixture = Fixtures.companyCase()  // stage email
        let letter = try Fixtures.desk().draft(
            kind: .demand, case: fixture.state, today: Fixtures.today, calendar: .japan)
        let actions = LetterRecord.sentActions(letter.kind, state: fixture.state, on: Fixtures.today, reference: nil)
        #expect(actions.count == 2)
        let drafts = try LetterRecord.drafts(actions, file: fixture.file, today: Fixtures.today, calendar: .japan)
        #expect(drafts.map(\.fact.kind) == ["stage-changed", "letter-sent"])
        #expect(drafts.last?.fact == .letterSent(kind: "demand-letter", reference: nil))
        #expect(
            letter.sentAction(on: Fixtures.today)
                == .letterSent(kind: "demand-letter", reference: nil, on: Fixtures.today))
    }

    @Test("an email's sent action carries its Message-ID")
    func emailReference() throws {
        let letter = try Fixtures.desk().draft(
            kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan,
            stamp: Fixtures.stamp)
        #expect(
            letter.sentAction(on: Fixtures.today)
                == .letterSent(
                    kind: "email", reference: "<20261124093000.case42.a1b2c3d4e5f6@kaishu-test.example>",
                    on: Fixtures.today))
    }
}
