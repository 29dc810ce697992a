import Foundation
import KaishuCore

@testable import KaishuLetters

/// A case built event by event, the way a store would record it.
struct CaseFixture {
    var file: CaseFile
    var nextSeq: Int64 = 1
    var calendar: BusinessCalendar = .japan

    init(id: Int64 = 42, debtor: Debtor, opened: CivilDate, claims: [Claim]) {
        file = CaseFile(id: id, debtor: debtor, collector: "sato", events: [])
        add(opened, .opened(source: "test"))
        for claim in claims { add(opened, .claimAdded(claim)) }
    }

    var state: CaseState { CaseState(file: file, calendar: calendar) }

    mutating func add(_ date: CivilDate, _ fact: CaseFact) {
        file.events.append(
            CaseEvent(
                seq: nextSeq, caseID: file.id, date: date, recordedAt: "2026-11-01T10:00:00+09:00", actor: "test",
                fact: fact, hash: ""))
        nextSeq += 1
    }

    mutating func perform(_ action: CaseAction, today: CivilDate) throws {
        for draft in try action.decide(state, today: today) { add(draft.date, draft.fact) }
    }
}

enum Fixtures {
    static let today = CivilDate(2026, 11, 24)

    /// 2026-11-24 09:30:00 +09:00, a fixed token: reproducible Date and Message-ID.
    static let stamp = EmailStamp(
        date: Date(timeIntervalSince1970: 1_795_480_200), timeZone: .tokyo, token: "a1b2c3d4e5f6")

    static let config = LetterConfig(
        company: Letterhead(
            name: "株式会社回収テスト", postalCode: "150-0002", address: "東京都渋谷区渋谷2丁目1番1号 テストビル5階",
            phone: "03-1111-2222", fax: "03-1111-2223", email: "keiri@kaishu-test.example",
            representative: "代表取締役 試験一郎"),
        account: TransferAccount(
            bank: "みずなみ銀行", branch: "渋谷支店", type: "普通", number: "1234567", holder: "カ）カイシユウテスト"),
        email: EmailSettings(fromName: "株式会社回収テスト 経理部"))

    static let company = Debtor(
        code: "C001", name: "株式会社山田商事", kana: "ヤマダショウジ", phones: ["03-1234-5678"],
        email: "keiri@yamada.example", postalCode: "100-0001", address: "東京都千代田区千代田1丁目1番1号")

    static let person = Debtor(
        code: "P007", name: "長谷川 左衛門之丞 右京太夫", phones: ["090-0000-0000"], email: "sakon@example.jp",
        postalCode: "530-0001", address: "大阪府大阪市北区梅田3丁目3番3号 グランドメゾン梅田ウエストタワー2503号室")

    /// A company case at the email stage: three invoices, one part-paid, a few calls.
    static func companyCase() -> CaseFixture {
        var fixture = CaseFixture(
            debtor: company, opened: CivilDate(2026, 9, 1),
            claims: [
                Claim(
                    invoice: "INV-2026-0712", contractDate: CivilDate(2026, 6, 30), dueDate: CivilDate(2026, 7, 31),
                    amount: 330_000),
                Claim(
                    invoice: "INV-2026-0815", contractDate: CivilDate(2026, 7, 31), dueDate: CivilDate(2026, 8, 31),
                    amount: 1_210_000),
                Claim(
                    invoice: "INV-2026-0901", contractDate: CivilDate(2026, 8, 31), dueDate: CivilDate(2026, 9, 30),
                    amount: 88_000),
            ])
        fixture.add(CivilDate(2026, 9, 3), .contact(ContactLog(outcome: .noAnswer, channel: .phone)))
        fixture.add(CivilDate(2026, 9, 3), .contact(ContactLog(outcome: .noAnswer, channel: .phone)))
        fixture.add(
            CivilDate(2026, 9, 10),
            .contact(
                ContactLog(
                    outcome: .promised, channel: .phone, text: "経理部長",
                    promise: Promise(date: CivilDate(2026, 9, 30), amount: 330_000))))
        fixture.add(CivilDate(2026, 9, 30), .payment(amount: 130_000))
        fixture.add(CivilDate(2026, 10, 5), .contact(ContactLog(outcome: .wrongNumber, channel: .phone)))
        fixture.add(CivilDate(2026, 10, 6), .stageChanged(from: .phone, to: .email, reason: nil, court: nil))
        return fixture
    }

    /// The same case after the first email reminder went out.
    static func companyCaseAfterFirstEmail() -> CaseFixture {
        var fixture = companyCase()
        fixture.add(
            CivilDate(2026, 10, 7),
            .letterSent(kind: "email", reference: "<20261007093000.case42.ffff@kaishu-test.example>"))
        return fixture
    }

    /// A person with a long name and twelve invoices: the certified letter runs over pages.
    static func personCase() -> CaseFixture {
        var claims: [Claim] = []
        for month in 1...12 {
            let contract = CivilDate(2025, month, 10)
            claims.append(
                Claim(
                    invoice: "R25-\(month < 10 ? "0" : "")\(month)", contractDate: contract,
                    dueDate: contract.adding(months: 1), kind: .commercial,
                    amount: Money(yen: Int64(44_000 + month * 1_100))))
        }
        var fixture = CaseFixture(id: 7, debtor: person, opened: CivilDate(2026, 2, 1), claims: claims)
        fixture.add(CivilDate(2026, 3, 2), .stageChanged(from: .phone, to: .email, reason: nil, court: nil))
        fixture.add(CivilDate(2026, 3, 2), .letterSent(kind: "email", reference: nil))
        fixture.add(CivilDate(2026, 4, 1), .stageChanged(from: .email, to: .demandLetter, reason: nil, court: nil))
        fixture.add(CivilDate(2026, 4, 1), .letterSent(kind: "demand-letter", reference: nil))
        fixture.add(
            CivilDate(2026, 5, 7), .stageChanged(from: .demandLetter, to: .certifiedMail, reason: nil, court: nil))
        return fixture
    }

    static func desk(config: LetterConfig = Fixtures.config) throws -> LetterDesk {
        LetterDesk(config: config, templates: try LetterTemplates.load(userDirectory: nil))
    }
}

/// Golden files live in `Tests/KaishuLettersTests/Golden/`. Run with `KAISHU_UPDATE_GOLDEN=1`
/// to (re)write them after a deliberate template change, then review the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The golden text, or — when updating — writes `actual` and returns it.
    static func expected(_ name: String, actual: String) throws -> String {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KAISHU_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return actual
        }
        return try String(contentsOf: file, encoding: .utf8)
    }
}

/// A scratch folder removed when the test ends.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kaishu-letters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
