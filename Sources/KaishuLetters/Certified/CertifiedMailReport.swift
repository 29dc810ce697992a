import KaishuCore

/// What the post office counter would say about a certified letter: the grid check (counts,
/// pages, violations) and what posting it costs on a given day.
///
/// `kaishu letter ID --kind certified --check` prints `summary` and exits non-zero unless
/// `isValid`.
public struct CertifiedMailReport: Hashable, Sendable {
    public var check: CertifiedMailCheck
    /// Postage, the certified fee for the first and each further page, registered mail and
    /// proof of delivery, from the dated fee table in the configuration (LEGAL.md §8).
    /// `nil` when no price list is in force on the posting date (`postageProblem` says so).
    public var postage: StepCostEstimate?
    public var postageProblem: String?
    /// The names in which Latin letters are accepted (debtor, creditor, bank, invoice numbers).
    public var properNouns: [String]

    public init(
        check: CertifiedMailCheck, postage: StepCostEstimate?, postageProblem: String?,
        properNouns: [String]
    ) {
        self.check = check
        self.postage = postage
        self.postageProblem = postageProblem
        self.properNouns = properNouns
    }

    /// Checks `text` (lines, pages separated by a form feed on its own line) against `layout`
    /// and prices it with `fees` as in force on `date`.
    public init(
        text: String, layout: CertifiedMailLayout, properNouns: [String], claimValue: Money,
        on date: CivilDate, fees: CollectionCostTable
    ) {
        let check = CertifiedMailCheck(text: text, layout: layout, properNouns: properNouns)
        var postage: StepCostEstimate?
        var problem: String?
        do {
            postage = try CollectionCosts.estimate(
                step: .certifiedMail, claimValue: claimValue, on: date,
                certifiedPages: max(1, check.pageCount), table: fees)
        } catch {
            problem = "\(error)"
        }
        self.init(check: check, postage: postage, postageProblem: problem, properNouns: properNouns)
    }

    /// No violations: the post office would accept the layout.
    public var isValid: Bool { check.isValid }

    /// The check's report, then the postage items and total.
    public var summary: String {
        var lines = [check.report]
        if let postage {
            lines.append("postage (\(check.pageCount) page\(check.pageCount == 1 ? "" : "s"), with proof of delivery):")
            for item in postage.items {
                lines.append("  \(item.label): \(item.amount)")
            }
            lines.append("  total: \(postage.total) (\(postage.items.first?.basis ?? ""))")
            if let warning = postage.warning { lines.append("warning: \(warning)") }
        } else if let postageProblem {
            lines.append("postage: \(postageProblem)")
        }
        return lines.joined(separator: "\n")
    }
}
