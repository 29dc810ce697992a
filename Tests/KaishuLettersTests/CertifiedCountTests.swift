import Foundation
import KaishuCore
import Testing

@testable import KaishuLetters

/// The post office's way of counting a certified letter (LEGAL.md §8), against hand-counted
/// lines.
@Suite("certified mail is counted the way the post office counts it")
struct CertifiedCountTests {
    func count(_ line: String, nouns: [String] = []) -> PostOfficeCount.Line {
        var open: [Character] = []
        return PostOfficeCount(properNouns: nouns).count(line: line, open: &open)
    }

    @Test("kana, kanji, digits and punctuation count one each, also at the line's end")
    func basics() {
        #expect(count("支払期日は１２月１日です。").characters == 13)
        #expect(count("金１，２００円、").characters == 8)
    }

    @Test("a bracket pair counts one, on the line that opens it")
    func bracketPairs() {
        #expect(count("「催告書」").characters == 4)  // 「 + 催告書, 」 free
        #expect(count("（株）").characters == 2)
        var open: [Character] = []
        let counter = PostOfficeCount()
        #expect(counter.count(line: "「あい", open: &open).characters == 3)
        #expect(counter.count(line: "う」です", open: &open).characters == 3)
        #expect(open.isEmpty)
        #expect(count("です」").characters == 3, "a closing bracket with nothing open counts")
    }

    @Test("a framed character counts two, but as a list marker one")
    func framed() {
        #expect(count("①請求").characters == 3)
        #expect(count("請求①").characters == 4)
        #expect(count("㈱山田").characters == 3)
        #expect(count("(1)請求書").characters == 4)
        #expect(count("　（一）請求書").characters == 5)
        #expect(count("第(1)項").characters == 4)  // not at the start: ( and 1, ) free
    }

    @Test("units count per component")
    func units() {
        #expect(count("１０㎡").characters == 4)
        #expect(count("５㎏").characters == 3)
        #expect(count("㍿").characters == 4)
        #expect(count("３kg").characters == 3)
        #expect(count("３kg").cautions.isEmpty, "kg is a unit, not a stray Latin word")
    }

    @Test("half-width and full-width spaces count; blank lines do not")
    func spaces() {
        #expect(count("山田 太郎").characters == 5)
        #expect(count("山田　太郎").characters == 5)
        #expect(count("　　").isBlank)
        #expect(count("　　").characters == 0)
        #expect(PostOfficeCount().count(text: "あい\n\n　\nう") == 3)
    }

    @Test("Latin letters are accepted in proper nouns and questioned elsewhere")
    func latin() {
        #expect(count("ABC商事").cautions.count == 1)
        #expect(count("ＡＢＣ商事", nouns: ["ABC商事"]).cautions.isEmpty)
        #expect(count("請求書番号INV-1", nouns: ["INV-1"]).cautions.isEmpty)
        #expect(count("ＡＢＣ商事").characters == 5)
    }

    @Test("half-width katakana counts but is questioned; emoji, tabs and control characters are refused")
    func refused() {
        let kana = count("ｶﾞｲｼｬ")
        #expect(kana.characters == 5)  // ｶ + ﾞ + ｲ + ｼ + ｬ: the voicing mark is its own character
        #expect(!kana.cautions.isEmpty)
        #expect(!count("お支払い👍").rejected.isEmpty)
        #expect(!count("支払\t期日").rejected.isEmpty)
        #expect(!count("支払\u{200B}期日").rejected.isEmpty)
    }

    @Test("a line over the limit is a violation located by page and line")
    func lineTooLong() {
        let ok = String(repeating: "あ", count: 20)
        let long = String(repeating: "あ", count: 21)
        let check = CertifiedMailCheck(text: "\(ok)\n\(long)\n", layout: .horizontal20x26)
        #expect(check.violations.count == 1)
        #expect(check.violations.first?.line == 2)
        #expect(check.violations.first?.page == 1)
        #expect(CertifiedMailCheck(text: long, layout: .horizontal26x20).isValid)
        // 21 characters on the paper, 20 counted: a bracket pair is one.
        #expect(
            CertifiedMailCheck(text: "「" + String(repeating: "い", count: 19) + "」", layout: .horizontal20x26).isValid)
        #expect(!CertifiedMailCheck(text: String(repeating: "う", count: 14), layout: .horizontal13x40).isValid)
    }

    @Test("pages: 27 lines fill two pages of 26; a hand-made page of 27 lines is refused")
    func pages() {
        let lines = (1...27).map { _ in "あいう" }
        let flowing = CertifiedMailCheck(text: lines.joined(separator: "\n"), layout: .vertical20x26)
        #expect(flowing.isValid)
        #expect(flowing.pageCount == 2)
        #expect(flowing.pages.map(\.lines) == [26, 1])
        #expect(flowing.characters == 81)
        let withBlank = CertifiedMailCheck(
            text: (lines.prefix(26) + [""] + ["\u{0C}", "えお"]).joined(separator: "\n"), layout: .vertical20x26)
        #expect(withBlank.isValid)
        #expect(withBlank.pages.map(\.lines) == [26, 1])
        let crowded = CertifiedMailCheck(
            text: (lines + ["\u{0C}", "えお"]).joined(separator: "\n"), layout: .vertical20x26)
        #expect(!crowded.isValid)
        #expect(crowded.violations.first?.reason.contains("more than 26 lines") == true)
        #expect(!CertifiedMailCheck(text: "\n\n", layout: .vertical20x26).isValid, "an empty letter")
    }

    @Test("the layout never breaks before 、。 or after an opening bracket, and always fits")
    func wrapping() {
        let text = "あいうえおかきくけこさしすせそたちつて、と「なにぬねの」はひふへほまみむめも。"
        for layout in CertifiedMailLayout.allCases {
            let laid = CertifiedMailText(text: text, layout: layout)
            let check = CertifiedMailCheck(text: laid.text, layout: layout)
            #expect(check.isValid, "\(layout.rawValue): \(check.report)")
            for line in laid.pages.joined() {
                #expect(!(line.first.map { "、。」".contains($0) } ?? false), "\(layout.rawValue): \(line)")
                #expect(!(line.last.map { "「（".contains($0) } ?? false), "\(layout.rawValue): \(line)")
            }
            #expect(laid.pages.joined().joined() == text)
        }
    }

    @Test("postage follows the dated fee table: one page 1,420 yen, each further page 290")
    func postage() {
        let one = CertifiedMailReport(
            text: "あ", layout: .horizontal20x26, properNouns: [], claimValue: 100_000, on: CivilDate(2026, 11, 24),
            fees: .standard)
        #expect(one.postage?.total == 1_420)
        let text = (1...53).map { _ in "い" }.joined(separator: "\n")  // 3 pages of 26
        let three = CertifiedMailReport(
            text: text, layout: .horizontal20x26, properNouns: [], claimValue: 100_000, on: CivilDate(2026, 11, 24),
            fees: .standard)
        #expect(three.postage?.total == Money(yen: 1_420 + 2 * 290))
        let old = CertifiedMailReport(
            text: "あ", layout: .horizontal20x26, properNouns: [], claimValue: 100_000, on: CivilDate(2024, 9, 30),
            fees: .standard)
        #expect(old.postage?.total == 1_279)
        let none = CertifiedMailReport(
            text: "あ", layout: .horizontal20x26, properNouns: [], claimValue: 100_000, on: CivilDate(2010, 1, 4),
            fees: .standard)
        #expect(none.postage == nil)
        #expect(none.postageProblem?.contains("no postal price list") == true)
    }

    @Test("a user fee table in letters.json replaces the built-in prices")
    func userFees() throws {
        let json = """
            {"postalFees": [{"effectiveFrom": "2026-10-01", "basePostage": 130, "certifiedFirstPage": 500,
              "certifiedExtraPage": 300, "registered": 500, "deliveryProof": 380, "source": "test 2026"}]}
            """
        let config = try LetterConfig.decode(Data(json.utf8), file: "letters.json")
        let report = CertifiedMailReport(
            text: "あ", layout: .horizontal20x26, properNouns: [], claimValue: 100_000, on: CivilDate(2026, 11, 24),
            fees: config.costTable)
        #expect(report.postage?.total == 1_510)
    }
}
