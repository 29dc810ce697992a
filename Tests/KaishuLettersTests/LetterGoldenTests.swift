import Foundation
import KaishuCore
import Testing

@testable import KaishuLetters

/// Each letter kind, format and language against a reviewed golden file: Japanese content,
/// long names, many invoices across pages.
@Suite("letters match their golden files")
struct LetterGoldenTests {
    func check(_ name: String, _ letter: RenderedLetter) throws {
        let expected = try Golden.expected(name, actual: letter.document)
        #expect(letter.document == expected, "\(name) differs from its golden file")
    }

    @Test("the first email reminder in Japanese, as an RFC 5322 message")
    func emailFirstJapanese() throws {
        let letter = try Fixtures.desk().draft(
            kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan,
            stamp: Fixtures.stamp)
        #expect(letter.format == .eml)
        #expect(letter.email?.subject == "【ご確認のお願い】お支払い状況について（株式会社回収テスト）")
        try check("email-first-ja.eml", letter)
    }

    @Test("the second email reminder in Japanese threads under the first")
    func emailSecondJapanese() throws {
        let letter = try Fixtures.desk().draft(
            kind: .email, case: Fixtures.companyCaseAfterFirstEmail().state, today: Fixtures.today, calendar: .japan,
            stamp: Fixtures.stamp)
        #expect(letter.email?.inReplyTo == "<20261007093000.case42.ffff@kaishu-test.example>")
        try check("email-second-ja.eml", letter)
    }

    @Test("email reminders in English, first and second, as text and eml")
    func emailEnglish() throws {
        let desk = try Fixtures.desk()
        try check(
            "email-first-en.txt",
            desk.draft(
                kind: .email, format: .text, language: .en, case: Fixtures.companyCase().state, today: Fixtures.today,
                calendar: .japan, stamp: Fixtures.stamp))
        try check(
            "email-second-en.eml",
            desk.draft(
                kind: .email, format: .eml, language: .en, case: Fixtures.companyCaseAfterFirstEmail().state,
                today: Fixtures.today, calendar: .japan, stamp: Fixtures.stamp))
    }

    @Test("the demand letter in Japanese and English, as text and printable HTML")
    func demandLetters() throws {
        let desk = try Fixtures.desk()
        let state = Fixtures.companyCaseAfterFirstEmail().state
        for language in LetterLanguage.allCases {
            for format in [LetterFormat.text, .html] {
                let letter = try desk.draft(
                    kind: .demand, format: format, language: language, case: state, today: Fixtures.today,
                    calendar: .japan)
                try check("demand-\(language.rawValue).\(format.fileExtension)", letter)
            }
        }
    }

    @Test("a person's demand letter says 様 and 貴殿")
    func demandToPerson() throws {
        let letter = try Fixtures.desk().draft(
            kind: .demand, case: Fixtures.personCase().state, today: Fixtures.today, calendar: .japan)
        #expect(letter.document.contains("長谷川 左衛門之丞 右京太夫 様"))
        #expect(letter.document.contains("貴殿"))
        #expect(!letter.document.contains("御中"))
        try check("demand-person-ja.txt", letter)
    }

    @Test("the certified demand on the 20×26 grid, as text and as a printable grid")
    func certified() throws {
        var config = Fixtures.config
        config.certifiedLayout = .horizontal20x26
        let desk = try Fixtures.desk(config: config)
        let state = Fixtures.companyCaseAfterFirstEmail().state
        let text = try desk.draft(kind: .certified, case: state, today: Fixtures.today, calendar: .japan)
        #expect(text.certified?.report.isValid == true, "\(text.certified?.report.summary ?? "")")
        try check("certified-ja.txt", text)
        try check(
            "certified-ja.html",
            desk.draft(kind: .certified, format: .html, case: state, today: Fixtures.today, calendar: .japan))
        let summary = try Golden.expected("certified-ja.check.txt", actual: text.certified!.report.summary)
        #expect(text.certified!.report.summary == summary)
    }

    @Test("twelve invoices run the certified letter over several pages, each within the grid")
    func certifiedManyPages() throws {
        for layout in CertifiedMailLayout.allCases {
            var config = Fixtures.config
            config.certifiedLayout = layout
            let letter = try Fixtures.desk(config: config).draft(
                kind: .certified, case: Fixtures.personCase().state, today: Fixtures.today, calendar: .japan)
            let report = try #require(letter.certified?.report)
            #expect(report.isValid, "\(layout.rawValue): \(report.summary)")
            #expect(report.check.pageCount > 1, "\(layout.rawValue)")
            for page in report.check.pages {
                #expect(page.lines <= layout.linesPerPage)
                #expect(page.characters <= layout.charactersPerPage)
            }
            try check("certified-person-\(layout.rawValue).txt", letter)
        }
    }
}
