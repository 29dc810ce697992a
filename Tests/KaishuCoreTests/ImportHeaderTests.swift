import Foundation
import Testing

@testable import KaishuCore

@Suite("Receivables files: header columns")
struct ImportHeaderTests {
    @Test(
        "Japanese and English header names, in any case, width or spacing, find their column",
        arguments: [
            ("取引先名", ReceivablesColumn.debtor), ("Debtor", .debtor), ("得意先名", .debtor), ("Customer Name", .debtor),
            ("取引先コード", .code), ("CODE", .code), ("ｺｰﾄﾞ", nil),
            ("請求書番号", .invoice), ("Invoice No.", .invoice), ("invoice_number", .invoice), ("請求書ＮＯ", .invoice),
            ("取引日", .contractDate), ("契約日", .contractDate), ("contract date", .contractDate),
            ("Contract_Date", .contractDate), ("ContractDate", .contractDate),
            ("支払期日", .dueDate), ("due", .dueDate), ("Due Date", .dueDate),
            ("金額", .amount), ("請求額", .amount), ("金額(税込)", .amount), ("金額（税込）", .amount), ("AMOUNT", .amount),
            ("入金額", .paid), ("paid", .paid),
            ("電話", .phone), ("電話番号", .phone), ("ＴＥＬ", .phone), ("phone", .phone),
            ("メール", .email), ("E-mail", .email), ("ﾒｰﾙ", .email), ("email", .email),
            ("郵便番号", .postalCode), ("Postal Code", .postalCode), ("〒", .postalCode),
            ("住所", .address), ("address", .address),
            ("種別", .kind), ("kind", .kind),
            ("フリガナ", .kana), ("kana", .kana),
            ("国内", .domestic), ("domestic", .domestic),
            ("取引先名【必須】", .debtor), ("*金額", .amount), ("備考", nil), ("date", nil), ("", nil),
        ] as [(String, ReceivablesColumn?)])
    func aliases(header: String, column: ReceivablesColumn?) {
        #expect(ReceivablesColumn(header: header) == column)
    }

    @Test("every documented header name maps to its own column")
    func everyName() {
        for column in ReceivablesColumn.allCases {
            for name in column.headerNames {
                #expect(ReceivablesColumn(header: name) == column, "\(name)")
            }
            #expect(ReceivablesColumn(header: column.japaneseName) == column)
            #expect(ReceivablesColumn(header: column.rawValue) == column)
        }
    }

    @Test("each column's ordinal is its place in allCases")
    func ordinals() {
        #expect(ReceivablesColumn.allCases.map(\.ordinal) == Array(ReceivablesColumn.allCases.indices))
    }

    @Test("an English export reads like a Japanese one")
    func englishFile() throws {
        let text =
            "Code,Debtor,Invoice No,Contract Date,Due Date,Amount,Paid,Phone,E-mail,Postal Code,Address,Kind,Kana,Domestic,"
            + "Rate,Day Count,Consumer\n"
            + "C1,Acme,7,2024-04-01,2024-04-30,1000,0,03-1234-5678,a@b.jp,1234567,Tokyo,civil,アクメ,true,14.6,365,no\n"
        let file = try ImportFixtures.file(text)
        #expect(file.notices.isEmpty)
        #expect(file.columns.count == ReceivablesColumn.allCases.count)
        let record = try #require(try ImportFixtures.results(file).first?.get())
        #expect(record.debtor.code == "C1")
        #expect(record.claim.kind == .civil)
        #expect(record.debtor.postalCode == "123-4567")
        #expect(record.claim.agreedRate == InterestRate(perMillion: 146_000))
        #expect(record.claim.dayCount == .days365)
        #expect(record.claim.consumerContract == false)
    }

    @Test("unknown and unnamed columns are ignored with a notice")
    func unknownColumns() throws {
        let text = "取引先名,備考,請求書番号,,取引日,金額,取引先コード\n山田,メモ,1,x,2024-04-01,100,C1\n"
        let file = try ImportFixtures.file(text)
        #expect(
            file.notices == [
                "column 2 '備考' is not one Kaishu reads and is ignored", "column 4 has no name and is ignored",
            ])
        #expect(try ImportFixtures.results(file).first?.get().debtor.name == "山田")
    }

    @Test("a missing required column refuses the file, naming every missing column and what the header has")
    func missingColumns() {
        #expect(
            throws: ImportIssue(
                line: 0, column: nil,
                reason:
                    "the header (line 1) lacks the required columns 請求書番号 (invoice), 取引日 (contract date), 金額 (amount); it has: 取引先名, 日付, 合計"
            )
        ) { try ImportFixtures.file("取引先名,日付,合計\n山田,2024-04-01,100\n") }
        #expect(
            throws: ImportIssue(
                line: 0, column: nil,
                reason:
                    "the header (line 1) lacks the required column 取引日 (contract date); it has: debtor, invoice, amount"
            )
        ) { try ImportFixtures.file("debtor,invoice,amount\n") }
    }

    @Test("two columns for the same field refuse the file")
    func duplicateColumns() {
        #expect(
            throws: ImportIssue(
                line: 0, column: nil,
                reason: "columns 3 '取引日' and 5 '契約日' both give 取引日 (contract date); keep one of each")
        ) { try ImportFixtures.file("取引先名,請求書番号,取引日,金額,契約日\n") }
    }

    @Test("a header line that breaks the CSV format refuses the file")
    func brokenHeader() {
        #expect(throws: ImportIssue.self) { try ImportFixtures.file("取引先名,\"請求書番号,取引日,金額\n") }
    }

    @Test("a header alone is a valid file with no rows")
    func headerOnly() throws {
        let file = try ImportFixtures.file(ImportFixtures.header + "\r\n")
        #expect(ImportFixtures.results(file).isEmpty)
    }
}
