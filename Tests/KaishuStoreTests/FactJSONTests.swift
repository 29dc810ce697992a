import Foundation
import KaishuCore
import Testing

@testable import KaishuEventLog

@Suite("Event payloads")
struct FactJSONTests {
    static let day = CivilDate(2026, 11, 23)
    static let claim = Claim(
        invoice: "INV-1", contractDate: CivilDate(2024, 4, 1), dueDate: CivilDate(2024, 4, 30), kind: .retail,
        amount: 110_000, paidBefore: 10_000)

    /// One fact of every kind, with and without optional parts, Japanese and escaped text.
    static let facts: [CaseFact] = [
        .opened(source: "売掛金一覧.csv"),
        .claimAdded(claim),
        .claimAdded(Claim(invoice: "a\"b\\c/d", contractDate: day, dueDate: nil, amount: 1)),
        .contact(ContactLog(outcome: .noAnswer, text: "不在\n改行\t")),
        .contact(ContactLog(outcome: .noAnswer, text: "制御\u{01}\u{1F}\u{08}\u{0C}\r\u{7F}")),
        .contact(
            ContactLog(
                outcome: .promised, text: "月末", promise: Promise(date: day.adding(days: 7), amount: 5_000),
                time: "10:30")),
        .contact(ContactLog(outcome: .callback, text: "", callbackOn: day, callbackTime: "15:00")),
        .stageChanged(from: .phone, to: .smallClaims, reason: "応答なし", court: "東京簡易裁判所"),
        .stageChanged(from: .email, to: .phone, reason: nil, court: nil),
        .payment(amount: 12_345),
        .acknowledgment(note: nil), .acknowledgment(note: "残高確認"),
        .demandDelivered(reference: "第123号"), .agreement(until: day), .agreement(until: nil), .refusal,
        .judgment(note: "確定"), .proceedingEnded(reason: "取下げ"), .disputed(true, reason: "品質"),
        .hold(false, reason: nil), .rescheduled(to: day, reason: "決算明け"), .letterSent(kind: "督促状", reference: nil),
        .courtStep(.paymentOrderServed), .courtStep(.declarationServed),
        .correction(of: 4, replacement: .init(.payment(amount: 1_000)), reason: "金額誤り"),
        .correction(of: 5, replacement: nil, reason: "二重登録"),
    ]

    @Test("the fast writer produces exactly JSONEncoder's sorted-keys bytes for every kind of fact")
    func matchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for fact in Self.facts {
            let expected = String(decoding: try encoder.encode(fact), as: UTF8.self)
            #expect(FactJSON.encode(fact) == expected, "\(fact.kind)")
            #expect(try FactJSON.decode(FactJSON.encode(fact)) == fact)
        }
    }
}
