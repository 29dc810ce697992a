/// Readers for a contract's late-payment damages terms in a receivables row: the agreed rate,
/// the day count and whether the contract is a consumer contract (`DamagesRate`).
extension ImportFieldParsers {
    /// An agreed damages rate (`DamagesRate.parseAgreed`).
    static func agreedRate(_ text: String) throws(FieldProblem) -> InterestRate {
        do {
            return try DamagesRate.parseAgreed(text)
        } catch {
            throw FieldProblem(error.reason)
        }
    }

    private static let days365 = ["365", "365日", "年365日", "年365日の日割計算", "days365", "days/365", "365days"]
    private static let court = ["court", "裁判所", "裁判所方式", "閏年366日", "うるう年366日"]

    /// The contract's day count: `365` (「年365日の日割計算」) or `court` (the court method).
    static func dayCount(_ text: String) throws(FieldProblem) -> LateInterest.Method {
        let key = TextFold.trimmed(TextFold.nfkc(text)).lowercased().filter { $0 != " " }
        if days365.contains(key) { return .days365 }
        if court.contains(key) { return .court }
        throw FieldProblem("'\(text)' is not a day count: use 365 (年365日の日割計算) or court (裁判所方式)")
    }

    private static let consumerYes = ["消費者", "消費者契約", "yes", "y", "true", "t", "1", "はい", "○", "〇", "◯"]
    private static let consumerNo = ["事業者", "事業者間", "no", "n", "false", "f", "0", "いいえ", "×", "✕"]

    /// Whether the claim is from a consumer contract: `消費者`/`事業者`, yes/no, true/false, 1/0, ○/×.
    static func consumer(_ text: String) throws(FieldProblem) -> Bool {
        let key = TextFold.trimmed(TextFold.nfkc(text)).lowercased()
        if consumerYes.contains(key) { return true }
        if consumerNo.contains(key) { return false }
        throw FieldProblem("'\(text)' is not yes or no: use 消費者 or 事業者, yes or no, true or false, 1 or 0")
    }
}
