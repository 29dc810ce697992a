import Foundation
import KaishuCore

/// Everything a letter template can say, computed purely from the case, the configuration and
/// the letter's date — the view model the Mustache templates render.
///
/// Amounts are pre-formatted with thousands separators (`1,234,567`, no currency sign: the
/// templates write 円 or ¥), dates in the letter's language. The list of variables is in
/// docs/letters.md; templates see the stored properties by name (`debtor.addressee`,
/// `invoices`, `deadline` …).
public struct LetterContext: Hashable, Sendable {
    public var kind: String
    public var language: String
    public var caseID: Int64
    /// The letter's date (the day it is produced).
    public var date: String
    public var dateISO: String
    public var debtor: DebtorView
    public var creditor: Letterhead
    /// Each open invoice, oldest due first.
    public var invoices: [InvoiceLine]
    public var invoiceCount: Int
    /// Total outstanding over the open invoices, e.g. `1,234,567`.
    public var total: String
    public var totalYen: Int64
    /// The dates the debtor was contacted (calls, emails, visits, letters), oldest first.
    public var contacts: [ContactLine]
    public var hasContacts: Bool
    /// The final payment deadline: a business day, by default 7 days after the letter's date.
    public var deadline: String
    public var deadlineISO: String
    public var account: TransferAccount
    /// 1 for the first email reminder, 2 for the second, …
    public var reminder: Int
    public var isFirstReminder: Bool
    /// The date of the last email reminder, for the second one to refer to.
    public var previousEmail: String?
    /// The outstanding total is within the small-claims limit (民事訴訟法368条1項: ¥600,000).
    public var smallClaimsEligible: Bool
    /// The letterhead or the account still has the built-in placeholder values.
    public var placeholder: Bool

    /// The addressee as letters name it.
    public struct DebtorView: Hashable, Sendable {
        public var code: String
        public var name: String
        /// 御中 (organisation) or 様 (person).
        public var honorific: String
        /// `株式会社山田商事 御中` / `山田太郎 様`: the name with its honorific, once.
        public var addressee: String
        public var isCompany: Bool
        /// How the letter says "you": 貴社 to a company, 貴殿 to a person (English: `you`).
        public var you: String
        public var postalCode: String?
        public var address: String?
        public var email: String?
    }

    /// One open invoice.
    public struct InvoiceLine: Hashable, Sendable {
        /// 1-based position in the list.
        public var index: Int
        public var number: String
        public var contractDate: String
        /// The agreed due date, or 定めなし / `none agreed`.
        public var dueDate: String
        public var amount: String
        public var paid: String
        public var hasPayment: Bool
        public var outstanding: String
    }

    /// One contact with the debtor, as evidence of the steps taken (seed 000, 2-3).
    public struct ContactLine: Hashable, Sendable {
        /// 1-based position in the list.
        public var index: Int
        public var date: String
        public var dateISO: String
        /// お電話 / メール / ご訪問 / 書面 / 督促状 / 内容証明郵便 (English: phone call …).
        public var what: String
        /// A promise to pay made in that contact, e.g. `2026年10月15日までに100,000円のお支払いのお約束`.
        public var note: String?
    }
}

extension LetterContext {
    /// Builds the view model.
    ///
    /// - Parameters:
    ///   - today: the letter's date; the payment deadline counts from it.
    ///   - deadline: a deadline chosen by hand; moved forward to a business day like the default.
    public init(
        kind: LetterKind, state: CaseState, config: LetterConfig, language: LetterLanguage,
        today: CivilDate, calendar: BusinessCalendar, deadline: CivilDate? = nil
    ) {
        let lang = language
        self.kind = kind.rawValue
        self.language = lang.rawValue
        caseID = state.id
        date = LetterText.date(today, lang)
        dateISO = today.iso

        let honorific = Honorific(forName: state.debtor.name)
        let name = state.debtor.name.trimmingCharacters(in: .whitespaces)
        let addressee: String
        if ["御中", "様", "殿"].contains(where: { name.hasSuffix($0) }) {
            addressee = name
        } else {
            addressee = lang == .ja ? "\(name) \(honorific.rawValue)" : name
        }
        debtor = DebtorView(
            code: state.debtor.code, name: name, honorific: honorific.rawValue, addressee: addressee,
            isCompany: honorific == .onchu,
            you: lang == .en ? "you" : (honorific == .onchu ? "貴社" : "貴殿"),
            postalCode: state.debtor.postalCode.nonEmpty, address: state.debtor.address.nonEmpty,
            email: state.debtor.email.nonEmpty)
        creditor = config.company
        account = config.account
        placeholder = !config.placeholderWarnings.isEmpty

        let open = state.openClaims.enumerated()
            .sorted { ($0.element.claim.exercisableFrom, $0.offset) < ($1.element.claim.exercisableFrom, $1.offset) }
            .map(\.element)
        invoices = open.enumerated().map { index, claim in
            InvoiceLine(
                index: index + 1, number: claim.claim.invoice,
                contractDate: LetterText.date(claim.claim.contractDate, lang),
                dueDate: claim.claim.dueDate.map { LetterText.date($0, lang) }
                    ?? (lang == .ja ? "定めなし" : "none agreed"),
                amount: claim.claim.amount.grouped, paid: claim.paid.grouped,
                hasPayment: claim.paid.isPositive, outstanding: claim.outstanding.grouped)
        }
        invoiceCount = invoices.count
        total = state.outstanding.grouped
        totalYen = state.outstanding.yen
        smallClaimsEligible = state.outstanding <= SmallClaims.principalLimit

        contacts = LetterContext.contactLines(state.effectiveEvents, lang)
        hasContacts = !contacts.isEmpty

        let due = calendar.onOrAfter(deadline ?? today.adding(days: config.paymentDays))
        self.deadline = LetterText.dateWithWeekday(due, lang)
        deadlineISO = due.iso

        let emails = LetterContext.emailReminders(in: state)
        reminder = emails.count + 1
        isFirstReminder = emails.isEmpty
        previousEmail = emails.last.map { LetterText.date($0.date, lang) }
    }

    /// The email reminders already sent (`.letterSent(kind: "email", …)`), in log order.
    public static func emailReminders(in state: CaseState) -> [CaseEvent] {
        state.effectiveEvents.filter {
            if case .letterSent(let kind, _) = $0.fact { return kind == LetterKind.email.eventKind }
            return false
        }
    }

    /// Calls, emails, visits and letters, oldest first; one line per day and kind. A wrong
    /// number never reached the debtor and is left out.
    static func contactLines(_ events: [CaseEvent], _ lang: LetterLanguage) -> [ContactLine] {
        var lines: [(date: CivilDate, order: Int, line: ContactLine)] = []
        var seen: Set<String> = []
        for (order, event) in events.enumerated() {
            let what: String
            var note: String?
            switch event.fact {
            case .contact(let log):
                if log.outcome == .wrongNumber { continue }
                what = channelName(log.channel, lang)
                if log.outcome == .promised, let promise = log.promise {
                    note =
                        lang == .ja
                        ? "\(LetterText.date(promise.date, .ja))までに\(promise.amount.grouped)円のお支払いのお約束"
                        : "promise to pay ¥\(promise.amount.grouped) by \(LetterText.date(promise.date, .en))"
                }
            case .letterSent(let kind, _):
                what = letterName(kind, lang)
            default:
                continue
            }
            let line = ContactLine(
                index: 0, date: LetterText.date(event.date, lang), dateISO: event.date.iso, what: what, note: note)
            if note == nil {
                guard seen.insert("\(event.date.iso) \(what)").inserted else { continue }
            }
            lines.append((event.date, order, line))
        }
        return lines.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.enumerated().map { offset, entry in
            var line = entry.line
            line.index = offset + 1
            return line
        }
    }

    static func channelName(_ channel: ContactChannel, _ lang: LetterLanguage) -> String {
        switch (channel, lang) {
        case (.phone, .ja): "お電話"
        case (.email, .ja): "メール"
        case (.visit, .ja): "ご訪問"
        case (.letter, .ja): "書面"
        case (.phone, .en): "phone call"
        case (.email, .en): "email"
        case (.visit, .en): "visit"
        case (.letter, .en): "letter"
        }
    }

    static func letterName(_ kind: String, _ lang: LetterLanguage) -> String {
        switch (kind, lang) {
        case ("email", .ja): "メール"
        case ("demand-letter", .ja): "督促状"
        case ("certified-mail", .ja): "内容証明郵便"
        case ("email", .en): "email"
        case ("demand-letter", .en): "demand letter"
        case ("certified-mail", .en): "certified letter"
        case (_, .ja): "書面"
        case (_, .en): "letter"
        }
    }
}

extension Optional where Wrapped == String {
    /// `nil` for a missing or blank value, so templates can test it with a section.
    var nonEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
