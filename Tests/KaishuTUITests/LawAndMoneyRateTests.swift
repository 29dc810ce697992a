import KaishuCore
import Testing

@testable import KaishuTUI

@Suite("Law and money: each claim's damages rate and its basis")
struct LawAndMoneyRateTests {
    /// A case page for one debtor with an agreed-rate claim in a consumer contract and a plain one.
    static func page() -> String {
        let debtor = Debtor(code: "P1", name: "山田太郎")
        let claims = [
            Claim(
                invoice: "INV-1", contractDate: CivilDate(2024, 3, 1), dueDate: CivilDate(2024, 4, 30),
                kind: .civil, amount: 1_000_000, agreedRate: .percent(20), dayCount: .days365, consumerContract: true),
            Claim(
                invoice: "INV-2", contractDate: CivilDate(2024, 3, 1), dueDate: CivilDate(2024, 4, 30),
                kind: .civil, amount: 1_000_000),
        ]
        let facts: [CaseFact] = [.opened(source: "test")] + claims.map { .claimAdded($0) }
        let events = facts.enumerated().map { index, fact in
            CaseEvent(
                seq: Int64(index + 1), caseID: 1, date: CivilDate(2024, 6, 1), recordedAt: "2024-06-01T10:00:00+09:00",
                actor: "test", fact: fact, hash: "")
        }
        let file = CaseFile(id: 1, debtor: debtor, collector: nil, events: events)
        var detail = CaseDetail(id: 1, debtorName: debtor.name)
        detail.file = file
        detail.state = CaseState(file: file, calendar: Harness.calendar)
        return CaseDocument.lines(for: detail, today: CivilDate(2026, 3, 15), width: 400)
            .map { $0.map(\.text).joined() }.joined(separator: "\n")
    }

    @Test("the agreed rate and its article are shown per claim, and the consumer-contract cap as a warning")
    func agreedRateAndCapWarning() {
        let text = Self.page()
        #expect(text.contains("INV-1 from 2024-05-01: ¥374,794"), "\(text)")
        #expect(text.contains("20% a year, agreed rate (民法419条1項ただし書"))
        #expect(text.contains("days/365 by contract"))
        #expect(text.contains("消費者契約法9条1項2号"))
        // 14.6 % days/365 over 684 days: 400 × 684.
        #expect(text.contains("at the cap: ¥273,600"))
        #expect(text.contains("INV-2 from 2024-05-01: ¥56,219"))
    }
}
