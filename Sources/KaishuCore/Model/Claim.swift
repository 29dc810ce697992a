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
    /// The damages rate the contract fixes for late payment (約定遅延損害金率), if any. It
    /// applies only above the statutory rate (民法419条1項ただし書; `DamagesRate`).
    /// Optional and left out of the stored payload when absent, so events recorded before
    /// the field existed encode byte for byte as they did and their hashes still verify.
    public var agreedRate: InterestRate?
    /// The contract's day count for damages (`nil`: the court method, `LateInterest.Method`).
    public var dayCount: LateInterest.Method?
    /// The claim arises from a consumer contract (消費者契約法2条3項: an individual, not acting
    /// as a business, with a business): agreed damages above 14.6 % a year are void in the
    /// excess (9条1項2号). `nil`: not recorded.
    public var consumerContract: Bool?

    public init(
        invoice: String, contractDate: CivilDate, dueDate: CivilDate?, knownDate: CivilDate? = nil,
        kind: ClaimKind = .commercial, amount: Money, paidBefore: Money = .zero,
        agreedRate: InterestRate? = nil, dayCount: LateInterest.Method? = nil, consumerContract: Bool? = nil
    ) {
        self.invoice = invoice
        self.contractDate = contractDate
        self.dueDate = dueDate
        self.knownDate = knownDate
        self.kind = kind
        self.amount = amount
        self.paidBefore = paidBefore
        self.agreedRate = agreedRate
        self.dayCount = dayCount
        self.consumerContract = consumerContract
    }

    /// The day the right could first be exercised: the due date, else the contract date.
    public var exercisableFrom: CivilDate { dueDate ?? contractDate }
}
