/// One claim as the history leaves it: what is still owed and what the law says of its time.
public struct ClaimState: Hashable, Sendable {
    public var claim: Claim
    /// Paid so far, including what was paid before the case book took the claim over.
    public var paid: Money
    /// The dated facts that bear on this claim's limitation, in order.
    public var legalFacts: [LegalFact]
    public var limitation: Limitation
    /// The payments the fold allocated to this claim, in order (for its late-interest statement).
    public var payments: [LateInterestStatement.Payment] = []

    public var outstanding: Money { claim.amount - paid }
    public var isOpen: Bool { outstanding.isPositive }

    init(claim: Claim) {
        self.claim = claim
        self.paid = claim.paidBefore
        self.legalFacts = []
        // Placeholder until the fold has seen every event; `recompute` sets the real value once.
        self.limitation = Limitation(law: .new, start: claim.exercisableFrom, expires: nil, basis: [])
    }

    mutating func recompute(holidays: any HolidayCalendar) {
        limitation = Prescription.compute(claim.terms, facts: legalFacts, holidays: holidays)
    }
}
