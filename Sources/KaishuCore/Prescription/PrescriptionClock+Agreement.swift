/// Postponement by a written agreement to negotiate (協議を行う旨の合意, LEGAL.md §5).
extension PrescriptionClock {
    /// 民法151条1項: prescription does not complete until the earliest of
    /// 1. one year after the agreement (1号),
    /// 2. the end of a shorter negotiation period the parties agreed (2号),
    /// 3. six months after either side's written refusal to go on negotiating (3号, `refuse`).
    ///
    /// An agreement made while that postponement runs renews it (民法151条2項), but never
    /// beyond five years after the day prescription would have completed without any
    /// postponement (同項ただし書). An agreement made while a demand postpones completion has
    /// no effect (民法151条3項前段). Agreements made before 2020-04-01 have none either
    /// (改正法附則10条3項).
    ///
    /// `until` is the last day of the agreed negotiation period. The six months after a
    /// proceeding ended are treated like a demand's: an agreement made in them is given no
    /// effect, the earlier date (the Code is silent), with the other date named.
    mutating func agree(on date: CivilDate, until agreed: CivilDate?) {
        let label = LegalFact.agreement(date, until: agreed).label
        if date < Prescription.reformDate {
            basis.add(
                "\(label) \(date): no effect — 民法151条 does not apply to agreements made before \(Prescription.reformDate) (改正法附則10条3項)"
            )
            return
        }
        if let proceeding {
            basis.add(
                "\(label) \(date): no further effect — completion is already postponed while the proceeding filed \(proceeding.filed) is pending"
            )
            return
        }
        if let completed = completion(before: date) {
            basis.add(
                "\(label) \(date): no effect — prescription had already completed at the end of \(completed)")
            noteOtherReadings(at: date)
            return
        }

        var end = Prescription.lastDay(ofMonths: 12, after: date)
        var why = "one year after the agreement (民法151条1項1号)"
        if let agreed {
            if agreed < date {
                why += "; the agreed end \(agreed) is before the agreement and is disregarded"
            } else if agreed < end {
                end = agreed
                why = "the end of the agreed negotiation period, shorter than one year (民法151条1項2号)"
            } else {
                why += "; the agreed period to \(agreed) is not shorter than one year (民法151条1項2号)"
            }
        }

        if let demand, demand.covers(date) {
            basis.add(
                "\(label) \(date): no effect — made while completion was postponed by the demand of \(demand.from), to \(demand.until) (民法151条3項)"
            )
            if date <= periodEnd, let current = expires, end > current {
                basis.add(
                    "the agreement came before the period's own last day \(periodEnd); on the reading that a demand postpones only from that day (cf. 高松高判令和7年4月18日) it would postpone completion to \(end); Kaishu takes the earlier date"
                )
                addReading(
                    end, "a demand's postponement runs only after the period's own last day, so the agreement counts")
            }
            return
        }
        if let after = afterProceeding, after.covers(date) {
            basis.add(
                "\(label) \(date): no effect — made in the six months after the proceeding ended on \(after.from); the Code does not say whether it postpones again, and Kaishu takes the earlier date (cf. 民法151条3項)"
            )
            if let current = expires, end > current {
                addReading(end, "an agreement in the six months after a proceeding ended postpones completion")
            }
            return
        }

        noteStricterReadings(at: date)
        let renewing = agreement.map { $0.covers(date) } ?? false
        let cap = Prescription.lastDay(ofYears: 5, after: periodEnd)
        if end > cap {
            end = cap
            why =
                "capped at five years after \(periodEnd), when prescription would have completed without postponement (民法151条2項ただし書)"
        }
        let before = lastAliveDay(forSuit: true)
        if renewing, let running = agreement {
            agreement = Postponement(from: running.from, until: max(running.until, end))
        } else {
            agreement = Postponement(from: date, until: end)
        }
        let what = renewing ? "\(label) \(date), made while the previous one postponed completion" : "\(label) \(date)"
        let article = renewing ? "民法151条2項" : "民法151条1項"
        guard end > before else {
            basis.add(
                "\(what): its postponement to \(end) ends before the last day \(before) — no change (\(article))")
            return
        }
        dropSupersededReadings()
        let renewal = renewing ? "; a renewed agreement counts (民法151条2項)" : ""
        basis.add("\(what): completion postponed to \(end) — \(why)\(renewal)")
    }

    /// 民法151条1項3号: a written notice refusing to go on negotiating (email counts) ends the
    /// agreement's postponement six months after the notice, if that comes before its other end.
    mutating func refuse(on date: CivilDate) {
        let label = LegalFact.refusal(date).label
        guard let running = agreement, running.covers(date) else {
            basis.add(
                "\(label) \(date): no effect — no agreement to negotiate was postponing completion (民法151条1項3号)")
            return
        }
        if let proceeding {
            basis.add(
                "\(label) \(date): no effect while the proceeding filed \(proceeding.filed) is pending")
            return
        }
        let sixMonths = Prescription.lastDay(ofMonths: 6, after: date)
        guard sixMonths < running.until else {
            basis.add(
                "\(label) \(date): its six months end on \(sixMonths), not before the agreement's postponement ends on \(running.until) — no change (民法151条1項3号)"
            )
            return
        }
        agreement?.until = sixMonths
        let now = lastAliveDay(forSuit: true)
        basis.add(
            "\(label) \(date): the agreement's postponement now ends on \(sixMonths), six months after the refusal (民法151条1項3号) — last day \(now)"
        )
    }
}
