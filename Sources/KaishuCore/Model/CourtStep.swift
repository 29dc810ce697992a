/// A dated step inside a payment order (支払督促) that starts or ends a procedural period the
/// creditor must watch (民事訴訟法391条〜396条). The court's notices tell the creditor these dates.
public enum CourtStep: String, Hashable, Sendable, Codable, CaseIterable {
    /// The payment order reached the debtor (送達): the 2-week objection period starts (391条1項).
    case paymentOrderServed = "payment-order-served"
    /// The creditor applied for the declaration of provisional execution (仮執行宣言の申立て,
    /// 391条1項); without it within 30 days the order lapses (392条).
    case provisionalExecutionApplied = "provisional-execution-applied"
    /// The declared order reached the debtor: the last 2-week objection period starts (393条).
    case declarationServed = "declaration-served"

    public var japaneseName: String {
        switch self {
        case .paymentOrderServed: "支払督促の送達"
        case .provisionalExecutionApplied: "仮執行宣言の申立て"
        case .declarationServed: "仮執行宣言付支払督促の送達"
        }
    }
}
