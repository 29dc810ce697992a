import ArgumentParser
import KaishuCore

/// `kaishu case rate ID --invoice INV --rate 14.6 [--method 365] [--consumer yes] --reason …`:
/// records a claim's late-payment damages terms from its contract.
///
/// The history is append-only, so this is a correction (`case correct`): the claim's
/// `claim-added` event is replaced by the same claim with the new terms, and the log keeps both
/// with the reason. Nothing else about the claim changes.
struct CaseClaimTerms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Set a claim's agreed damages rate, day count or consumer-contract flag (recorded as a correction).",
        discussion: """
            The agreed rate applies only if it exceeds the statutory rate (民法419条1項ただし書). \
            In a consumer contract, agreed damages above 14.6 % a year are void in the excess \
            (消費者契約法9条1項2号): Kaishu warns on the case.
            """)

    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The invoice of the claim.") var invoice: String
    @Option(help: "The agreed annual rate in percent (e.g. 14.6), or 'none' to remove it.") var rate: String?
    @Option(help: "The contract's day count: court | 365.") var method: LateInterest.Method?
    @Option(help: "A consumer contract (消費者契約法): yes | no.") var consumer: String?
    @Option(help: "Why (required), e.g. the contract clause.") var reason: String
    @OptionGroup var write: WriteOptions

    func validate() throws {
        if rate == nil && method == nil && consumer == nil {
            throw ValidationError("give at least one of --rate, --method, --consumer")
        }
    }

    func run() async throws {
        try await failing {
            let agreed: InterestRate??
            switch rate {
            case nil: agreed = nil
            case "none"?: agreed = .some(nil)
            case let text?:
                do throws(DamagesRate.ParseError) {
                    let parsed = try DamagesRate.parseAgreed(text)
                    agreed = .some(parsed)
                } catch {
                    throw CommandFailure("--rate: \(error.reason)")
                }
            }
            let isConsumer: Bool?
            switch consumer?.lowercased() {
            case nil: isConsumer = nil
            case "yes"?, "true"?: isConsumer = true
            case "no"?, "false"?: isConsumer = false
            case let other?: throw CommandFailure("--consumer: '\(other)' is not yes or no")
            }
            try await write.perform(
                { session in
                    let state = try await session.state(of: id)
                    guard
                        let event = state.effectiveEvents.last(where: {
                            if case .claimAdded(let claim) = $0.fact { claim.invoice == invoice } else { false }
                        }),
                        case .claimAdded(var claim) = event.fact
                    else { throw CommandFailure("case \(id) has no claim with invoice '\(invoice)'") }
                    if let agreed { claim.agreedRate = agreed }
                    if let method { claim.dayCount = method }
                    if let isConsumer { claim.consumerContract = isConsumer }
                    guard .claimAdded(claim) != event.fact else {
                        throw CommandFailure("claim '\(invoice)' already has these terms")
                    }
                    return .correct(seq: event.seq, replacement: .claimAdded(claim), reason: reason)
                }, on: id)
        }
    }
}
