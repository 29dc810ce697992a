import Foundation
import KaishuCore
import Testing

@testable import KaishuStore

@Suite("Small claims: ten a year per summary court across the case book (民事訴訟規則223条)")
struct SmallClaimsRegisterTests {
    @Test("the eleventh small-claims filing at one court in a year is refused; another court is fine")
    func eleventhRefused() async throws {
        let names = (1...12).map { "株式会社テスト\($0)" }
        let store = try Fixture.store(debtors: names)
        for id in Int64(1)...10 {
            _ = try await store.append(to: id, context: Fixture.context("sc-\(id)")) { _ in
                [
                    EventDraft(
                        date: Fixture.today,
                        fact: .stageChanged(from: .certifiedMail, to: .smallClaims, reason: nil, court: "東京簡易裁判所"))
                ]
            }
        }
        // A filing voided by a correction does not count.
        let voided = try #require(try await store.caseFile(10)?.events.last?.seq)
        _ = try await store.append(to: 10, context: Fixture.context("void")) { _ in
            [EventDraft(date: Fixture.today, fact: .correction(of: voided, replacement: nil, reason: "誤登録"))]
        }
        var filings = try await store.smallClaimsFilings(in: Fixture.today.year)
        #expect(filings.count == 9)
        #expect(
            SmallClaims.refusal(outstanding: 110_000, court: "東京簡易裁判所", today: Fixture.today, filings: filings) == nil)
        _ = try await store.append(to: 11, context: Fixture.context("sc-11")) { _ in
            [
                EventDraft(
                    date: Fixture.today,
                    fact: .stageChanged(from: .certifiedMail, to: .smallClaims, reason: nil, court: "東京簡易裁判所"))
            ]
        }
        filings = try await store.smallClaimsFilings(in: Fixture.today.year)
        let refusal = SmallClaims.refusal(
            outstanding: 110_000, court: "東京　簡易裁判所", today: Fixture.today, filings: filings)
        #expect(refusal?.reason.contains("民事訴訟規則223条") == true)
        #expect(
            SmallClaims.refusal(outstanding: 110_000, court: "横浜簡易裁判所", today: Fixture.today, filings: filings) == nil)
        #expect(
            SmallClaims.refusal(
                outstanding: 110_000, court: "東京簡易裁判所", today: CivilDate(Fixture.today.year + 1, 1, 5),
                filings: try await store.smallClaimsFilings(in: Fixture.today.year + 1)) == nil)
        #expect(SmallClaims.refusal(outstanding: 110_000, court: nil, today: Fixture.today, filings: []) != nil)
    }
}
