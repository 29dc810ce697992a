/// The prescription (消滅時効) engine: the last day a receivable survives, and why.
///
/// Read it beside LEGAL.md §1–§5 and the Civil Code. `compute` applies the rules in the order a
/// claim meets them, and every rule it applies leaves one line in `Limitation.basis`, with its
/// article:
///
/// 1. which law governs — the contract date against 2020-04-01 (改正法附則10条1項・4項);
/// 2. when counting starts — the day after the due date, or after the contract date when no due
///    date was agreed (民法140条);
/// 3. how long — new law: the earlier of 5 years from when the creditor knew it could claim and
///    10 years from when it could (民法166条1項); old law: by kind of claim (`OldLawPeriod`);
///    the end by the calendar (民法143条2項, `lastDay(ofYears:startingOn:)`);
/// 4. each legal fact in date order — renewal (更新: acknowledgment, payment, judgment) and
///    postponement of completion (完成猶予: demand, agreement to negotiate, court proceedings),
///    events before 2020-04-01 on old-law claims with the old law's effects (附則10条2項).
///
/// Where the law is unsettled Kaishu takes the earlier (safer) date, says so in the basis, and
/// names the other reading's date in `Limitation.otherReadings`. The holiday extension of
/// 民法142条 is not applied to prescription (大阪地判昭和48年9月4日).
public enum Prescription {
    /// The limitation of one claim given its terms and the legal facts recorded against it.
    ///
    /// - Parameters:
    ///   - terms: contract date, due date (or none), when the creditor learned it could claim
    ///     (default: when it could), and the kind of claim (old law only).
    ///   - facts: acknowledgments, payments, demands, agreements, refusals and court events, in
    ///     any order; they are applied in date order, same-day facts in the order given.
    ///   - holidays: national holidays, used only to show where 民法142条 *would* move a last
    ///     day that Kaishu does not move. Without it, weekends and 29 Dec–3 Jan are shown.
    ///   - explained: `false` leaves `basis` empty and skips building its text — for bulk work
    ///     (ranking a large queue) that needs only the dates; everything else is the same.
    public static func compute(
        _ terms: ClaimTerms, facts: [LegalFact], holidays: (any HolidayCalendar)? = nil,
        explained: Bool = true
    ) -> Limitation {
        let law = governingLaw(of: terms)
        let exercisable = terms.dueDate ?? terms.contractDate
        let start = exercisable.adding(days: 1)

        var basis = PrescriptionBasis(enabled: explained)
        basis.add(lawLine(terms, law))
        basis.add(startLine(terms, start))
        let period = firstPeriod(terms, law: law, start: start, basis: &basis)

        var clock = PrescriptionClock(
            law: law, renewal: period.renewal, periodEnd: period.lastDay, basis: basis)
        for fact in inDateOrder(facts) {
            guard fact.date >= exercisable else {
                clock.basis.add(
                    "\(fact.label) \(fact.date): before the claim could be exercised (\(exercisable)) — no effect on the period"
                )
                continue
            }
            clock.apply(fact)
        }
        clock.conclude(holidays: holidays)

        return Limitation(
            law: law, start: start, expires: clock.expires, basis: clock.basis.lines,
            acknowledgedAfterCompletion: clock.acknowledgedAfterCompletion,
            otherReadings: clock.otherReadings)
    }

    /// Old law for claims whose cause, the contract, was made before 2020-04-01 — even when
    /// the claim itself arises (falls due) later (改正法附則10条1項括弧書・4項).
    public static func governingLaw(of terms: ClaimTerms) -> GoverningLaw {
        terms.contractDate < reformDate ? .old : .new
    }

    /// The facts sorted by date; facts of the same day keep the order they were given in.
    static func inDateOrder(_ facts: [LegalFact]) -> [LegalFact] {
        facts.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    // MARK: - The first period (LEGAL.md §1–§3)

    static func lawLine(_ terms: ClaimTerms, _ law: GoverningLaw) -> String {
        let contract = terms.contractDate
        switch law {
        case .new:
            return "new law: contract \(contract) is on/after \(reformDate) (改正法附則10条1項・4項)"
        case .old:
            var line = "old law: contract \(contract) was made before \(reformDate) (改正法附則10条1項・4項)"
            if let due = terms.dueDate, due >= reformDate {
                line += "; the due date \(due) does not change that — the contract date decides"
            }
            return line
        }
    }

    static func startLine(_ terms: ClaimTerms, _ start: CivilDate) -> String {
        if let due = terms.dueDate {
            var line = "start \(start): the day after the due date \(due) (民法140条)"
            if due < terms.contractDate {
                line += "; note: the due date is before the contract date \(terms.contractDate) — check the dates"
            }
            return line
        }
        return
            "start \(start): no due date was agreed, so the claim could be demanded from the contract date \(terms.contractDate); counting starts the next day (民法140条)"
    }

    /// The last day of the period the claim starts with, and the length a renewal restarts.
    static func firstPeriod(
        _ terms: ClaimTerms, law: GoverningLaw, start: CivilDate, basis: inout PrescriptionBasis
    ) -> (lastDay: CivilDate, renewal: PrescriptionClock.Length) {
        let exercisable = terms.dueDate ?? terms.contractDate
        switch law {
        case .old:
            let period = terms.kind.oldLawPeriod
            let last = lastDay(ofYears: period.years, startingOn: start)
            basis.add(
                "old-law period for '\(terms.kind.rawValue)' (\(period.claims)): \(period.years) \(years(period.years)) → last day \(last) (\(period.article), 民法143条2項)"
            )
            if let known = terms.knownDate, known != exercisable {
                basis.add(
                    "the date the creditor learned of the claim (\(known)) does not matter under the old law: the period runs from when the right could be exercised (旧民法166条1項)"
                )
            }
            let renewal = PrescriptionClock.Length(
                years: period.years, note: "the old-law length is kept",
                articles: [period.article, "改正法附則10条4項"])
            return (last, renewal)

        case .new:
            let objective = lastDay(ofYears: 10, startingOn: start)
            let knownDay: CivilDate
            if let known = terms.knownDate, known > exercisable {
                knownDay = known
                let subjective = lastDay(ofYears: 5, after: known)
                basis.add(
                    "5 years from the day after the creditor learned it could claim (\(known)) → last day \(subjective) (民法166条1項1号, 140条, 143条2項)"
                )
            } else {
                knownDay = exercisable
                if let known = terms.knownDate, known < exercisable {
                    basis.add(
                        "the creditor cannot know it can claim (\(known)) before it can (\(exercisable)): the 5 years run from the latter (民法166条1項1号)"
                    )
                }
                let taken = terms.dueDate == nil ? "the contract date" : "the due date"
                basis.add(
                    "5 years from when the creditor knew it could claim (taken as \(taken) \(exercisable)) → last day \(lastDay(ofYears: 5, after: exercisable)) (民法166条1項1号, 143条2項)"
                )
            }
            let subjective = lastDay(ofYears: 5, after: knownDay)
            let last = min(subjective, objective)
            let governs =
                subjective <= objective ? "the 5-year date governs" : "the 10-year date is earlier and governs"
            basis.add(
                "10 years from when the right could be exercised → last day \(objective) (民法166条1項2号, 143条2項): \(governs)"
            )
            if terms.kind != .commercial && terms.kind != .civil {
                basis.add(
                    "kind '\(terms.kind.rawValue)': the old short periods (旧民法170条–174条) do not apply to claims under the new law"
                )
            }
            let renewal = PrescriptionClock.Length(
                years: 5, note: "the creditor knows of its claim when the period restarts",
                articles: ["民法166条1項1号"])
            return (last, renewal)
        }
    }

    static func years(_ count: Int) -> String { count == 1 ? "year" : "years" }
}

extension LegalFact {
    /// How the basis names the fact.
    var label: String {
        switch self {
        case .acknowledgment: "acknowledgment"
        case .payment: "partial payment"
        case .demand: "demand delivered"
        case .agreement: "agreement to negotiate in writing"
        case .refusal: "written refusal to negotiate"
        case .filed: "court proceeding filed"
        case .judgment: "judgment or equivalent final"
        case .withdrawn: "court proceeding ended without judgment"
        }
    }
}
