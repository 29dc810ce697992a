/// Where a case stands on the collection ladder, or how it ended.
///
/// The ladder is phone → email → demand letter (督促状) → certified mail (内容証明郵便) →
/// one legal route (支払督促, 少額訴訟, 訴訟, 民事調停) → enforcement (強制執行).
/// The outcomes close a case, except a payment plan, which keeps it open and watched.
/// Which moves are allowed, their guards and legal effects live in `Workflow`.
public enum Stage: String, CaseIterable, Codable, Sendable, Comparable {
    case phone
    case email
    case demandLetter = "demand-letter"
    case certifiedMail = "certified-mail"
    case paymentOrder = "payment-order"
    case smallClaims = "small-claims"
    case lawsuit
    case mediation
    case enforcement
    case paymentPlan = "payment-plan"
    case paid
    case writtenOff = "written-off"
    case withdrawn

    /// The stages a case climbs, in order. The four legal routes share one rung.
    public static let ladder: [[Stage]] = [
        [.phone], [.email], [.demandLetter], [.certifiedMail],
        [.paymentOrder, .smallClaims, .lawsuit, .mediation], [.enforcement],
    ]

    public static let legalRoutes: [Stage] = [.paymentOrder, .smallClaims, .lawsuit, .mediation]

    /// The rung on the ladder (0 = phone), or `nil` for an outcome.
    public var rung: Int? { Stage.ladder.firstIndex { $0.contains(self) } }

    public var isLegalRoute: Bool { Stage.legalRoutes.contains(self) }

    /// A court proceeding is running while the case is at one of these stages.
    public var isCourtProceeding: Bool { isLegalRoute }

    /// An outcome that closes the case (a payment plan keeps it open).
    public var isClosed: Bool { self == .paid || self == .writtenOff || self == .withdrawn }

    public var isOutcome: Bool { rung == nil }

    public static func < (a: Stage, b: Stage) -> Bool {
        (a.rung ?? Int.max, a.ordinal) < (b.rung ?? Int.max, b.ordinal)
    }

    private var ordinal: Int { Stage.allCases.firstIndex(of: self)! }

    /// Short label for narrow columns.
    public var label: String {
        switch self {
        case .phone: "phone"
        case .email: "email"
        case .demandLetter: "demand"
        case .certifiedMail: "certified"
        case .paymentOrder: "pay-order"
        case .smallClaims: "small-clm"
        case .lawsuit: "lawsuit"
        case .mediation: "mediation"
        case .enforcement: "enforce"
        case .paymentPlan: "plan"
        case .paid: "paid"
        case .writtenOff: "written-off"
        case .withdrawn: "withdrawn"
        }
    }

    /// The Japanese name a collector and a court use.
    public var japaneseName: String {
        switch self {
        case .phone: "電話"
        case .email: "メール"
        case .demandLetter: "督促状"
        case .certifiedMail: "内容証明郵便"
        case .paymentOrder: "支払督促"
        case .smallClaims: "少額訴訟"
        case .lawsuit: "訴訟"
        case .mediation: "民事調停"
        case .enforcement: "強制執行"
        case .paymentPlan: "分割払い"
        case .paid: "完済"
        case .writtenOff: "貸倒処理"
        case .withdrawn: "取下げ"
        }
    }
}
