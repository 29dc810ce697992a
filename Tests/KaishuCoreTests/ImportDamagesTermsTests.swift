import Foundation
import Testing

@testable import KaishuCore

@Suite("Receivables files: the contract's damages rate, day count and consumer flag")
struct ImportDamagesTermsTests {
    static let header = "取引先名,請求書番号,取引日,支払期日,金額,約定利率,日割,消費者契約"

    private func records(_ rows: String...) throws -> [Result<ImportRecord, ImportRowError>] {
        let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
        return ImportFixtures.results(try ImportFixtures.file(text))
    }

    @Test("an agreed rate, a day count and a consumer flag are read in UTF-8, exactly")
    func goodValues() throws {
        let results = try records(
            "山田,1,2024-04-01,2024-04-30,1000,14.6,365,消費者",
            "佐藤,2,2024-04-01,2024-04-30,1000,１４．６２５％,court,事業者",
            "鈴木,3,2024-04-01,2024-04-30,1000,,,")
        let claims = try results.map { try $0.get().claim }
        #expect(claims[0].agreedRate == InterestRate(perMillion: 146_000))
        #expect(claims[0].dayCount == .days365)
        #expect(claims[0].consumerContract == true)
        #expect(claims[1].agreedRate == InterestRate(perMillion: 146_250))
        #expect(claims[1].dayCount == .court)
        #expect(claims[1].consumerContract == false)
        // Empty cells: no agreed terms — the statutory rate and the court method apply.
        #expect(claims[2].agreedRate == nil)
        #expect(claims[2].dayCount == nil)
        #expect(claims[2].consumerContract == nil)
    }

    @Test("the English headers rate, day count and consumer are recognised")
    func englishHeaders() throws {
        #expect(ReceivablesColumn(header: "Rate") == .rate)
        #expect(ReceivablesColumn(header: "遅延損害金率") == .rate)
        #expect(ReceivablesColumn(header: "Day Count") == .dayCount)
        #expect(ReceivablesColumn(header: "日割計算") == .dayCount)
        #expect(ReceivablesColumn(header: "Consumer") == .consumer)
    }

    @Test("a bad rate is refused with line, column and reason: negative, over 100, non-numeric, over 3 decimals")
    func badRates() throws {
        let text =
            ([
                Self.header, "山田,1,2024-04-01,2024-04-30,1000,-5,,", "山田,2,2024-04-01,2024-04-30,1000,120,,",
                "山田,3,2024-04-01,2024-04-30,1000,高い,,", "山田,4,2024-04-01,2024-04-30,1000,14.6125,,",
                "山田,5,2024-04-01,2024-04-30,1000,14.6,366,たぶん",
            ]).joined(separator: "\r\n") + "\r\n"
        #expect(
            try ImportFixtures.messages(text) == [
                "line 2, column 約定利率: '-5' is not a rate: a rate cannot be negative",
                "line 3, column 約定利率: '120' is more than 100% a year",
                "line 4, column 約定利率: '高い' is not a rate: write the percentage a year, e.g. 14.6",
                "line 5, column 約定利率: '14.6125' has more than 3 decimals: write the percentage a year, e.g. 14.625",
                "line 6, column 日割: '366' is not a day count: use 365 (年365日の日割計算) or court (裁判所方式)",
                "line 6, column 消費者契約: 'たぶん' is not yes or no: use 消費者 or 事業者, yes or no, true or false, 1 or 0",
            ])
    }
}
