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
        .claimAdded(
            Claim(
                invoice: "R-1", contractDate: day, dueDate: day, amount: 1_000_000,
                agreedRate: InterestRate(perMillion: 146_000), dayCount: .days365, consumerContract: true)),
        .claimAdded(Claim(invoice: "R-2", contractDate: day, dueDate: nil, amount: 1, dayCount: .court)),
        .claimAdded(
            Claim(
                invoice: "R-3", contractDate: day, dueDate: nil, amount: 1, agreedRate: .percent(0),
                consumerContract: false)),
        .correction(
            of: 2,
            replacement: .init(
                .claimAdded(
                    Claim(
                        invoice: "INV-1", contractDate: day, dueDate: day, amount: 1,
                        agreedRate: .percent(20)))),
            reason: "約定利率"),
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

    @Test("a claim without damages terms encodes byte for byte as before they existed (old hashes verify)")
    func claimWithoutTermsUnchanged() {
        // The payload a claim-added event had before agreed rates existed, written out literally.
        #expect(
            FactJSON.encode(.claimAdded(Self.claim))
                == #"{"claimAdded":{"_0":{"amount":110000,"contractDate":"2024-04-01","dueDate":"2024-04-30","invoice":"INV-1","kind":"retail","paidBefore":10000}}}"#
        )
    }

    @Test("a claim's damages terms are in its payload and read back")
    func claimTermsEncoded() throws {
        var claim = Self.claim
        claim.agreedRate = InterestRate(perMillion: 146_000)
        claim.dayCount = .days365
        let payload = FactJSON.encode(.claimAdded(claim))
        #expect(
            payload
                == #"{"claimAdded":{"_0":{"agreedRate":{"perMillion":146000},"amount":110000,"contractDate":"2024-04-01","dayCount":"365","dueDate":"2024-04-30","invoice":"INV-1","kind":"retail","paidBefore":10000}}}"#
        )
        #expect(try FactJSON.decode(payload) == .claimAdded(claim))
    }
}
