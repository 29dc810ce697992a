import Testing

@testable import KaishuCore

@Suite("Procedural deadlines (民事訴訟法95条) and the payment order's timeline")
struct DeadlineProcedureTests {
    let court = CourtCalendar.japan

    @Test("a 2-week period counts from the day after service and ends on the same weekday")
    func twoWeeks() {
        let deadline = court.deadline(after: CivilDate(2027, 6, 1), weeks: 2)
        #expect(deadline.firstDay == CivilDate(2027, 6, 2))
        #expect(deadline.rawEnd == CivilDate(2027, 6, 15))
        #expect(deadline.lastDay == CivilDate(2027, 6, 15))
        #expect(!deadline.isMoved)
    }

    @Test("an end on a Saturday moves to Monday: served 2027-06-05 → 2027-06-21")
    func saturday() {
        let deadline = court.deadline(after: CivilDate(2027, 6, 5), weeks: 2)
        #expect(deadline.rawEnd == CivilDate(2027, 6, 19))
        #expect(deadline.lastDay == CivilDate(2027, 6, 21))
        #expect(deadline.skipped.map(\.name) == ["土曜日", "日曜日"])
    }

    @Test("an end on a holiday moves past Golden Week: served 2027-04-21 → 2027-05-06")
    func goldenWeek() {
        let deadline = court.deadline(after: CivilDate(2027, 4, 21), weeks: 2)
        #expect(deadline.rawEnd == CivilDate(2027, 5, 5))
        #expect(deadline.lastDay == CivilDate(2027, 5, 6))
        #expect(deadline.skipped == [Holiday(date: CivilDate(2027, 5, 5), name: "こどもの日")])
    }

    @Test("29–31 December and 2–3 January are closed even on weekdays")
    func yearEnd() {
        let fromDecember = court.deadline(after: CivilDate(2026, 12, 15), weeks: 2)
        #expect(fromDecember.rawEnd == CivilDate(2026, 12, 29))
        #expect(fromDecember.lastDay == CivilDate(2027, 1, 4))
        let intoJanuary = court.deadline(after: CivilDate(2024, 12, 19), weeks: 2)
        #expect(intoJanuary.rawEnd == CivilDate(2025, 1, 2))  // a Thursday
        #expect(intoJanuary.lastDay == CivilDate(2025, 1, 6))
        #expect(court.closedReason(CivilDate(2025, 1, 3)) == "年始（1月2日・3日）")
        #expect(court.closedReason(CivilDate(2025, 12, 29)) == "年末（12月29日〜31日）")
    }

    @Test("the court's closed days ignore the company calendar")
    func independentOfCompany() {
        // お盆 is no court holiday, whatever the company does.
        #expect(!court.isClosed(CivilDate(2027, 8, 13)))
        #expect(
            court.deadline(after: CivilDate(2027, 7, 30), weeks: 2).lastDay
                == CivilDate(2027, 8, 13))
    }

    @Test("payment order: served 2027-06-01 → objection to 06-15, apply 06-16 to 07-15 (392条)")
    func paymentOrderExample() {
        let timeline = PaymentOrderTimeline(served: CivilDate(2027, 6, 1))
        #expect(timeline.objection.lastDay == CivilDate(2027, 6, 15))
        #expect(timeline.provisionalExecutionFrom == CivilDate(2027, 6, 16))
        #expect(timeline.provisionalExecution.lastDay == CivilDate(2027, 7, 15))
        #expect(timeline.finalOn == nil)
    }

    @Test("the 30-day window starts after a moved objection end and is moved itself")
    func movedWindow() {
        let timeline = PaymentOrderTimeline(served: CivilDate(2027, 4, 21))
        #expect(timeline.objection.lastDay == CivilDate(2027, 5, 6))
        #expect(timeline.provisionalExecutionFrom == CivilDate(2027, 5, 7))
        #expect(timeline.provisionalExecution.rawEnd == CivilDate(2027, 6, 5))  // Saturday
        #expect(timeline.provisionalExecution.lastDay == CivilDate(2027, 6, 7))
    }

    @Test("the declared order gives 2 more weeks (393条) and is final the day after (396条)")
    func declaration() {
        let timeline = PaymentOrderTimeline(
            served: CivilDate(2027, 6, 1), provisionalExecutionApplied: CivilDate(2027, 6, 20),
            declarationServed: CivilDate(2027, 7, 20))
        #expect(timeline.declarationObjection?.lastDay == CivilDate(2027, 8, 3))
        #expect(timeline.finalOn == CivilDate(2027, 8, 4))
    }

    @Test("alerts: running objection, a warning before the window closes, then the lapse")
    func alerts() {
        let timeline = PaymentOrderTimeline(served: CivilDate(2027, 6, 1))
        let early = timeline.alerts(today: CivilDate(2027, 6, 10))
        #expect(early.map(\.level) == [.info])
        #expect(early.first?.date == CivilDate(2027, 6, 15))
        #expect(timeline.alerts(today: CivilDate(2027, 7, 1)).first?.level == .info)
        let near = timeline.alerts(today: CivilDate(2027, 7, 10))
        #expect(near.first?.level == .warning)
        #expect(near.first?.daysLeft == 5)
        #expect(near.first?.message.contains("392条") == true)
        let lapsed = timeline.alerts(today: CivilDate(2027, 7, 16))
        #expect(lapsed.first?.level == .lapsed)
        let applied = PaymentOrderTimeline(
            served: CivilDate(2027, 6, 1), provisionalExecutionApplied: CivilDate(2027, 7, 1))
        #expect(applied.alerts(today: CivilDate(2027, 7, 16)).first?.level == .info)
        let declared = PaymentOrderTimeline(
            served: CivilDate(2027, 6, 1), provisionalExecutionApplied: CivilDate(2027, 7, 1),
            declarationServed: CivilDate(2027, 7, 20))
        #expect(
            declared.alerts(today: CivilDate(2027, 8, 10)).first?.message.contains("396条") == true)
    }

    @Test("small claims: up to 600,000 yen of principal (民訴法368条)")
    func smallClaimsLimit() {
        #expect(SmallClaims.check(principal: 600_000, priorUsesThisYear: 0).allowed)
        let over = SmallClaims.check(principal: 600_001, priorUsesThisYear: 0)
        #expect(!over.allowed)
        #expect(over.reasons.first?.contains("368条") == true)
        #expect(!SmallClaims.check(principal: 0, priorUsesThisYear: 0).allowed)
    }

    @Test("small claims: the 11th use at the same court in a calendar year is refused (規則223条)")
    func smallClaimsCount() {
        let tenth = SmallClaims.check(principal: 100_000, priorUsesThisYear: 9)
        #expect(tenth.allowed)
        #expect(tenth.usesLeftAfterThis == 0)
        let eleventh = SmallClaims.check(principal: 100_000, priorUsesThisYear: 10)
        #expect(!eleventh.allowed)
        #expect(eleventh.reasons.first?.contains("223条") == true)
        let filings =
            (1...10).map { SmallClaimsFiling(court: "東京簡易裁判所", filed: CivilDate(2027, $0, 1)) } + [
                SmallClaimsFiling(court: "東京 簡易裁判所", filed: CivilDate(2027, 11, 1)),
                SmallClaimsFiling(court: "大阪簡易裁判所", filed: CivilDate(2027, 11, 1)),
                SmallClaimsFiling(court: "東京簡易裁判所", filed: CivilDate(2026, 12, 28)),
            ]
        #expect(SmallClaims.priorUses(at: "東京簡易裁判所", in: 2027, filings: filings) == 11)
        #expect(SmallClaims.priorUses(at: "大阪簡易裁判所", in: 2027, filings: filings) == 1)
        #expect(SmallClaims.priorUses(at: "東京簡易裁判所", in: 2028, filings: filings) == 0)
    }

    @Test("representation: a judicial scrivener up to 1,400,000 yen, above it a lawyer")
    func representation() {
        #expect(Representation.hint(claimValue: 1_400_000).scrivenerMayRepresent)
        let above = Representation.hint(claimValue: 1_400_001)
        #expect(!above.scrivenerMayRepresent)
        #expect(above.text.contains("司法書士法3条"))
    }
}
