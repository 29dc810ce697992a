/// A dated fact that changes when a claim's limitation completes (LEGAL.md §4–5).
///
/// These are the inputs of `Prescription.compute`; `CaseState` derives them from a case's
/// events, and `kaishu prescription --event KIND:DATE` takes them directly.
public enum LegalFact: Hashable, Codable, Sendable {
    /// The debtor acknowledged the debt (承認): renewal, 民法152条.
    case acknowledgment(CivilDate)
    /// A partial payment: an acknowledgment by conduct, renewal under 民法152条.
    case payment(CivilDate)
    /// A demand reached the debtor (催告): completion postponed six months, once, 民法150条.
    case demand(CivilDate)
    /// A written agreement to negotiate, optionally for a shorter agreed period: 民法151条.
    case agreement(CivilDate, until: CivilDate?)
    /// Written notice refusing to negotiate: ends an agreement's postponement after six months, 民法151条1項3号.
    case refusal(CivilDate)
    /// A court proceeding was filed (suit, payment order, mediation …): postponed while pending, 民法147条1項.
    case filed(CivilDate)
    /// A final judgment or equivalent became final on this date: renewal for ten years, 民法147条2項・169条.
    case judgment(CivilDate)
    /// The proceeding ended without confirming the right: postponed until six months after, 民法147条1項括弧書.
    case withdrawn(CivilDate)

    public var date: CivilDate {
        switch self {
        case .acknowledgment(let d), .payment(let d), .demand(let d), .agreement(let d, _),
            .refusal(let d), .filed(let d), .judgment(let d), .withdrawn(let d):
            d
        }
    }
}

/// Which Civil Code governs a claim (改正法附則10条).
public enum GoverningLaw: String, Codable, Sendable {
    case old
    case new
}

/// What the prescription engine concluded for one claim.
public struct Limitation: Hashable, Codable, Sendable {
    public var law: GoverningLaw
    /// The first day counted (初日不算入, 民法140条).
    public var start: CivilDate
    /// The last day the claim survives; prescription completes at the end of it.
    /// `nil` while a court proceeding is pending (completion postponed indefinitely).
    public var expires: CivilDate?
    /// Each rule applied, in order, with its article: the reasoning behind `expires`.
    public var basis: [String]
    /// An acknowledgment or payment came after completion: the debtor may no longer be able
    /// to invoke prescription (最判昭和41年4月20日), but the clock did not restart.
    public var acknowledgedAfterCompletion: Bool
    /// Where the law is unsettled: the last day under a reading Kaishu does not take, as named
    /// in `basis` (e.g. counting a judgment's ten years from the day it became final).
    public var otherReadings: [OtherReading]

    public init(
        law: GoverningLaw, start: CivilDate, expires: CivilDate?, basis: [String],
        acknowledgedAfterCompletion: Bool = false, otherReadings: [OtherReading] = []
    ) {
        self.law = law
        self.start = start
        self.expires = expires
        self.basis = basis
        self.acknowledgedAfterCompletion = acknowledgedAfterCompletion
        self.otherReadings = otherReadings
    }

    /// `expires − today`: 0 on the last day, negative once completed; `nil` while pending.
    public func daysLeft(today: CivilDate) -> Int? {
        expires.map { today.days(until: $0) }
    }
}
