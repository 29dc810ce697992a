import ArgumentParser
import KaishuCore

extension CourtProcedure: ExpressibleByArgument {}

/// `kaishu fee --amount YEN --procedure P`: the court filing fee for a claim value.
struct FeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee",
        abstract: "Court filing fee (申立手数料) for a claim value.",
        discussion: """
            民事訴訟費用等に関する法律 別表第一: lawsuit and small claims (1の項), payment order \
            (half, 10の項), civil mediation (14の項). Small claims is refused above 600,000 yen \
            (民事訴訟法368条). Postage deposits (予納郵券) come on top and are not included.
            """
    )

    @Option(help: "The claim value in yen (the principal; interest is not counted, 民訴法9条2項).")
    var amount: String

    @Option(help: "lawsuit | small-claims | payment-order | mediation")
    var procedure: CourtProcedure

    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    struct Result: Encodable {
        var fee: Money
    }

    func run() async throws {
        try await failing {
            let value = try CalculatorArguments.yen(amount, option: "--amount")
            let fee = try CourtFees.fee(procedure, claimValue: value, on: day.resolve())
            if output.json {
                try printJSON(Result(fee: fee))
            } else {
                print(
                    "\(fee)  \(procedure.japaneseName) (\(procedure.rawValue)) on a claim of \(value)"
                )
            }
        }
    }
}
