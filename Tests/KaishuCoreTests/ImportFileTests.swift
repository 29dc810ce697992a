import Foundation
import Testing

@testable import KaishuCore

@Suite("Receivables files: reading good files")
struct ImportFileTests {
    private func records(_ file: ReceivablesFile) throws -> [ImportRecord] {
        try ImportFixtures.results(file).map { try $0.get() }
    }

    @Test("a good export reads into debtors and claims, field by field")
    func goodFile() throws {
        let file = try ImportFixtures.file(ImportFixtures.text())
        #expect(file.detectedEncoding == .utf8)
        #expect(file.notices.isEmpty)
        let records = try records(file)
        #expect(records.map(\.line) == [2, 3, 5, 6])

        let first = records[0]
        #expect(
            first.debtor
                == Debtor(
                    code: "C001", name: "株式会社山田商事", kana: "ヤマダショウジ", phones: ["03-1234-5678"],
                    email: "keiri@yamada.example.jp", postalCode: "100-0001", address: "東京都千代田区千代田1-1",
                    isDomestic: true))
        #expect(
            first.claim
                == Claim(
                    invoice: "INV-001", contractDate: CivilDate(2024, 4, 1), dueDate: CivilDate(2024, 4, 30),
                    kind: .commercial, amount: 1_234_000, paidBefore: 0))

        let second = records[1]
        #expect(second.debtor.phones == ["03-1234-5678", "090-1111-2222"])
        #expect(second.debtor.email == nil)
        #expect(second.debtor.postalCode == "100-0001")
        #expect(second.debtor.address == "東京都千代田区 千代田1-1")
        #expect(second.debtor.isDomestic)
        #expect(second.claim.contractDate == CivilDate(2024, 5, 1))
        #expect(second.claim.dueDate == CivilDate(2024, 5, 31))
        #expect(second.claim.kind == .retail)
        #expect(second.claim.amount == 500_000)
        #expect(second.claim.paidBefore == 100_000)

        let third = records[2]
        #expect(third.debtor.name == "㈱佐藤工務店")
        #expect(third.debtor.kana == "サトウコウムテン")
        #expect(third.debtor.phones == ["06-6123-4567"])
        #expect(third.debtor.postalCode == "530-0001")
        #expect(third.claim.contractDate == CivilDate(2019, 3, 15))
        #expect(third.claim.dueDate == nil)
        #expect(third.claim.amount == 220_000)
        #expect(third.claim.kind == .construction)

        let fourth = records[3]
        #expect(fourth.debtor.isDomestic == false)
        #expect(fourth.debtor.phones == ["+44 20 7946 0958"])
        #expect(fourth.debtor.address == "10 Downing St, London")
        #expect(fourth.claim.contractDate == CivilDate(2019, 4, 30))
        #expect(fourth.claim.paidBefore == fourth.claim.amount)
    }

    @Test("the same file in UTF-8, UTF-8 with BOM, LF endings and CP932 reads the same")
    func sameInEveryEncoding() throws {
        let text = ImportFixtures.text()
        let expected = try records(ImportFixtures.file(text))
        let bom = try ReceivablesFile(data: ImportFixtures.utf8(text, bom: true))
        #expect(bom.detectedEncoding == .utf8)
        #expect(bom.header.first == "取引先コード")
        #expect(try records(bom) == expected)

        let lf = try records(ImportFixtures.file(ImportFixtures.text(lineEnding: "\n")))
        #expect(lf.map(\.claim) == expected.map(\.claim))
        #expect(lf.map(\.debtor) == expected.map(\.debtor))

        let cp932 = try ReceivablesFile(data: ImportFixtures.cp932(text))
        #expect(cp932.detectedEncoding == .cp932)
        #expect(try records(cp932) == expected)
        let forced = try ReceivablesFile(data: ImportFixtures.cp932(text), encoding: .cp932)
        #expect(try records(forced) == expected)
    }

    @Test("CP932 names with NEC, IBM and half-width characters import correctly, in NFC")
    func cp932Names() throws {
        let bytes =
            Array("取引先名,請求書番号,取引日,金額,フリガナ\r\n".data(using: .shiftJIS)!)
            + CP932Bytes.kabuYamadaShoji + [0x2C, 0x87, 0x40, 0x2D, 0x31] + Array(",2024/4/1,100,".utf8)
            + CP932Bytes.halfWidthYamada + [0x0D, 0x0A]
            + CP932Bytes.takahashi + [0x81, 0x60, 0xED, 0x80] + Array(",2,2024/4/1,100,\r\n".utf8)
        let file = try ReceivablesFile(data: Data(bytes))
        #expect(file.detectedEncoding == .cp932)
        let records = try records(file)
        #expect(records[0].debtor.name == "㈱山田商事")
        #expect(records[0].claim.invoice == "①-1")
        #expect(records[0].debtor.kana == "ヤマダ")
        // 0xED80 is U+FA10 (a compatibility ideograph); NFC stores the unified 塚 U+585A.
        #expect(records[1].debtor.name.unicodeScalars.map(\.value) == [0x9AD9, 0x6A4B, 0xFF5E, 0x585A])
    }

    @Test("a record split across chunk boundaries reads the same at any chunk size")
    func chunkSizes() throws {
        let text = ImportFixtures.text()
        let expected = try records(ImportFixtures.file(text))
        for chunkSize in [1, 2, 3, 7, 16, 64, 100, 333] {
            #expect(try records(ImportFixtures.file(text, chunkSize: chunkSize)) == expected, "chunk size \(chunkSize)")
            let cp932 = try ReceivablesFile(data: ImportFixtures.cp932(text), chunkSize: chunkSize)
            #expect(try records(cp932) == expected, "CP932, chunk size \(chunkSize)")
        }
    }

    @Test("reading from a path streams the same records, and iterating twice reads twice")
    func fromPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kaishu-import-\(UUID().uuidString).csv")
        try ImportFixtures.cp932(ImportFixtures.text()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try ReceivablesFile(path: url.path, chunkSize: 64)
        #expect(file.detectedEncoding == .cp932)
        let expected = try records(ImportFixtures.file(ImportFixtures.text()))
        #expect(try records(file) == expected)
        #expect(try records(file) == expected)

        let iterator = file.records().makeIterator()
        #expect(try iterator.next()?.get().claim.invoice == "INV-001")
        #expect(try iterator.next()?.get().claim.invoice == "INV-002")
    }

    @Test("unreadable and empty files are refused at line 0 with a reason")
    func unreadable() throws {
        #expect(throws: ImportIssue(line: 0, column: nil, reason: "cannot read /nonexistent/x.csv: no such file")) {
            try ReceivablesFile(path: "/nonexistent/x.csv")
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: ImportIssue(line: 0, column: nil, reason: "cannot read \(directory): it is a directory")) {
            try ReceivablesFile(path: directory)
        }
        do {
            _ = try ReceivablesFile(data: Data("\r\n\r\n".utf8))
            Issue.record("an empty file must be refused")
        } catch {
            #expect(error.line == 0)
            #expect(error.reason.contains("has no header line"))
        }
    }

    @Test("blank rows are skipped, and blank lines before the header are allowed")
    func blankRows() throws {
        let text =
            "\r\n" + ImportFixtures.header + "\r\n" + ImportFixtures.goodRows[0] + "\r\n,,,,,,,,,,,,,\r\n\r\n"
            + ImportFixtures.goodRows[2] + "\r\n"
        let file = try ImportFixtures.file(text)
        #expect(file.headerLine == 2)
        #expect(try records(file).map(\.line) == [3, 6])
    }

    @Test("Excel's separator hint line (sep=,) above the header is skipped")
    func separatorHint() throws {
        let file = try ImportFixtures.file("sep=,\r\n" + ImportFixtures.text())
        #expect(file.headerLine == 2)
        #expect(try records(file).map(\.line) == [3, 4, 6, 7])
    }

    @Test("without a code column, codes are derived from names: stable, and equal for spellings of one name")
    func derivedCodes() throws {
        let text =
            "debtor,invoice,contract date,amount\n山田商事,1,2024-04-01,100\n山田　商事,2,2024-04-01,100\nＹａｍａｄａ,3,2024-04-01,100\nyamada,4,2024-04-01,100\n佐藤,5,2024-04-01,100\n"
        let file = try ImportFixtures.file(text)
        #expect(
            file.notices == ["there is no 取引先コード (code) column: each debtor's code is derived from its name (AUTO-…)"])
        let codes = try records(file).map(\.debtor.code)
        #expect(codes[0] == codes[1])
        #expect(codes[2] == codes[3])
        #expect(Set(codes).count == 3)
        #expect(codes[0] == DebtorCode.derived(fromName: "山田商事"))
        #expect(codes[0].hasPrefix("AUTO-") && codes[0].count == 21)
        // The hash is fixed: FNV-1a 64 of the folded name's UTF-8 (here of "abc").
        #expect(DebtorCode.derived(fromName: "ABC") == "AUTO-E71FA2190541574B")
    }

    @Test("a code cell left empty gets the derived code")
    func emptyCodeCell() throws {
        let text = "code,debtor,invoice,contract date,amount\n,山田商事,1,2024-04-01,100\n"
        let record = try #require(try records(ImportFixtures.file(text)).first)
        #expect(record.debtor.code == DebtorCode.derived(fromName: "山田商事"))
    }
}
