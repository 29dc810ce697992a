@testable import KaishuCore

/// No public holidays: weekends and the year-end closure only. Tests that need the real
/// Japanese calendar use `JapaneseHolidays`.
struct NoHolidays: HolidayCalendar {
    func holidayName(on date: CivilDate) -> String? { nil }
}

let plainCalendar = BusinessCalendar(holidays: NoHolidays())

/// Builds a case history event by event, the way a store would, and folds it.
struct CaseBuilder {
    var file: CaseFile
    var nextSeq: Int64 = 1

    init(debtor: Debtor = CaseBuilder.defaultDebtor, opened: CivilDate, claims: [Claim]) {
        file = CaseFile(id: 1, debtor: debtor, collector: "sato", events: [])
        record(EventDraft(date: opened, fact: .opened(source: "test")))
        for claim in claims { record(EventDraft(date: opened, fact: .claimAdded(claim))) }
    }

    static let defaultDebtor = Debtor(
        code: "C001", name: "株式会社山田商事", kana: "ヤマダショウジ", phones: ["03-1234-5678"],
        email: "keiri@yamada.example", postalCode: "100-0001", address: "東京都千代田区千代田1-1")

    var state: CaseState { CaseState(file: file, calendar: plainCalendar) }

    mutating func record(_ draft: EventDraft) {
        file.events.append(
            CaseEvent(
                seq: nextSeq, caseID: file.id, date: draft.date, recordedAt: "2026-11-23T10:00:00+09:00",
                actor: "test", fact: draft.fact, hash: ""))
        nextSeq += 1
    }

    /// Runs an action through the workflow and records what it decides.
    @discardableResult
    mutating func perform(_ action: CaseAction, today: CivilDate) throws -> [EventDraft] {
        let drafts = try action.decide(state, today: today)
        drafts.forEach { record($0) }
        return drafts
    }
}

func claim(
    _ invoice: String = "INV-1", contract: CivilDate, due: CivilDate?, amount: Money = 500_000,
    kind: ClaimKind = .commercial
) -> Claim {
    Claim(invoice: invoice, contractDate: contract, dueDate: due, kind: kind, amount: amount)
}
