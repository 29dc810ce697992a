/// One claim's limitation clock while `Prescription.compute` walks its facts in date order.
///
/// The state is what the Code makes it: the running period's last day (`periodEnd`, when
/// prescription would complete with no postponement), the postponements of completion
/// (完成猶予) still running, and whether a court proceeding is pending. `expires` is the
/// latest of the period's end and the running postponements; nothing while a proceeding is
/// pending. Each fact's rule lives in an extension named for it (`+Renewal`, `+Demand`,
/// `+Agreement`, `+Proceedings`) and appends one line to `basis` saying what it did and why.
struct PrescriptionClock {
    /// How long a period restarted by renewal runs, and the articles that say so.
    struct Length {
        var years: Int
        var note: String
        var articles: [String]
    }

    /// A postponement of completion running from an event to the end of `until`.
    struct Postponement {
        var from: CivilDate
        var until: CivilDate
        /// An old-law demand (旧民法153条): it keeps the claim alive only for a suit or another
        /// step of that article filed by `until`, not for an acknowledgment or a new demand.
        var needsSuit = false

        func covers(_ date: CivilDate) -> Bool { from <= date && date <= until }
    }

    /// A court proceeding that is pending.
    struct Proceeding {
        var filed: CivilDate
        /// Filed before 2020-04-01 on an old-law claim: an interruption under the old law,
        /// whose effects — also when it ends — follow the old law (改正法附則10条2項).
        var underOldRules: Bool
    }

    let law: GoverningLaw
    /// The length a renewal restarts: 5 years under the new law, the old length for old-law
    /// claims, 10 years once a judgment has confirmed the right.
    var renewal: Length
    /// The last day of the running period: when prescription completes if nothing postpones it.
    var periodEnd: CivilDate
    /// The last demand that took effect (a later one inside its six months has none).
    var demand: Postponement?
    /// The agreement to negotiate whose postponement is running (renewals extend it).
    var agreement: Postponement?
    /// The six months after a proceeding ended without confirming the right (民法147条1項括弧書).
    var afterProceeding: Postponement?
    var proceeding: Proceeding?
    var acknowledgedAfterCompletion = false
    var otherReadings: [Limitation.OtherReading] = []
    var basis: PrescriptionBasis

    init(law: GoverningLaw, renewal: Length, periodEnd: CivilDate, basis: PrescriptionBasis) {
        self.law = law
        self.renewal = renewal
        self.periodEnd = periodEnd
        self.basis = basis
    }

    /// The last day the claim survives: `nil` while a proceeding is pending.
    var expires: CivilDate? {
        proceeding == nil ? lastAliveDay(forSuit: true) : nil
    }

    /// The last day of the period or of a running postponement. An old-law demand counts only
    /// when the question is whether a suit is still in time (旧民法153条).
    func lastAliveDay(forSuit: Bool) -> CivilDate {
        [demand, agreement, afterProceeding].compactMap { $0 }
            .filter { forSuit || !$0.needsSuit }
            .reduce(periodEnd) { max($0, $1.until) }
    }

    /// When prescription had completed before an event on `date`: the day it completed at the
    /// end of. `nil` when the claim was still alive (always while a proceeding is pending).
    func completion(before date: CivilDate, forSuit: Bool = false) -> CivilDate? {
        guard proceeding == nil else { return nil }
        let last = lastAliveDay(forSuit: forSuit)
        return date > last ? last : nil
    }

    /// Whether the event's effect follows the old law: an old-law claim and an event before
    /// 2020-04-01 (改正法附則10条2項). Later events follow the new rules even for old-law claims.
    func underOldRules(_ date: CivilDate) -> Bool {
        law == .old && date < Prescription.reformDate
    }

    mutating func apply(_ fact: LegalFact) {
        switch fact {
        case .acknowledgment(let date): acknowledge(on: date, as: fact.label)
        case .payment(let date): acknowledge(on: date, as: fact.label)
        case .demand(let date): demand(on: date)
        case .agreement(let date, let until): agree(on: date, until: until)
        case .refusal(let date): refuse(on: date)
        case .filed(let date): file(on: date)
        case .judgment(let date): judgment(on: date)
        case .withdrawn(let date): proceedingEnded(on: date)
        }
    }

    // MARK: - Readings

    /// Records the last day under a reading Kaishu does not take.
    mutating func addReading(_ expires: CivilDate, _ reading: String) {
        otherReadings.append(Limitation.OtherReading(expires: expires, reading: reading))
    }

    /// After `expires` moved: readings at or before it no longer describe a different outcome.
    mutating func dropSupersededReadings() {
        guard let expires else { return }
        otherReadings.removeAll { $0.expires <= expires }
    }

    /// An event that came too late on Kaishu's reading may have been in time on another.
    mutating func noteOtherReadings(at date: CivilDate) {
        for reading in otherReadings where reading.expires >= date {
            basis.add(
                "on the other reading (\(reading.reading)) the claim was still alive on \(date), its last day being \(reading.expires)"
            )
        }
    }

    /// An event in time on Kaishu's reading may have come too late on a stricter one.
    mutating func noteStricterReadings(at date: CivilDate) {
        for reading in otherReadings where reading.expires < date {
            basis.add(
                "on the stricter reading (\(reading.reading)) prescription had completed at the end of \(reading.expires), before \(date)"
            )
        }
    }

    // MARK: - Conclusion

    /// The closing lines: the result, what the debtor must still do, and the holiday rule.
    mutating func conclude(holidays: (any HolidayCalendar)?) {
        if let proceeding {
            let rule =
                proceeding.underOldRules
                ? "interrupted (旧民法147条1号; 改正法附則10条2項)" : "postponed (民法147条1項)"
            basis.add(
                "no expiry date while the court proceeding filed \(proceeding.filed) is pending: prescription stays \(rule) until it ends"
            )
            return
        }
        let last = lastAliveDay(forSuit: true)
        otherReadings.removeAll { $0.expires == last }
        if acknowledgedAfterCompletion {
            let completed = lastAliveDay(forSuit: false)
            let unless =
                completed < last ? " unless a suit or another step of 旧民法153条 was filed by \(last)" : ""
            basis.add(
                "expired — collectable only if the debtor does not invoke prescription (民法145条): it completed at the end of \(completed)\(unless), and a debtor who acknowledged the debt afterwards generally may no longer invoke it (最判昭和41年4月20日)"
            )
        } else {
            basis.add(
                "last day \(last): prescription completes at the end of that day; the claim is then extinguished only if the debtor invokes prescription (民法145条)"
            )
        }
        noteHolidayRule(for: last, holidays: holidays)
    }

    /// 民法142条 moves the end of a period off a Sunday or holiday where business is not done
    /// that day; prevailing practice does not apply it to prescription (大阪地判昭和48年9月4日,
    /// no Supreme Court ruling), so Kaishu keeps the date and shows where it would move.
    mutating func noteHolidayRule(for last: CivilDate, holidays: (any HolidayCalendar)?) {
        guard let name = PrescriptionClock.dayOff(last, holidays: holidays) else {
            basis.add("no holiday extension: 民法142条 is not applied to prescription (大阪地判昭和48年9月4日)")
            return
        }
        var moved = last.adding(days: 1)
        while PrescriptionClock.dayOff(moved, holidays: holidays) != nil { moved = moved.adding(days: 1) }
        addReading(moved, "民法142条 applied to prescription: a last day on a day off moves to the next working day")
        basis.add(
            "the last day \(last) is \(name): 民法142条 would move it to \(moved), but Kaishu does not apply it to prescription (大阪地判昭和48年9月4日): courts are closed that day, so act by the working day before"
        )
    }

    /// What makes `date` a day off for the holiday note, or `nil` on a working day.
    static func dayOff(_ date: CivilDate, holidays: (any HolidayCalendar)?) -> String? {
        if let holiday = holidays?.holidayName(on: date) { return "a national holiday (\(holiday))" }
        if date.weekday == 0 { return "a Sunday" }
        if date.weekday == 6 { return "a Saturday" }
        if (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3) {
            return "a year-end holiday"
        }
        return nil
    }

    /// Joins citations, dropping a repeated code name: "民法152条1項, 140条, 143条2項".
    static func articles(_ list: [String]) -> String {
        var previousCode: String?
        return list.map { citation in
            let code = ["旧民法", "民法", "旧商法"].first { citation.hasPrefix($0) }
            defer { previousCode = code }
            if let code, code == previousCode { return String(citation.dropFirst(code.count)) }
            return citation
        }.joined(separator: ", ")
    }
}
