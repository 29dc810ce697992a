/// The prescription (消滅時効) engine. See LEGAL.md; the helper branch replaces this body.
public enum Prescription {
    public static func compute(_ terms: ClaimTerms, facts: [LegalFact]) -> Limitation {
        let start = (terms.dueDate ?? terms.contractDate).adding(days: 1)
        let law: GoverningLaw = terms.contractDate < CivilDate(2020, 4, 1) ? .old : .new
        let target = start.adding(years: 5)
        return Limitation(law: law, start: start, expires: target.adding(days: -1), basis: [])
    }
}
