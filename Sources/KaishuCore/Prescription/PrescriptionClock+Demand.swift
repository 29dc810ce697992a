/// Postponement by demand (催告, LEGAL.md §5).
extension PrescriptionClock {
    /// 民法150条1項: after a demand reaches the debtor, prescription does not complete until six
    /// months have passed — counted from the next day (民法140条), so a demand delivered
    /// 2027-03-01 keeps the claim alive to the end of 2027-09-01. It matters only where the
    /// period would otherwise end within those six months.
    ///
    /// No effect when: a proceeding is pending (already postponed); the claim had completed;
    /// it comes while an earlier demand's six months run (民法150条2項); it comes while an
    /// agreement to negotiate postpones completion (民法151条3項後段).
    ///
    /// Unsettled, and Kaishu takes the earlier date: several demands made before the period's
    /// own last day — the settled reading counts only the first; 高松高判令和7年4月18日 lets
    /// the last count (named as an `OtherReading`). A demand during the six months after a
    /// proceeding ended (民法147条1項括弧書): the Code is silent; Kaishu gives it no effect,
    /// as case law did for demands after a suit that acted as a demand (最判平成25年6月6日).
    ///
    /// Before 2020-04-01 on an old-law claim (旧民法153条): a demand interrupted prescription
    /// only if a suit, payment order, mediation, attachment or the like followed within six
    /// months. Kaishu keeps the claim alive to the end of those six months for such a step
    /// only; a repeated demand inside them had no effect either (最判平成25年6月6日).
    mutating func demand(on date: CivilDate) {
        let label = LegalFact.demand(date).label
        let oldRules = underOldRules(date)
        let sixMonths = Prescription.lastDay(ofMonths: 6, after: date)

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
        if let prior = demand, prior.covers(date) {
            basis.add(
                "\(label) \(date): no effect — made while completion was postponed by the demand of \(prior.from), whose six months end on \(prior.until) (\(oldRules ? "旧民法153条; 最判平成25年6月6日" : "民法150条2項"))"
            )
            if !oldRules, date <= periodEnd, let current = expires, sixMonths > current {
                basis.add(
                    "both demands came before the period's own last day \(periodEnd): one high court lets the last of such demands count (高松高判令和7年4月18日), which would give \(sixMonths); Kaishu takes the earlier date, counting only the first"
                )
                addReading(
                    sixMonths,
                    "高松高判令和7年4月18日: of several demands made before the period's own last day, the last counts")
            }
            return
        }
        if let agreement, agreement.covers(date) {
            basis.add(
                "\(label) \(date): no effect — made while completion was postponed by the agreement to negotiate of \(agreement.from), to \(agreement.until) (民法151条3項)"
            )
            return
        }
        if let after = afterProceeding, after.covers(date) {
            basis.add(
                "\(label) \(date): no effect — made in the six months after the proceeding ended on \(after.from); the Code does not say whether such a demand postpones again, and Kaishu takes the earlier date (cf. 民法150条2項; 最判平成25年6月6日)"
            )
            if let current = expires, sixMonths > current {
                addReading(sixMonths, "a demand in the six months after a proceeding ended postpones completion again")
            }
            return
        }

        noteStricterReadings(at: date)
        let before = lastAliveDay(forSuit: true)
        demand = Postponement(from: date, until: sixMonths, needsSuit: oldRules)
        guard sixMonths > before else {
            basis.add(
                "\(label) \(date): its six months end on \(sixMonths), before the last day \(before) — no change (\(oldRules ? "旧民法153条" : "民法150条1項"))"
            )
            return
        }
        dropSupersededReadings()
        if oldRules {
            basis.add(
                "\(label) \(date): a suit, payment order, mediation or attachment filed by \(sixMonths) interrupts prescription; until then the claim is kept alive for that step only (旧民法153条; 改正法附則10条2項)"
            )
        } else {
            basis.add(
                "\(label) \(date): completion postponed to \(sixMonths), six months after the demand reached the debtor (民法150条1項, 140条, 143条2項)"
            )
        }
    }
}
