import Foundation
import KaishuCore

extension LetterDesk {
    /// The certified demand: the template rendered in Japanese, turned full-width (every
    /// character one cell of the grid), laid out on the configured grid, checked the way the
    /// counter checks it, and priced.
    func renderCertified(into letter: inout RenderedLetter, state: CaseState, today: CivilDate) throws {
        let rendered = LetterText.fullWidth(try templates.render("certified-ja", letter.context))
        let nouns = LetterDesk.properNouns(for: state, config: config)
        let text = CertifiedMailText(text: rendered, layout: config.certifiedLayout, properNouns: nouns)
        let report = CertifiedMailReport(
            text: text.text, layout: config.certifiedLayout, properNouns: nouns, claimValue: state.outstanding,
            on: today, fees: config.costTable)
        letter.certified = CertifiedMailDocument(text: text, report: report)
        if !state.debtor.hasPostalAddress {
            letter.warnings.append("the debtor has no postal address: certified mail needs the addressee's address")
        }
        letter.warnings += report.check.violations.map { "certified layout: \($0)" }
        letter.warnings += report.check.warnings.map { "certified layout: \($0)" }
        if let problem = report.postageProblem { letter.warnings.append("postage: \(problem)") }
        if let warning = report.postage?.warning { letter.warnings.append(warning) }
        switch letter.format {
        case .html:
            letter.document = try templates.render(
                "certified-html", CertifiedSheetView(letter: letter.context, text: text))
        default:
            letter.document = text.text
        }
    }

    /// Checks a certified letter's text — Kaishu's draft or a copy the collector edited — on
    /// the configured grid, and prices it as posted on `date`.
    ///
    /// `text` has one grid line per line and pages separated by a form feed on a line of its
    /// own, as `RenderedLetter.document` writes it; without form feeds it is paginated as the
    /// counter would fill pages.
    public func checkCertified(text: String, case state: CaseState, on date: CivilDate) -> CertifiedMailReport {
        CertifiedMailReport(
            text: text, layout: config.certifiedLayout, properNouns: LetterDesk.properNouns(for: state, config: config),
            claimValue: state.outstanding, on: date, fees: config.costTable)
    }

    /// The names in which the post office accepts Latin letters: the debtor, the creditor,
    /// its representative, addresses, the bank and account holder, and the invoice numbers.
    public static func properNouns(for state: CaseState, config: LetterConfig) -> [String] {
        var nouns = [
            state.debtor.name, config.company.name, config.company.address, config.account.bank,
            config.account.branch, config.account.holder,
        ]
        nouns += [state.debtor.address, state.debtor.kana, config.company.representative, config.company.email]
            .compactMap { $0 }
        nouns += state.openClaims.map(\.claim.invoice)
        return nouns.filter { !$0.isEmpty }
    }
}
