/// Late-payment damages on a claim with part payments, each payment applied first to the
/// damages accrued up to its date and only then to the principal (法定充当, 民法489条1項:
/// costs, then interest and damages, then principal — unless the parties agreed otherwise,
/// 490条).
///
/// Damages accrue day by day through the day of each payment on the principal then unpaid;
/// from the next day they accrue on what is left. Accrued damages are kept as an exact
/// fraction: a payment can only settle whole yen of them, and the fraction of a yen carries
/// on, so the one truncation happens when the statement is read.
///
/// Example: 1,000,000 yen at 3 % from 2025-04-01; 100,000 yen paid 2025-09-30 (183 days:
/// 15,041.09… yen of damages) → 15,041 to damages, 84,959 to principal → 915,041 yen of
/// principal from 2025-10-01.
public enum LateInterestStatement {
    /// The statement of a claim whose delay began on `delayBegan` (the day after the due
    /// date), counted through `through`. Payments after `through` are ignored; payments
    /// before the delay began reduce the principal directly.
    public static func compute(
        principal: Money, rate: InterestRate, delayBegan: CivilDate, payments: [Payment],
        through: CivilDate, method: LateInterest.Method = .court
    ) -> InterestStatement {
        var lines: [InterestStatement.Line] = []
        var owed = principal
        var accrued = ExactYen(whole: 0, remainder: 0)
        var start = delayBegan
        let ordered = payments.filter { $0.date <= through }.sorted { $0.date < $1.date }
        for payment in ordered {
            var line = InterestStatement.Line(
                from: start, to: payment.date, principal: owed, damages: .zero,
                payment: payment.amount,
                toDamages: .zero, toPrincipal: .zero)
            if payment.date >= start {
                let part = LateInterest.breakdown(
                    principal: owed, rate: rate, from: start, to: payment.date, method: method
                ).exact
                accrued = accrued.adding(part)
                line.damages = Money(yen: part.whole)
                start = payment.date.adding(days: 1)
            } else {
                line.from = payment.date  // paid before the delay began: no damages yet
            }
            let toDamages = min(payment.amount, Money(yen: accrued.whole))
            accrued.whole -= toDamages.yen
            let toPrincipal = min(payment.amount - toDamages, owed)
            owed -= toPrincipal
            line.toDamages = toDamages
            line.toPrincipal = toPrincipal
            lines.append(line)
        }
        if start <= through {
            let part = LateInterest.breakdown(
                principal: owed, rate: rate, from: start, to: through, method: method
            ).exact
            accrued = accrued.adding(part)
            lines.append(
                InterestStatement.Line(
                    from: start, to: through, principal: owed, damages: Money(yen: part.whole),
                    payment: .zero,
                    toDamages: .zero, toPrincipal: .zero))
        }
        let overpaid =
            ordered.reduce(Money.zero) { $0 + $1.amount }
            - lines.reduce(Money.zero) { $0 + $1.toDamages + $1.toPrincipal }
        return InterestStatement(
            lines: lines, principalOutstanding: owed, damagesOutstanding: Money(yen: accrued.whole),
            overpaid: overpaid)
    }

    /// A payment received on the claim.
    public struct Payment: Hashable, Sendable, Codable {
        public var date: CivilDate
        public var amount: Money
        public init(date: CivilDate, amount: Money) {
            self.date = date
            self.amount = amount
        }
    }
}

/// The result of `LateInterestStatement.compute`: one line per stretch between payments.
public struct InterestStatement: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var from: CivilDate
        public var to: CivilDate
        /// The principal on which damages ran over the stretch.
        public var principal: Money
        /// Damages of the stretch, truncated for display (the exact sum is carried).
        public var damages: Money
        /// The payment at the end of the stretch (zero on the last line).
        public var payment: Money
        public var toDamages: Money
        public var toPrincipal: Money
    }

    public var lines: [Line]
    public var principalOutstanding: Money
    /// Accrued, unpaid damages through the statement date, truncated to the yen once.
    public var damagesOutstanding: Money
    /// Paid beyond everything owed (to be refunded or applied elsewhere).
    public var overpaid: Money

    /// Principal plus damages.
    public var totalOutstanding: Money { principalOutstanding + damagesOutstanding }
}

extension ExactYen {
    func adding(_ other: ExactYen) -> ExactYen {
        let remainder = self.remainder + other.remainder
        return ExactYen(
            whole: whole + other.whole + remainder / LateInterest.denominator,
            remainder: remainder % LateInterest.denominator)
    }
}
