/// Court proceedings (LEGAL.md §5): a suit, payment order (支払督促), settlement or mediation
/// petition, or participation in insolvency proceedings.
extension PrescriptionClock {
    /// 民法147条1項: completion is postponed while the proceeding runs — no expiry date. It
    /// ends either with the right confirmed (`judgment`, a renewal) or otherwise
    /// (`proceedingEnded`). Filed after completion it postpones nothing: the debtor can invoke
    /// prescription in it.
    ///
    /// Before 2020-04-01 on an old-law claim the filing interrupted prescription
    /// (旧民法147条1号), and that interruption's effects follow the old law even when the
    /// proceeding ends later (改正法附則10条2項). Filed within six months of an old-law demand,
    /// it is the step 旧民法153条 required.
    mutating func file(on date: CivilDate) {
        let label = LegalFact.filed(date).label
        if let proceeding {
            basis.add(
                "\(label) \(date): a proceeding filed \(proceeding.filed) is already pending — no further effect")
            return
        }
        if let completed = completion(before: date, forSuit: true) {
            basis.add(
                "\(label) \(date): after prescription completed at the end of \(completed) — nothing to postpone; the debtor can invoke prescription in the proceeding (民法145条)"
            )
            noteOtherReadings(at: date)
            return
        }
        noteStricterReadings(at: date)
        let oldDemand = demand.flatMap { $0.needsSuit && $0.covers(date) && date > periodEnd ? $0 : nil }
        let oldRules = underOldRules(date)
        proceeding = Proceeding(filed: date, underOldRules: oldRules)
        otherReadings = []
        acknowledgedAfterCompletion = false
        if oldRules {
            basis.add(
                "\(label) \(date): prescription interrupted while the proceeding is pending; it runs again from the day after a judgment becomes final (旧民法147条1号, 157条2項; 改正法附則10条2項)"
            )
        } else {
            basis.add(
                "\(label) \(date): completion postponed while the proceeding is pending — no expiry date until it ends (民法147条1項)"
            )
        }
        if let oldDemand {
            basis.add(
                "filed within six months of the demand of \(oldDemand.from), as 旧民法153条 requires: the claim is saved")
        }
    }

    /// The proceeding ended without the right being confirmed — withdrawn, dismissed without a
    /// ruling on the right, a payment order lapsed (民訴法392条): completion is postponed until
    /// six months after it ended (民法147条1項括弧書), counted from the next day.
    ///
    /// An old-law proceeding (filed before 2020-04-01 on an old-law claim) withdrawn or
    /// dismissed did not interrupt prescription at all (旧民法149条). Case law treated a suit
    /// as a demand lasting while it was pending (裁判上の催告), giving six months after its
    /// end; whether that covers every such case is not settled, so Kaishu takes the earlier
    /// date — the period runs as if nothing had been filed — and names the other.
    mutating func proceedingEnded(on date: CivilDate) {
        let label = LegalFact.withdrawn(date).label
        guard let ended = proceeding else {
            basis.add("\(label) \(date): no effect — no court proceeding was pending")
            return
        }
        proceeding = nil
        let sixMonths = Prescription.lastDay(ofMonths: 6, after: date)

        if ended.underOldRules {
            let last = lastAliveDay(forSuit: true)
            basis.add(
                "\(label) \(date): the proceeding filed \(ended.filed) did not interrupt prescription under the old law (旧民法149条; 改正法附則10条2項) — the period runs as if it had not been filed: last day \(last)"
            )
            if sixMonths > last {
                basis.add(
                    "case law treats a pending suit as a demand lasting until it ends (裁判上の催告), which would keep the claim alive for a new suit to \(sixMonths); Kaishu takes the earlier date"
                )
                addReading(sixMonths, "裁判上の催告: the suit acted as a demand until it ended")
            }
            return
        }

        let before = lastAliveDay(forSuit: true)
        afterProceeding = Postponement(from: date, until: sixMonths)
        guard sixMonths > before else {
            basis.add(
                "\(label) \(date): its six months end on \(sixMonths), before the last day \(before) — no change (民法147条1項)"
            )
            return
        }
        dropSupersededReadings()
        basis.add(
            "\(label) \(date) (withdrawn, dismissed, lapsed): completion postponed to \(sixMonths), six months after it ended (民法147条1項括弧書, 140条, 143条2項)"
        )
    }
}
