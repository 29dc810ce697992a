import KaishuCore

/// The body of the case page as lines: debtor, money and dates, claims with their own
/// limitation dates, the stage ladder and what escalation would do, the limitation basis, and
/// the timeline newest first. `update` uses the line count to bound scrolling.
public enum CaseDocument {
    public static func lines(for detail: CaseDetail, today: CivilDate, width: Int, measure: DisplayWidth = .standard)
        -> [[Span]]
    {
        build(detail, today: today, width: width, measure: measure).lines
    }

    /// The document laid out from scratch (`build` remembers the last one).
    static func make(_ detail: CaseDetail, today: CivilDate, width: Int, measure: DisplayWidth) -> Document {
        var doc = Document(width: max(1, width - 1), measure: measure)
        guard let state = detail.state else {
            if let error = detail.error {
                doc.add(" " + error, .error)
            } else {
                doc.add(" Loading the case…", .muted)
            }
            return doc
        }
        debtor(&doc, state)
        doc.blank()
        money(&doc, state, today: today)
        doc.blank()
        claims(&doc, state, today: today)
        doc.blank()
        let position = CaseLegalPosition(state: state, today: today)
        ladder(&doc, state, today: today, position: position)
        doc.blank()
        legal(&doc, position)
        doc.blank()
        basis(&doc, state, today: today)
        doc.blank()
        timeline(&doc, state)
        return doc
    }

    static let labelWidth = 13

    static func label(_ text: String, _ measure: DisplayWidth) -> Span {
        Span(" " + measure.fit(text, width: labelWidth - 1), .muted)
    }

    static func debtor(_ doc: inout Document, _ state: CaseState) {
        let d = state.debtor
        var name: [Span] = [label("Debtor", doc.measure), Span(d.name, .header)]
        if let kana = d.kana, !kana.isEmpty { name.append(Span("  " + kana, .muted)) }
        name.append(Span("  code \(d.code)", .muted))
        doc.add(name, indent: labelWidth)
        doc.add(
            [label("Phone", doc.measure), Span(d.phones.isEmpty ? "-" : d.phones.joined(separator: ", "))],
            indent: labelWidth)
        doc.add([label("Email", doc.measure), Span(d.email ?? "-")], indent: labelWidth)
        var address = [d.postalCode.map { "〒\($0)" }, d.address].compactMap { $0 }.joined(separator: " ")
        if address.isEmpty { address = "-" }
        if !d.isDomestic { address += " (abroad)" }
        doc.add([label("Address", doc.measure), Span(address)], indent: labelWidth)
        doc.add([label("Collector", doc.measure), Span(state.collector ?? "-")], indent: labelWidth)
    }

    static func money(_ doc: inout Document, _ state: CaseState, today: CivilDate) {
        let measure = doc.measure
        doc.add(
            [
                label("Outstanding", measure), Span("¥" + state.outstanding.grouped, .money),
                Span("   Stage ", .muted), Span("\(state.stage.rawValue) \(state.stage.japaneseName)", .stage),
            ]
                + (state.stageSince.map { [Span(" since \($0.iso)", .muted)] } ?? []),
            indent: labelWidth)
        if let limitation = state.limitation {
            let left = Format.daysLeft(limitation.daysLeft(today: today))
            var spans = [label("Limitation", measure)]
            if let expires = limitation.expires {
                spans += [
                    Span(expires.iso, .date), Span(" (", .muted),
                    Span(daysText(left.text, limitation.daysLeft(today: today)), left.role), Span(")", .muted),
                ]
            } else {
                spans.append(Span("postponed while the court proceeding runs", .stage))
            }
            doc.add(spans, indent: labelWidth)
        }
        doc.add(
            [
                label("Next action", measure),
                Span(
                    Format.date(state.nextAction), (state.nextAction.map { $0 <= today } ?? false) ? .actionDue : .date),
                Span("   Last contact ", .muted), Span(state.lastContact?.iso ?? "never", .date),
                Span("   Last payment ", .muted), Span(state.lastPayment?.iso ?? "none", .date),
            ],
            indent: labelWidth)
        if let promise = state.promise {
            let broken = state.promiseIsBroken(today: today)
            doc.add(
                [
                    label("Promise", measure),
                    Span("¥\(promise.amount.grouped) by \(promise.date.iso)", broken ? .brokenPromise : .text),
                ]
                    + (broken ? [Span("  BROKEN", .brokenPromise)] : [])
                    + (state.paidTowardPromise.isPositive
                        ? [Span("  paid so far ¥\(state.paidTowardPromise.grouped)", .muted)] : []),
                indent: labelWidth)
        }
        var flags: [Span] = []
        if state.disputed { flags.append(Span("DISPUTED ", .warning)) }
        if state.onHold { flags.append(Span("ON HOLD ", .warning)) }
        if !flags.isEmpty { doc.add([label("Flags", measure)] + flags, indent: labelWidth) }
    }

    static func daysText(_ text: String, _ days: Int?) -> String {
        guard let days else { return text }
        if days < 0 { return "completed \(-days) days ago" }
        if days == 0 { return "last day today" }
        return "\(days) days left"
    }

    static func claims(_ doc: inout Document, _ state: CaseState, today: CivilDate) {
        doc.add(" Claims", .header)
        let m = doc.measure
        let invoiceWidth = max(8, min(16, state.claims.map { m.width(of: $0.claim.invoice) }.max() ?? 8))
        func row(_ cells: [(String, Int, Alignment, Role)]) -> [Span] {
            [Span("  ")] + cells.map { Span(m.fit($0.0, width: $0.1, align: $0.2) + " ", $0.3) }
        }
        doc.add(
            row([
                ("Invoice", invoiceWidth, .left, .muted), ("Due", 10, .left, .muted), ("Amount", 11, .right, .muted),
                ("Outstanding", 11, .right, .muted), ("Law", 3, .left, .muted), ("Limitation", 10, .left, .muted),
                ("Left", 6, .right, .muted),
            ]))
        for claim in state.claims {
            let left = Format.daysLeft(claim.limitation.daysLeft(today: today))
            let open = claim.isOpen
            doc.add(
                row([
                    (claim.claim.invoice, invoiceWidth, .left, open ? .text : .muted),
                    (Format.date(claim.claim.dueDate), 10, .left, .date),
                    (claim.claim.amount.grouped, 11, .right, .money),
                    (open ? claim.outstanding.grouped : "paid", 11, .right, open ? .money : .muted),
                    (claim.limitation.law.rawValue, 3, .left, .muted),
                    (claim.limitation.expires?.iso ?? "court", 10, .left, .date),
                    (open ? left.text : "-", 6, .right, open ? left.role : .muted),
                ]))
        }
    }

    static func ladder(_ doc: inout Document, _ state: CaseState, today: CivilDate, position: CaseLegalPosition) {
        doc.add(" Stage ladder", .header)
        var spans: [Span] = [Span("  ")]
        for (index, rung) in Stage.ladder.enumerated() {
            if index > 0 { spans.append(Span(" > ", .muted)) }
            for (offset, stage) in rung.enumerated() {
                if offset > 0 { spans.append(Span("/", .muted)) }
                if stage == state.stage {
                    spans.append(Span("[\(stage.label)]", .stageCurrent))
                } else {
                    spans.append(Span(stage.label, .stage))
                }
            }
        }
        doc.add(spans, indent: 2)
        if state.stage.isOutcome {
            doc.add(
                [
                    Span("  Outcome: ", .muted),
                    Span("\(state.stage.rawValue) \(state.stage.japaneseName)", .stageCurrent),
                ], indent: 4)
        }
        let options = Workflow.escalationOptions(for: state, today: today)
        if options.isEmpty {
            doc.add("  Escalation: nothing above this stage.", .muted, indent: 4)
        }
        for option in options {
            doc.add(
                [
                    Span("  e ", .key), Span("\(option.to.rawValue) \(option.to.japaneseName): ", .stage),
                    Span(option.effect),
                ], indent: 4)
            if let refusal = option.refusal {
                doc.add([Span("    refused: ", .warning), Span(refusal.reason, .warning)], indent: 6)
            }
            cost(&doc, position.nextSteps.first { $0.step == option.to })
        }
    }

    static func basis(_ doc: inout Document, _ state: CaseState, today: CivilDate) {
        doc.add(" Limitation basis (消滅時効)", .header)
        for claim in state.claims where claim.isOpen {
            let limitation = claim.limitation
            let left = Format.daysLeft(limitation.daysLeft(today: today))
            doc.add(
                [
                    Span("  \(claim.claim.invoice): ", .text),
                    Span("\(limitation.law.rawValue) law, from \(limitation.start.iso), ", .muted),
                    Span(limitation.expires.map { "last day \($0.iso)" } ?? "postponed while in court", .date),
                    Span(" (\(daysText(left.text, limitation.daysLeft(today: today))))", left.role),
                ],
                indent: 4)
            if limitation.basis.isEmpty {
                doc.add("    (no rule recorded)", .muted, indent: 6)
            }
            for line in limitation.basis {
                doc.add([Span("    - ", .muted), Span(line)], indent: 6)
            }
            if limitation.acknowledgedAfterCompletion {
                doc.add(
                    "    Acknowledged after completion: the debtor may no longer invoke prescription (最判昭和41年4月20日).",
                    .warning, indent: 6)
            }
        }
        if state.openClaims.isEmpty { doc.add("  No open claims.", .muted) }
    }

    static func timeline(_ doc: inout Document, _ state: CaseState) {
        doc.add(" Timeline (newest first)", .header)
        for event in state.history.reversed() {
            doc.add(
                [
                    Span("  \(event.date.iso) ", .date), Span(event.fact.summary),
                    Span("  \(event.actor) #\(event.seq)", .muted),
                ],
                indent: 13)
        }
    }
}
