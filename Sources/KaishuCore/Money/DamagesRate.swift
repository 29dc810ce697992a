/// The rate and day count one claim's late-payment damages run at, and why (民法419条1項).
///
/// - Without an agreed rate, the statutory rate in force when the delay began applies
///   (419条1項本文 → 404条; `StatutoryRate`).
/// - With an agreed damages rate (約定遅延損害金率), it applies **only if it exceeds** the
///   statutory rate (419条1項ただし書). An agreed rate at or below the statutory rate does not
///   lower the damages: the statutory rate stands.
/// - The day count is the contract's: days/365 where it says 「年365日の日割計算」, else the
///   court method (`LateInterest.Method`).
///
/// Where a statute caps what an agreed rate may claim and the case book knows the facts, the
/// decision carries a warning — never a silent clamp: the collector sees the agreed rate, the
/// cap and the article, and claims no more than the law allows. Today that is the consumer
/// contract cap of 14.6 % a year (消費者契約法9条1項2号), for claims recorded as consumer
/// contracts. The 利息制限法 caps on loans (4条, 7条) are not checked: a claim does not record
/// whether it is a money loan (金銭消費貸借).
public struct DamagesRate: Hashable, Sendable {
    /// Where the applied rate comes from.
    public enum Source: String, Hashable, Sendable, Codable {
        /// The contract's rate, above the statutory one (419条1項ただし書).
        case agreed
        /// The statutory rate (419条1項本文, or ただし書 when the agreed rate does not exceed it).
        case statutory
    }

    /// The annual rate the damages run at; `nil` while it depends on a statutory rate not yet
    /// announced (民法404条3項〜5項).
    public var rate: InterestRate?
    public var source: Source
    public var method: LateInterest.Method
    /// The statutory rate for the day the delay began, looked up whether or not it applies.
    public var statutory: StatutoryRateLookup
    /// The rate the contract fixes for late payment, if any.
    public var agreed: InterestRate?
    /// Legal caps the agreed rate exceeds.
    public var warnings: [DamagesRateWarning]

    /// The rate for a delay beginning on `delayBegan`.
    ///
    /// - Parameters:
    ///   - agreed: the contract's damages rate, if it fixes one.
    ///   - method: the contract's day count; `nil` means the court method.
    ///   - consumerContract: the claim arises from a consumer contract (消費者契約法2条3項).
    public static func decide(
        agreed: InterestRate?, method: LateInterest.Method?, delayBegan: CivilDate, kind: ObligationKind,
        consumerContract: Bool = false, table: StatutoryRateTable = .standard
    ) -> DamagesRate {
        let statutory = table.lookup(delayBegan: delayBegan, kind: kind)
        let method = method ?? .court
        var warnings: [DamagesRateWarning] = []
        if let agreed, consumerContract, agreed > DamagesRateWarning.consumerContractCap {
            warnings.append(.consumerContract(agreed: agreed))
        }
        guard let agreed else {
            return DamagesRate(
                rate: statutory.rate, source: .statutory, method: method, statutory: statutory, agreed: nil,
                warnings: warnings)
        }
        guard let legal = statutory.rate else {
            // Whether the agreed rate exceeds the statutory one cannot be known yet: say so.
            return DamagesRate(
                rate: nil, source: .statutory, method: method, statutory: statutory, agreed: agreed,
                warnings: warnings)
        }
        let source: Source = agreed > legal ? .agreed : .statutory
        return DamagesRate(
            rate: source == .agreed ? agreed : legal, source: source, method: method, statutory: statutory,
            agreed: agreed, warnings: warnings)
    }

    /// The rate of `claim`'s damages, from its own agreed rate, day count and consumer flag.
    public static func decide(
        for claim: Claim, delayBegan: CivilDate, table: StatutoryRateTable = .standard
    ) -> DamagesRate {
        decide(
            agreed: claim.agreedRate, method: claim.dayCount, delayBegan: delayBegan,
            kind: ObligationKind(claimKind: claim.kind), consumerContract: claim.consumerContract ?? false,
            table: table)
    }

    /// The basis in one line, with the article: `14.6% a year, agreed (民法419条1項ただし書: above
    /// the statutory 3%)`. Without an agreed rate and with the court method it is exactly the
    /// statutory rate's explanation.
    public var explanation: String {
        var text: String
        switch (source, agreed, statutory) {
        case (.agreed, let agreed?, .known(let legal, _)):
            text = "\(agreed) a year, agreed rate (民法419条1項ただし書: above the statutory \(legal))"
        case (_, let agreed?, .known):
            text =
                "\(statutory.explanation); the agreed \(agreed) does not exceed it, so the statutory rate applies (民法419条1項ただし書)"
        case (_, let agreed?, .notYetAnnounced):
            text =
                "\(statutory.explanation); the agreed \(agreed) applies only if it exceeds that rate (民法419条1項ただし書)"
        default:
            text = statutory.explanation
        }
        if method == .days365 { text += "; days/365 by contract" }
        return text
    }
}

extension DamagesRate {
    /// The highest agreed damages rate Kaishu takes in: 100 % a year. A higher figure is almost
    /// surely a slip (a yen amount in the rate column, say).
    public static let maximumAgreed = InterestRate.percent(100)

    /// Why a written rate was refused.
    public struct ParseError: Error, Hashable, Sendable {
        public var reason: String
    }

    /// An agreed damages rate written as an annual percentage, as an import file or the command
    /// line gives it: `14.6`, `14.6%`, `１４．６％`, `年14.6%` — at most 3 decimals, from 0 to
    /// 100. Kept exactly (`InterestRate`).
    public static func parseAgreed(_ text: String) throws(ParseError) -> InterestRate {
        var body = Substring(TextFold.trimmed(TextFold.nfkc(text)))
        if body.hasPrefix("年") { body = body.dropFirst() }
        if body.hasSuffix("%") { body = body.dropLast() }
        body = Substring(TextFold.trimmed(body))
        if let first = body.unicodeScalars.first, TextFold.isHyphenLike(first) {
            throw ParseError(reason: "'\(text)' is not a rate: a rate cannot be negative")
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else {
            throw ParseError(reason: "'\(text)' is not a rate: write the percentage a year, e.g. 14.6")
        }
        if parts.count == 2 && parts[1].count > 3 {
            throw ParseError(reason: "'\(text)' has more than 3 decimals: write the percentage a year, e.g. 14.625")
        }
        guard parts[0].count <= 3, let rate = InterestRate(percent: body), rate <= maximumAgreed else {
            throw ParseError(reason: "'\(text)' is more than \(maximumAgreed.percentText)% a year")
        }
        return rate
    }
}

/// An agreed damages rate above a cap the law sets for the contract: the excess is void, so the
/// collector must not claim it. Kaishu warns; it does not change the rate on its own.
public struct DamagesRateWarning: Hashable, Sendable, Codable {
    /// The highest rate the law lets the contract claim.
    public var cap: InterestRate
    /// The article that sets the cap.
    public var article: String
    /// One line for the case view and the command's output.
    public var message: String

    /// 14.6 % a year: damages agreed in a consumer contract above this rate are void in the
    /// excess (消費者契約法9条1項2号).
    public static let consumerContractCap = InterestRate(perMillion: 146_000)

    static func consumerContract(agreed: InterestRate) -> DamagesRateWarning {
        DamagesRateWarning(
            cap: consumerContractCap, article: "消費者契約法9条1項2号",
            message:
                "the agreed \(agreed) exceeds \(consumerContractCap) a year, the cap for a consumer contract (消費者契約法9条1項2号): the excess is void; claim at most \(consumerContractCap)"
        )
    }
}
