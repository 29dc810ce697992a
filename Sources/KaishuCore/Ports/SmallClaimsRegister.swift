import Foundation

/// A case book that can list this creditor's small-claims filings (少額訴訟), so the
/// per-court yearly limit (民事訴訟規則223条) is checked across every case, not one.
public protocol SmallClaimsRegister: Sendable {
    /// Every small-claims filing recorded in calendar year `year`: the move of a case to
    /// `small-claims` at a court, unless that event was corrected away.
    func smallClaimsFilings(in year: Int) async throws -> [SmallClaimsFiling]
}

extension SmallClaims {
    /// Why a case may not go to small claims at `court` on `today`, given this year's
    /// filings: no court named, the principal over 600,000 yen, or the court's 10 uses spent.
    public static func refusal(
        outstanding: Money, court: String?, today: CivilDate, filings: [SmallClaimsFiling]
    ) -> Refusal? {
        guard let court, !court.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Refusal(
                "name the summary court (e.g. 東京簡易裁判所): small claims may be used 10 times a year per court (民事訴訟規則223条)"
            )
        }
        let uses = priorUses(at: court, in: today.year, filings: filings)
        let check = check(principal: outstanding, priorUsesThisYear: uses)
        return check.allowed ? nil : Refusal(check.reasons.joined(separator: "; "))
    }
}
