/// What came of one attempt to reach the debtor: the keys 1–8 of the call picker.
public enum ContactOutcome: String, CaseIterable, Codable, Sendable {
    case noAnswer = "no-answer"
    case leftMessage = "left-message"
    case promised
    case refused
    case disputed
    case wrongNumber = "wrong-number"
    case callback
    case saysPaid = "says-paid"

    public var label: String {
        switch self {
        case .noAnswer: "no answer"
        case .leftMessage: "left message"
        case .promised: "promised to pay"
        case .refused: "refused"
        case .disputed: "disputes the debt"
        case .wrongNumber: "wrong number"
        case .callback: "asked for a callback"
        case .saysPaid: "says already paid"
        }
    }
}

/// How a contact was made.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case phone, email, visit, letter
}

/// A promise to pay a given amount by a given day (支払約束).
public struct Promise: Hashable, Codable, Sendable {
    public var date: CivilDate
    public var amount: Money

    public init(date: CivilDate, amount: Money) {
        self.date = date
        self.amount = amount
    }
}
