/// Renewal (更新, LEGAL.md §4): the clock starts again from the day after the event.
extension PrescriptionClock {
    /// 民法152条1項: when the debtor acknowledges the right, prescription is renewed and a new
    /// period runs from the next day (民法140条). A partial payment is an acknowledgment by
    /// conduct. The new period has the claim's length: 5 years under the new law (the creditor
    /// knows of its claim), the old length for old-law claims (改正法附則10条4項), 10 years
    /// after a judgment (民法169条1項). Before 2020-04-01 on an old-law claim the old law gives
    /// the same result: interruption and a new period (旧民法147条3号・157条1項).
    ///
    /// After completion an acknowledgment restarts nothing; the debtor generally may no longer
    /// invoke prescription (最判昭和41年4月20日), which `acknowledgedAfterCompletion` records.
    mutating func acknowledge(on date: CivilDate, as label: String) {
        if let completed = completion(before: date) {
            acknowledgedAfterCompletion = true
            var line =
                "\(label) \(date): after prescription completed at the end of \(completed) — the clock does not restart (renewal under 民法152条 needs a period still running)"
            if let demand, demand.needsSuit, demand.covers(date) {
                line +=
                    "; only a suit or another step of 旧民法153条 filed by \(demand.until), on the demand of \(demand.from), could still save the claim"
            }
            basis.add(line)
            noteOtherReadings(at: date)
            return
        }
        noteStricterReadings(at: date)
        let rule =
            underOldRules(date)
            ? ["旧民法147条3号", "旧民法157条1項", "改正法附則10条2項"] : ["民法152条1項"]
        restart(after: date, years: renewal.years)
        basis.add(
            "\(label) \(date): renewal — a new \(renewal.years)-year period (\(renewal.note)) starts \(date.adding(days: 1)) → last day \(periodEnd) (\(Self.articles(rule + renewal.articles + ["民法140条", "民法143条2項"])))"
        )
        if let proceeding {
            basis.add(
                "the proceeding filed \(proceeding.filed) is still pending: no expiry date while it runs")
        }
    }

    /// 民法147条2項・169条1項: when a final judgment, or anything with the same effect (a
    /// settlement or mediation record, a payment order declared provisionally executable and
    /// final), confirms the right, a new period of 10 years runs from the next day, whatever the
    /// claim's period was. Under the old law: 旧民法157条2項・174条の2第1項, the same result.
    ///
    /// Kaishu counts from the day after the judgment became final (民法140条). A stricter
    /// reading counts that day itself — a judgment becomes final at midnight, and a period
    /// starting at midnight counts its first day (民法140条ただし書) — which ends one day
    /// earlier. Kaishu shows the first and names the second as an `OtherReading`.
    mutating func judgment(on date: CivilDate) {
        let oldRules = proceeding?.underOldRules ?? underOldRules(date)
        let completedBefore = completion(before: date, forSuit: true)
        proceeding = nil
        let articles =
            oldRules
            ? ["旧民法157条2項", "旧民法174条の2第1項", "改正法附則10条2項"] : ["民法147条2項", "民法169条1項"]
        renewal = Length(
            years: 10, note: "the period of a right confirmed by judgment",
            articles: [oldRules ? "旧民法174条の2第1項" : "民法169条1項"])
        restart(after: date, years: 10)
        basis.add(
            "judgment or equivalent final \(date): renewal — a new 10-year period starts \(date.adding(days: 1)) → last day \(periodEnd) (\(Self.articles(articles + ["民法140条", "民法143条2項"])))"
        )
        if let completedBefore {
            acknowledgedAfterCompletion = false
            basis.add(
                "the period had completed at the end of \(completedBefore), but the judgment confirms the right: the debtor did not invoke prescription in the proceeding (民法145条)"
            )
        }
        let strict = Prescription.lastDay(ofYears: 10, startingOn: date)
        addReading(strict, "the ten years counted from the day the judgment became final")
        basis.add(
            "a stricter reading counts the day the judgment became final as the first day (民法140条ただし書) and ends on \(strict): act by then to be safe"
        )
    }

    /// A new period from the day after `date`; postponements and other readings belonged to
    /// the completion that no longer comes.
    mutating func restart(after date: CivilDate, years: Int) {
        periodEnd = Prescription.lastDay(ofYears: years, after: date)
        demand = nil
        agreement = nil
        afterProceeding = nil
        otherReadings = []
    }
}
