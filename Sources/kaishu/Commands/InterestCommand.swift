import ArgumentParser
import KaishuCore

extension LateInterest.Method: ExpressibleByArgument {}
extension ObligationKind: ExpressibleByArgument {}

/// `kaishu interest --principal YEN --rate PERCENT --from D --to D`: late-payment damages.
struct InterestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interest",
        abstract: "Late-payment damages (遅延損害金) on a principal between two dates, both included.",
        discussion: """
            court (default): whole years from --from at the annual rate, then each remaining \
            day over 366 in a leap year, else 365; 365: every day over 365 (「年365日の日割計算」). \
            Exact arithmetic, truncated to the yen once. Without --rate, the statutory rate for \
            a delay that began on --from (民法404条・419条; before 2020-04-01 5 % civil, 6 % \
            commercial; see --kind). With a case id, each claim runs at its own agreed rate if \
            that exceeds the statutory rate (民法419条1項ただし書), else the statutory rate, and by \
            its own day count unless --method is given.
            """
    )

    @Argument(help: "A case id: the damages on each of its open claims (instead of --principal/--from).")
    var id: Int64?

    @Option(help: "The unpaid principal in yen.")
    var principal: String?

    @Option(help: "The annual rate in percent (e.g. 3, 14.6); default: the statutory rate.")
    var rate: String?

    @Option(help: "Statutory rate only: civil | commercial (matters for delay before 2020-04-01).")
    var kind: ObligationKind = .commercial

    @Option(help: "The first day of delay (the day after the due date), YYYY-MM-DD.")
    var from: String?

    @Option(help: "The last day counted, YYYY-MM-DD; default: --today.")
    var to: String?

    @Option(help: "court | 365 (default: court; with a case id, each claim's own day count)")
    var method: LateInterest.Method?

    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    struct Result: Encodable {
        var interest: Money
    }

    func validate() throws {
        if id == nil && (principal == nil || from == nil) {
            throw ValidationError("give a case id, or --principal and --from for a calculation")
        }
        if id != nil && (principal != nil || from != nil || rate != nil) {
            throw ValidationError(
                "a case id takes its principal, dates and rate from the case: drop --principal/--from/--rate")
        }
    }

    func run() async throws {
        try await failing {
            if let id {
                let to = try self.to.map { try CalculatorArguments.date($0, option: "--to") } ?? day.resolve()
                guard let file = try await store.open().caseFile(id) else { throw CommandFailure("no case \(id)") }
                let state = CaseState(file: file, calendar: try KaishuConfig.resolved().calendar)
                try CaseInterestReport(position: CaseLegalPosition(state: state, today: to, method: method))
                    .print(json: output.json)
                return
            }
            let principal = try CalculatorArguments.yen(
                self.principal!, option: "--principal", maximum: LateInterest.maximumPrincipal)
            let from = try CalculatorArguments.date(self.from!, option: "--from")
            let to =
                try self.to.map { try CalculatorArguments.date($0, option: "--to") }
                ?? day.resolve()
            guard from <= to else {
                throw CommandFailure(
                    "--from \(from) is after --to \(to): both days are included, so --to must not be earlier"
                )
            }
            let annual: InterestRate
            let basis: String
            if let text = rate {
                guard let parsed = InterestRate(percent: text) else {
                    throw CommandFailure(
                        "--rate: '\(text)' is not a percentage between 0 and \(InterestRate.maximum.percentText) with at most 4 decimals (e.g. 3 or 14.6)"
                    )
                }
                annual = parsed
                basis = "agreed rate"
            } else {
                let lookup = StatutoryRate.rate(delayBegan: from, kind: kind)
                guard case .known(let statutory, let law) = lookup else {
                    throw CommandFailure(lookup.explanation)
                }
                annual = statutory
                basis = "statutory rate: " + law
            }
            let method = self.method ?? .court
            let result = LateInterest.breakdown(
                principal: principal, rate: annual, from: from, to: to, method: method)
            if output.json {
                try printJSON(Result(interest: result.interest))
            } else {
                print("\(result.interest)")
                print("  \(principal) at \(annual) a year (\(basis))")
                print(
                    "  \(from) – \(to): \(result.totalDays) days, \(method.rawValue) method: \(result.fractionText)"
                )
            }
        }
    }
}

/// `kaishu interest ID`: the late-payment damages of each open claim of a case through a date.
struct CaseInterestReport: Encodable {
    struct Claim: Encodable {
        let invoice: String
        let delayBegan: CivilDate
        /// The basis in words, with the article.
        let rate: String
        /// The annual rate applied, in percent (`"14.6"`); absent while not yet announced.
        let annualPercent: String?
        /// `agreed` or `statutory` (民法419条1項).
        let rateSource: DamagesRate.Source
        /// The agreed rate the contract fixes, in percent, if any.
        let agreedPercent: String?
        let method: LateInterest.Method
        /// Legal caps the agreed rate exceeds (消費者契約法9条1項2号).
        let warnings: [String]
        /// The damages at the cap, when the agreed rate exceeds one.
        let damagesAtCap: Money?
        let principalOutstanding: Money?
        let damages: Money?
        let lines: [InterestStatement.Line]
    }

    let through: CivilDate
    let damages: Money
    let claims: [Claim]

    init(position: CaseLegalPosition) {
        through = position.today
        damages = position.damages
        claims = position.interest.map {
            Claim(
                invoice: $0.invoice, delayBegan: $0.delayBegan, rate: $0.applied.explanation,
                annualPercent: $0.applied.rate?.percentText, rateSource: $0.applied.source,
                agreedPercent: $0.applied.agreed?.percentText, method: $0.applied.method,
                warnings: $0.applied.warnings.map(\.message), damagesAtCap: $0.damagesAtCap,
                principalOutstanding: $0.statement?.principalOutstanding, damages: $0.statement?.damagesOutstanding,
                lines: $0.statement?.lines ?? [])
        }
    }

    func print(json: Bool) throws {
        if json { return try printJSON(self) }
        Swift.print("Late-payment damages through \(through): \(damages)")
        for claim in claims {
            let amount = claim.damages.map { "\($0)" } ?? "rate not yet announced"
            Swift.print("  \(claim.invoice)  delay from \(claim.delayBegan)  \(amount)  — \(claim.rate)")
            for warning in claim.warnings { Swift.print("    ! \(warning)") }
            if let capped = claim.damagesAtCap { Swift.print("    ! at the cap: \(capped)") }
            for line in claim.lines {
                let paid =
                    line.payment.isPositive
                    ? "  paid \(line.payment) → damages \(line.toDamages), principal \(line.toPrincipal)" : ""
                Swift.print("      \(line.from) – \(line.to)  on \(line.principal): \(line.damages)\(paid)")
            }
        }
        if claims.isEmpty { Swift.print("  no open claim is past its due date") }
    }
}
