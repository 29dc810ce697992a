import Testing

@testable import KaishuCore

@Suite("Queue ranking")
struct QueueRankingTests {
    let today = CivilDate(2026, 11, 23)

    func tier(
        expiresIn days: Int? = nil, promise: Promise? = nil, next: CivilDate? = nil, hold: Bool = false
    ) -> QueueRanking.Tier {
        QueueRanking.tier(
            expires: days.map { today.adding(days: $0) }, promise: promise, nextAction: next, onHold: hold,
            today: today)
    }

    @Test("limitation within 30 days outranks within 90, which outranks everything else")
    func limitationTiers() {
        #expect(tier(expiresIn: 0) == .limitationCritical)
        #expect(tier(expiresIn: 30) == .limitationCritical)
        #expect(tier(expiresIn: 31) == .limitationNear)
        #expect(tier(expiresIn: 90) == .limitationNear)
        #expect(tier(expiresIn: 91) == .later)
        #expect(tier(expiresIn: 10, promise: Promise(date: today.adding(days: -3), amount: 1)) == .limitationCritical)
    }

    @Test("an expired claim gets no limitation tier")
    func expiredClaims() {
        #expect(tier(expiresIn: -1) == .later)
        #expect(tier(expiresIn: -1, next: today) == .actionDue)
    }

    @Test("a broken promise outranks a due action; a promise due today is not yet broken")
    func promises() {
        #expect(tier(promise: Promise(date: today.adding(days: -1), amount: 1), next: today) == .brokenPromise)
        #expect(tier(promise: Promise(date: today, amount: 1), next: today) == .actionDue)
        #expect(tier(next: today.adding(days: 1)) == .later)
    }

    @Test("a hold hides broken promises and due actions, never a near limitation")
    func holds() {
        #expect(tier(promise: Promise(date: today.adding(days: -1), amount: 1), hold: true) == .later)
        #expect(tier(next: today, hold: true) == .later)
        #expect(tier(expiresIn: 5, hold: true) == .limitationCritical)
    }

    @Test("within a tier: larger amount first, then longer overdue, then id")
    func withinTier() {
        func row(_ id: Int64, _ amount: Money, _ due: CivilDate?) -> QueueRow {
            QueueRow(
                id: id, debtorName: "x", debtorCode: "x", outstanding: amount, stage: .phone, expires: nil,
                oldestDue: due, nextAction: today, lastContact: nil, promise: nil, disputed: false,
                onHold: false, collector: nil, tier: .actionDue,
                cursor: QueueCursor(order: .urgency, key: [], id: id))
        }
        let rows = [
            row(4, 100, CivilDate(2025, 1, 1)), row(1, 900, CivilDate(2026, 1, 1)),
            row(3, 100, CivilDate(2024, 1, 1)), row(2, 100, CivilDate(2024, 1, 1)),
        ]
        #expect(rows.sorted(by: QueueRanking.precedes).map(\.id) == [1, 2, 3, 4])
    }
}
