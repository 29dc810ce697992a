/// What a move between stages does to the claim in law: the sentence a collector reads before
/// confirming, and the rule behind it. The limitation effect itself is computed by
/// `Prescription` from the events the move records (filing, withdrawal …).
public struct LegalEffect: Hashable, Sendable {
    public var sentence: String

    public static func of(moving from: Stage, to: Stage) -> LegalEffect {
        if from.isLegalRoute && !to.isLegalRoute && to != .enforcement && !to.isClosed {
            return LegalEffect(
                sentence:
                    "Ends the court proceeding without a judgment: limitation then completes no earlier than six months later (民法147条1項)."
            )
        }
        switch to {
        case .phone:
            return LegalEffect(sentence: "Back to phone calls. No effect on limitation.")
        case .email:
            return LegalEffect(
                sentence:
                    "A reminder by email. No effect on limitation: an email demand counts only if its arrival can be proved."
            )
        case .demandLetter:
            return LegalEffect(
                sentence:
                    "A demand letter (督促状) by ordinary mail. Its arrival cannot be proved, so Kaishu does not count it as a demand (催告)."
            )
        case .certifiedMail:
            return LegalEffect(
                sentence:
                    "A demand by certified mail (内容証明郵便). Once its delivery is recorded, limitation is postponed six months — once (民法150条)."
            )
        case .paymentOrder:
            return LegalEffect(
                sentence:
                    "Files a payment order (支払督促): limitation is postponed while it runs (民法147条1項2号); once final it renews for ten years (民法147条2項・169条)."
            )
        case .smallClaims:
            return LegalEffect(
                sentence:
                    "Files a small-claims suit (少額訴訟, up to ¥600,000): limitation is postponed while it runs; a judgment renews it for ten years (民法147条・169条)."
            )
        case .lawsuit:
            return LegalEffect(
                sentence:
                    "Files a lawsuit (訴訟): limitation is postponed while it runs (民法147条1項1号); a final judgment renews it for ten years (民法169条)."
            )
        case .mediation:
            return LegalEffect(
                sentence:
                    "Files for civil mediation (民事調停): limitation is postponed while it runs (民法147条1項3号); a mediation record renews it for ten years (民法169条)."
            )
        case .enforcement:
            return LegalEffect(
                sentence:
                    "Compulsory execution (強制執行): limitation is postponed while it runs and renewed when it ends (民法148条)."
            )
        case .paymentPlan:
            return LegalEffect(
                sentence:
                    "An agreed instalment plan. A signed plan is an acknowledgment (民法152条): record it with an acknowledgment to renew limitation."
            )
        case .paid:
            return LegalEffect(sentence: "Closes the case as paid in full.")
        case .writtenOff:
            return LegalEffect(
                sentence:
                    "Closes the case as written off (貸倒, 法人税基本通達9-6-1〜9-6-3); the event log is the proof of collection efforts."
            )
        case .withdrawn:
            return LegalEffect(
                sentence: "Closes the case: the creditor stops collecting. No effect on the claim itself.")
        }
    }
}
