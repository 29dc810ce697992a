import KaishuCore

extension CaseDocument {
    /// Deadlines, late-payment damages and write-off, from `CaseLegalPosition` — the same rules
    /// `kaishu case show` prints, shown where the collector decides.
    static func legal(_ doc: inout Document, _ position: CaseLegalPosition) {
        doc.add(" Law and money", .header)
        for alert in position.deadlines {
            let role: Role = alert.level == .info ? .text : .warning
            doc.add([Span("  ! ", role), Span(alert.message, role)], indent: 4)
        }
        if position.interest.isEmpty {
            doc.add("  No late-payment damages: no open claim is past its due date.", .muted, indent: 4)
        } else {
            doc.add(
                [
                    Span("  Damages to \(position.today.iso) (民法419条): ", .text),
                    Span(position.damages.description, .money),
                ],
                indent: 4)
            for claim in position.interest {
                let amount = claim.statement.map { $0.damagesOutstanding.description } ?? "rate not yet announced"
                doc.add(
                    [
                        Span("    \(claim.invoice) from \(claim.delayBegan.iso): ", .muted), Span(amount, .money),
                        Span("  \(claim.applied.explanation)", .muted),
                    ],
                    indent: 6)
                // A cap the agreed rate exceeds (消費者契約法9条1項2号): shown, never clamped.
                for warning in claim.applied.warnings {
                    doc.add([Span("      ! ", .warning), Span(warning.message, .warning)], indent: 8)
                }
                if let capped = claim.damagesAtCap {
                    doc.add([Span("      ! at the cap: ", .warning), Span(capped.description, .money)], indent: 8)
                }
            }
        }
        if position.writeOff.eligible {
            doc.add(
                [Span("  Write-off candidate: ", .warning), Span(position.writeOff.reasons.joined(separator: "; "))],
                indent: 4)
        }
    }

    /// The expected cost of a step and the 費用倒れ warning, under the escalation option.
    static func cost(_ doc: inout Document, _ estimate: StepCostEstimate?) {
        guard let estimate, estimate.total.isPositive else { return }
        doc.add([Span("    cost about ", .muted), Span(estimate.total.description, .money)], indent: 6)
        if let warning = estimate.warning { doc.add([Span("    ! ", .warning), Span(warning, .warning)], indent: 6) }
    }
}
