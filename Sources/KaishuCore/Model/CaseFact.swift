/// What an event in a case's history says happened.
///
/// The history is an append-only log: state is derived by folding these facts in order
/// (`CaseState`), and a mistake is put right by a `correction`, never by editing.
/// Facts carrying a legal effect (payment, acknowledgment, demand delivered, filing,
/// judgment …) feed the prescription engine through `CaseState`.
public enum CaseFact: Hashable, Codable, Sendable {
    /// The case was opened (from an import, the demo generator, or by hand).
    case opened(source: String)
    /// An invoice joined the case.
    case claimAdded(Claim)
    /// A call, email or visit, with its outcome.
    case contact(ContactLog)
    /// The case moved on the ladder (or back, with a reason). Court routes carry the court.
    case stageChanged(from: Stage, to: Stage, reason: String?, court: String?)
    /// Money received on the event's date. A partial payment acknowledges the debt (民法152条1項).
    case payment(amount: Money)
    /// The debtor acknowledged the debt (承認, 民法152条).
    case acknowledgment(note: String?)
    /// A demand (催告) reached the debtor, e.g. certified mail delivered (民法150条).
    case demandDelivered(reference: String?)
    /// A written agreement to negotiate (協議を行う旨の合意, 民法151条), optionally for a shorter period.
    case agreement(until: CivilDate?)
    /// Written notice refusing to continue negotiating (民法151条1項3号).
    case refusal
    /// A final judgment or equivalent became final on the event's date (民法147条2項, 169条).
    case judgment(note: String?)
    /// A court proceeding ended without confirming the right: withdrawn, dismissed, lapsed
    /// (民法147条1項括弧書; 民事訴訟法392条).
    case proceedingEnded(reason: String)
    /// The debtor disputes the debt (`true`), or the dispute was resolved (`false`).
    case disputed(Bool, reason: String?)
    /// The case was put on hold (`true`) or released (`false`).
    case hold(Bool, reason: String?)
    /// The next action was rescheduled by hand.
    case rescheduled(to: CivilDate, reason: String?)
    /// A letter or email was sent (its legal effect, if any, comes with delivery).
    case letterSent(kind: String, reference: String?)
    /// A step of a payment order on the event's date: service, the application for provisional
    /// execution, service of the declared order (民事訴訟法391条〜393条).
    case courtStep(CourtStep)
    /// Voids an earlier event, optionally replacing what it said. The log keeps both.
    case correction(of: Int64, replacement: Box?, reason: String)

    /// Indirection so a correction can carry a replacement fact.
    public final class Box: Hashable, Codable, Sendable {
        public let fact: CaseFact
        public init(_ fact: CaseFact) { self.fact = fact }
        public static func == (a: Box, b: Box) -> Bool { a.fact == b.fact }
        public func hash(into hasher: inout Hasher) { hasher.combine(fact) }
        public init(from decoder: any Decoder) throws {
            fact = try decoder.singleValueContainer().decode(CaseFact.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(fact)
        }
    }

    /// The stable kind name stored with the event and shown in JSON (`"kind"`).
    public var kind: String {
        switch self {
        case .opened: "opened"
        case .claimAdded: "claim-added"
        case .contact: "contact"
        case .stageChanged: "stage-changed"
        case .payment: "payment"
        case .acknowledgment: "acknowledgment"
        case .demandDelivered: "demand-delivered"
        case .agreement: "agreement"
        case .refusal: "refusal"
        case .judgment: "judgment"
        case .proceedingEnded: "proceeding-ended"
        case .disputed: "dispute"
        case .hold: "hold"
        case .rescheduled: "rescheduled"
        case .letterSent: "letter-sent"
        case .courtStep: "court-step"
        case .correction: "correction"
        }
    }
}

/// One logged contact attempt: the evidence a collector keeps of every call (seed 000, 2-2).
public struct ContactLog: Hashable, Codable, Sendable {
    public var outcome: ContactOutcome
    public var channel: ContactChannel
    public var text: String
    public var promise: Promise?
    /// For `callback`: the day the debtor asked to be called back, and the time if given.
    public var callbackOn: CivilDate?
    public var callbackTime: String?
    /// Local wall-clock time of the contact (`HH:mm`), for the conduct rules (LEGAL.md §10).
    public var time: String?

    public init(
        outcome: ContactOutcome, channel: ContactChannel = .phone, text: String = "",
        promise: Promise? = nil, callbackOn: CivilDate? = nil, callbackTime: String? = nil,
        time: String? = nil
    ) {
        self.outcome = outcome
        self.channel = channel
        self.text = text
        self.promise = promise
        self.callbackOn = callbackOn
        self.callbackTime = callbackTime
        self.time = time
    }
}
