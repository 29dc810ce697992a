import Foundation
import Testing

@testable import KaishuCore

@Suite("Receivables files: every bad field reported with line and column")
struct ImportValidationTests {
    static let header = "取引先名,請求書番号,取引日,支払期日,金額,入金額,電話,メール,郵便番号,種別,国内,住所"

    private func messages(_ rows: String...) throws -> [String] {
        try ImportFixtures.messages(([Self.header] + rows).joined(separator: "\r\n") + "\r\n")
    }

    @Test("an impossible date names the line, the column and why")
    func impossibleDate() throws {
        #expect(
            try messages("山田,1,2023-02-01,2023-02-30,100,,,,,,,")
                == ["line 2, column 支払期日: '2023-02-30' is not a date: February 2023 has 28 days"])
        #expect(
            try messages("山田,1,H31/5/1,,100,,,,,,,")
                == ["line 2, column 取引日: 'H31/5/1' is not a date: 平成 ended on 2019-04-30 (平成31年4月30日)"])
    }

    @Test("required values must be present")
    func required() throws {
        #expect(
            try messages(",,,,,,,,,,,x")
                == [
                    "line 2, column 取引先名: a value is required", "line 2, column 請求書番号: a value is required",
                    "line 2, column 取引日: a value is required", "line 2, column 金額: a value is required",
                ])
    }

    @Test("amounts must be whole yen above zero; paid at most the amount")
    func amounts() throws {
        #expect(
            try messages("山田,1,2024-04-01,,0,,,,,,,")
                == ["line 2, column 金額: the amount must be more than ¥0"])
        #expect(
            try messages("山田,1,2024-04-01,,1234.5,-1,,,,,,")
                == [
                    "line 2, column 金額: '1234.5' is not an amount of yen: amounts are whole yen; there is a decimal point",
                    "line 2, column 入金額: '-1' is not an amount of yen: negative amounts are not accepted",
                ])
        #expect(
            try messages("山田,1,2024-04-01,,\"120,000\",\"150,000\",,,,,,")
                == ["line 2, column 入金額: the paid amount ¥150,000 is more than the amount ¥120,000"])
    }

    @Test("the due date may not come before the contract date")
    func dueBeforeContract() throws {
        #expect(
            try messages("山田,1,2024-04-01,2024-03-31,100,,,,,,,")
                == ["line 2, column 支払期日: the due date 2024-03-31 is before the contract date 2024-04-01"])
        #expect(try messages("山田,1,2024-04-01,2024-04-01,100,,,,,,,").isEmpty)
    }

    @Test("contact fields have their shapes")
    func contactShapes() throws {
        #expect(
            try messages("山田,1,2024-04-01,,100,,03-1234-567,yamada@,100-00,,,")
                == [
                    "line 2, column 電話: '03-1234-567' is not a phone number: it has 9 digits; a Japanese number has 10 or 11",
                    "line 2, column メール: 'yamada@' is not an email address: there must be text before and after the @",
                    "line 2, column 郵便番号: '100-00' is not a postal code: expected 123-4567 or 1234567",
                ])
        #expect(
            try messages("山田,1,2024-04-01,,100,,1234-5678,yamada.example.jp,,,,")
                == [
                    "line 2, column 電話: '1234-5678' is not a phone number: a Japanese number starts with 0 (include the area code), a number abroad with +",
                    "line 2, column メール: 'yamada.example.jp' is not an email address: it needs exactly one @",
                ])
        #expect(
            try messages("山田,1,2024-04-01,,100,,03-1234-5678 内線12,a@localhost,,,,")
                == [
                    "line 2, column 電話: '03-1234-5678 内線12' is not a phone number: only digits, hyphens and parentheses are allowed",
                    "line 2, column メール: 'a@localhost' is not an email address: the domain 'localhost' is not a domain name",
                ])
    }

    @Test("phones: several per cell, full-width and look-alike hyphens folded")
    func phones() throws {
        #expect(
            try ImportFieldParsers.phones("03-1234-5678; ０９０ー１１１１ー２２２２／(03)1234-5678")
                == ["03-1234-5678", "090-1111-2222", "(03)1234-5678"])
        #expect(try ImportFieldParsers.phones("0120-123-456") == ["0120-123-456"])
        #expect(try ImportFieldParsers.phones("03-1234-5678/03-1234-5678") == ["03-1234-5678"])
        #expect(try ImportFieldParsers.phones("+81 3 1234 5678") == ["+81 3 1234 5678"])
    }

    @Test("postal codes are written back as 123-4567")
    func postalCodes() throws {
        for text in ["1000001", "100-0001", "〒100-0001", "１００－０００１", "〒 1000001", "100ー0001"] {
            #expect(try ImportFieldParsers.postalCode(text) == "100-0001", "\(text)")
        }
        for text in ["100-00", "10000011", "1000-001", "abc-defg", "100 0001"] {
            #expect(throws: FieldProblem.self) { try ImportFieldParsers.postalCode(text) }
        }
    }

    @Test("kinds of claim: raw values and Japanese labels; anything else lists the choices")
    func kinds() throws {
        let labels: [String: ClaimKind] = [
            "商事": .commercial, "民事": .civil, "小売": .retail, "運送": .transport, "飲食": .hospitality,
            "工事": .construction, "医療": .medical, "授業料": .tuition, "レンタル": .rental, "ﾚﾝﾀﾙ": .rental,
            "製作": .craft, "Retail": .retail, "COMMERCIAL": .commercial, " civil ": .civil,
        ]
        for (label, kind) in labels {
            #expect(ClaimKind(importLabel: label) == kind, "\(label)")
        }
        for kind in ClaimKind.allCases {
            #expect(ClaimKind(importLabel: kind.rawValue) == kind)
            #expect(ClaimKind(importLabel: kind.japaneseImportLabel) == kind)
        }
        #expect(
            try messages("山田,1,2024-04-01,,100,,,,,卸,,")
                == [
                    "line 2, column 種別: '卸' is not a kind of claim; use one of 商事 (commercial), 民事 (civil), 医療 (medical), 工事 (construction), 小売 (retail), 製作 (craft), 授業料 (tuition), 運送 (transport), 飲食 (hospitality), レンタル (rental)"
                ])
    }

    @Test("domestic: 国内/海外, yes/no and the like; empty means domestic")
    func domestic() throws {
        for text in ["国内", "yes", "Y", "true", "1", "○", "はい"] { #expect(try ImportFieldParsers.domestic(text)) }
        for text in ["海外", "国外", "no", "FALSE", "0", "×"] { #expect(try !ImportFieldParsers.domestic(text)) }
        #expect(
            try messages("山田,1,2024-04-01,,100,,,,,,たぶん,")
                == ["line 2, column 国内: 'たぶん' is not yes or no: use 国内 or 海外, yes or no, true or false, 1 or 0"])
    }

    @Test("ragged rows are reported, with a hint when a comma was not quoted")
    func raggedRows() throws {
        #expect(
            try messages("山田,1,2024-04-01,,1,234,,,,,,,")
                == [
                    "line 2: the row has 13 fields but the header has 12; a value containing a comma (such as 1,234) must be in double quotes",
                    "line 2, column 入金額: the paid amount ¥234 is more than the amount ¥1",
                ])
        #expect(
            try messages("山田,1,2024-04-01,,100")
                == ["line 2: the row has 5 fields but the header has 12"])
        #expect(
            try messages("山田,1")
                == ["line 2: the row has 2 fields but the header has 12"])
    }

    @Test("a row with several problems reports all of them, in column order, as one rejected row")
    func allProblems() throws {
        let file = try ImportFixtures.file(
            Self.header + "\r\n,1,2023-02-30,2024-01-01,-5,,x,y,z,卸,?,\"東京\"都\r\n山田,2,2024-04-01,,100,,,,,,,\r\n")
        let results = ImportFixtures.results(file)
        #expect(results.count == 2)
        guard case .failure(let error) = results[0] else {
            Issue.record("row 2 must be rejected")
            return
        }
        #expect(error.line == 2)
        #expect(
            error.issues.map(\.column) == ["取引先名", "取引日", "金額", "電話", "メール", "郵便番号", "種別", "国内", "住所"])
        #expect(
            error.issues[8].description
                == "line 2, column 住所: text after the closing double quote at character 44; a quoted field must end at a comma or the end of the line"
        )
        #expect(error.description.split(separator: "\n").count == 9)
        #expect(try results[1].get().claim.invoice == "2")
    }

    @Test("CSV problems name the line and column where they are, even inside a multi-line record")
    func csvProblems() throws {
        #expect(
            try messages("山田,1,2024-04-01,,100,,,,,,,\"東京都\n千代田\"区")
                == [
                    "line 3, column 住所: text after the closing double quote at character 5; a quoted field must end at a comma or the end of the line"
                ])
        #expect(
            try messages("山\"田,1,2024-04-01,,100,,,,,,,")
                == [
                    "line 2, column 取引先名: stray double quote at character 2 in a field that is not quoted; quote the whole field and double the quote (\"a \"\"b\"\" c\")"
                ])
        #expect(
            try messages("山田,1,2024-04-01,,100,,,,,,,\"東京都")
                == [
                    "line 2, column 住所: the double quote at character 28 is never closed: the file ends inside this field"
                ])
    }

    @Test("control characters in text are refused; line breaks in a quoted cell become spaces")
    func controlCharacters() throws {
        #expect(
            try messages("\"山田\u{1B}[31m\",1,2024-04-01,,100,,,,,,,")
                == ["line 2, column 取引先名: contains the control character U+001B"])
        let file = try ImportFixtures.file(Self.header + "\r\n\"山田\r\n商事\",1,2024-04-01,,100,,,,,,,\"a\tb\"\r\n")
        let record = try #require(try ImportFixtures.results(file).first?.get())
        #expect(record.debtor.name == "山田 商事")
        #expect(record.debtor.address == "a b")
    }

    @Test("text is stored in NFC: a decomposed name equals the composed one")
    func nfc() throws {
        let decomposed = "カ\u{3099}ス会社"  // ガス会社 with a combining voiced mark
        let file = try ImportFixtures.file(Self.header + "\r\n\(decomposed),1,2024-04-01,,100,,,,,,,\r\n")
        let record = try #require(try ImportFixtures.results(file).first?.get())
        #expect(record.debtor.name.unicodeScalars.map(\.value) == "ガス会社".unicodeScalars.map(\.value))
    }

    @Test("bytes that are not valid UTF-8 in an auto-detected UTF-8 file reject that row only, with its line")
    func damagedUTF8() throws {
        var bytes = Array((Self.header + "\r\n山田,1,2024-04-01,,100,,,,,,,\r\n").utf8)
        bytes +=
            Array("佐藤".utf8) + [0x82, 0xA0] + Array(",2,2024-04-01,,100,,,,,,,\r\n鈴木,3,2024-04-01,,100,,,,,,,\r\n".utf8)
        let file = try ReceivablesFile(data: Data(bytes), chunkSize: 40)
        #expect(file.detectedEncoding == .utf8)
        let results = ImportFixtures.results(file)
        #expect(results.count == 3)
        guard case .failure(let error) = results[1] else {
            Issue.record("line 3 must be rejected")
            return
        }
        #expect(error.issues.map(\.description) == ["line 3: bytes 0x82 0xA0 at character 3 are not valid UTF-8"])
        #expect(try results[2].get().debtor.name == "鈴木")
    }

    @Test("a CP932 file read as UTF-8 by force reports undecodable rows instead of importing garbage")
    func forcedWrongEncoding() throws {
        let data = ImportFixtures.cp932("debtor,invoice,contract date,amount\r\n山田,1,2024-04-01,100\r\n")
        let file = try ReceivablesFile(data: data, encoding: .utf8)
        let results = ImportFixtures.results(file)
        guard case .failure(let error) = results.first else {
            Issue.record("the row must be rejected")
            return
        }
        #expect(error.issues.allSatisfy { $0.reason.contains("not valid UTF-8") })
    }
}
