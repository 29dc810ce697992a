/// The facts of a claim that decide its limitation period: dates and kind, not money.
public struct ClaimTerms: Hashable, Codable, Sendable {
    public var contractDate: CivilDate
    public var dueDate: CivilDate?
    public var knownDate: CivilDate?
    public var kind: ClaimKind

    public init(
        contractDate: CivilDate, dueDate: CivilDate?, knownDate: CivilDate? = nil,
        kind: ClaimKind = .commercial
    ) {
        self.contractDate = contractDate
        self.dueDate = dueDate
        self.knownDate = knownDate
        self.kind = kind
    }
}

extension Claim {
    public var terms: ClaimTerms {
        ClaimTerms(contractDate: contractDate, dueDate: dueDate, knownDate: knownDate, kind: kind)
    }
}
