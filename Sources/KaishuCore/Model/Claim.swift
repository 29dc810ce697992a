/// One unpaid receivable: an invoice against the debtor.
///
/// The dates here decide the law that applies and when limitation starts (LEGAL.md §1, §3):
/// the **contract date** picks old or new law, the **due date** (or, without one, the
/// contract date) starts the clock.
public struct Claim: Hashable, Codable, Sendable {
    public var invoice: String
    public var contractDate: CivilDate
    /// `nil` when no due date was agreed: the claim could be demanded at once.
    public var dueDate: CivilDate?
    /// When the creditor learned it could claim, if later than when it could (民法166条1項1号).
    public var knownDate: CivilDate?
    public var kind: ClaimKind
    public var amount: Money
    /// Paid before the case book took the claim over (入金額 in the import).
    public var paidBefore: Money

    public init(
        invoice: String, contractDate: CivilDate, dueDate: CivilDate?, knownDate: CivilDate? = nil,
        kind: ClaimKind = .commercial, amount: Money, paidBefore: Money = .zero
    ) {
        self.invoice = invoice
        self.contractDate = contractDate
        self.dueDate = dueDate
        self.knownDate = knownDate
        self.kind = kind
        self.amount = amount
        self.paidBefore = paidBefore
    }

    /// The day the right could first be exercised: the due date, else the contract date.
    public var exercisableFrom: CivilDate { dueDate ?? contractDate }
}
