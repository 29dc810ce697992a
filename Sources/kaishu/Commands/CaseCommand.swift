import ArgumentParser
import Foundation
import KaishuCore

struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Show a case, or record what happened on it.",
        subcommands: [
            CaseShow.self, CaseNote.self, CaseEscalate.self, CaseDeescalate.self, CaseResolve.self,
            CasePay.self, CaseAcknowledge.self, CaseDemandDelivered.self, CaseAgreement.self,
            CaseRefusal.self, CaseJudgment.self, CaseProceedingEnded.self, CaseDispute.self, CaseHold.self,
            CaseReschedule.self, CaseCorrect.self, CaseCourtStep.self, CaseClaimTerms.self,
        ]
    )
}

/// Options every recording subcommand shares.
struct WriteOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var collector: CollectorOption
    @OptionGroup var output: OutputOptions
    @Option(help: "Idempotency key: a retried command with the same key is applied once.")
    var idempotencyKey: String?
    @Option(
        help: "Team case book: the lease token from `kaishu queue next`; the write is refused if that claim was lost.")
    var lease: Int64?

    func session() throws -> Session {
        let calendar = try KaishuConfig.resolved().calendar
        return Session(
            store: try store.open(), calendar: calendar, today: try day.resolve(), collector: collector.resolved)
    }

    /// Performs the action and prints the case as it now stands.
    func perform(_ action: (Session) async throws -> CaseAction, on id: Int64) async throws {
        var session = try session()
        if let lease {
            // The expiry is the server's to judge; the command line only carries the token.
            session.lease = Lease(caseID: id, collector: session.collector, token: lease, expiresAt: .distantPast)
        }
        let state = try await session.perform(try await action(session), on: id, key: idempotencyKey)
        try CaseReport(state: state, today: session.today).print(json: output.json, brief: true)
    }
}

struct CaseShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: debtor, claims, limitation basis, history.")
    @Argument(help: "Case id.") var id: Int64
    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await failing {
            let session = Session(
                store: try store.open(), calendar: try KaishuConfig.resolved().calendar, today: try day.resolve(),
                collector: "")
            let state = try await session.state(of: id)
            try CaseReport(state: state, today: session.today).print(json: output.json, brief: false)
        }
    }
}

extension CaseNote {
    /// Contact at night asks for confirmation; too many attempts in a week warns (LEGAL.md §10).
    /// The time is `--time`, else now in Japan when the contact is today's.
    func conductCheck(_ session: Session, date: CivilDate) async throws {
        guard channel == .phone || channel == .visit else { return }
        let clock =
            time.flatMap { LocalTime(parsing: $0) }
            ?? (date == session.today && !write.day.isInjected ? Clock.localTimeInTokyo() : nil)
        let previous = ContactConduct.attemptDates(in: try await session.state(of: id))
        var warnings: [ConductWarning] = []
        let policy = try KaishuConfig.resolved().contact
        if let clock, let quiet = ContactConduct.quietHoursWarning(at: clock, window: policy.quietHours) {
            warnings.append(quiet)
        }
        if let cap = ContactConduct.weeklyCapWarning(previousAttempts: previous, on: date, cap: policy.weeklyCap) {
            FileHandle.standardError.write(Data("kaishu: warning: \(cap.message)\n".utf8))
        }
        if let quiet = warnings.first, !confirm {
            throw Refusal(quiet.message + " Add --confirm to log it anyway.")
        }
    }
}

struct CaseNote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Log a call (or email, visit) and its outcome.")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "no-answer, left-message, promised, refused, disputed, wrong-number, callback, says-paid")
    var outcome: ContactOutcome
    @Option(help: "What was said.") var text: String = ""
    @Option(help: "For 'promised': the day the debtor promised to pay.") var promiseDate: String?
    @Option(help: "For 'promised': the amount promised (yen).") var promiseAmount: String?
    @Option(help: "For 'callback': the day to call back.") var callback: String?
    @Option(help: "Time of the contact or callback (HH:MM).") var time: String?
    @Option(help: "phone, email, visit or letter.") var channel: ContactChannel = .phone
    @Option(help: "The contact's date (default: today).") var on: String?
    @Flag(help: "Log it although it falls in the quiet hours (21:00–08:00).") var confirm = false
    @OptionGroup var write: WriteOptions

    func validate() throws {
        if outcome == .promised && (promiseDate == nil || promiseAmount == nil) {
            throw ValidationError("--outcome promised needs --promise-date and --promise-amount")
        }
        if outcome != .promised && (promiseDate != nil || promiseAmount != nil) {
            throw ValidationError("--promise-date and --promise-amount go with --outcome promised")
        }
        if let time, !ClockTime.isValid(time) { throw ValidationError("--time: '\(time)' is not HH:MM") }
    }

    func run() async throws {
        try await failing {
            try await write.perform(
                { session in
                    var log = ContactLog(outcome: outcome, channel: channel, text: text, time: time)
                    if let promiseDate, let promiseAmount {
                        log.promise = Promise(
                            date: try parseDate(promiseDate, option: "--promise-date"),
                            amount: try parseYen(promiseAmount, option: "--promise-amount"))
                    }
                    if let callback {
                        log.callbackOn = try parseDate(callback, option: "--callback")
                        log.callbackTime = time
                    }
                    let date = try on.map { try parseDate($0, option: "--on") } ?? session.today
                    try await conductCheck(session, date: date)
                    return .logContact(log, on: date)
                }, on: id)
        }
    }
}

struct CaseEscalate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Move a case up the ladder (the next stage, or --to a higher one).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The stage to move to (required from certified-mail: the legal route).") var to: Stage?
    @Option(help: "Why (recorded in the history).") var reason: String?
    @Option(help: "The court, for a legal route (e.g. 東京簡易裁判所).") var court: String?
    @Flag(help: "Escalate even though the case is disputed or on hold.") var override = false
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing {
            try await write.perform(
                { session in
                    if to == .smallClaims, let register = session.store as? any SmallClaimsRegister {
                        let state = try await session.state(of: id)
                        let filings = try await register.smallClaimsFilings(in: session.today.year)
                        if let refusal = SmallClaims.refusal(
                            outstanding: state.outstanding, court: court, today: session.today, filings: filings)
                        {
                            throw refusal
                        }
                    }
                    return .escalate(to: to, reason: reason, court: court, override: override)
                }, on: id)
        }
    }
}

struct CaseDeescalate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deescalate", abstract: "Move a case back down the ladder, with a reason.")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The lower stage.") var to: Stage
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing { try await write.perform({ _ in .deescalate(to: to, reason: reason) }, on: id) }
    }
}

struct CaseResolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Close a case (paid, written-off, withdrawn) or put it on a payment plan.")
    @Argument(help: "Case id.") var id: Int64
    @Option(name: .customLong("as"), help: "paid, written-off, withdrawn or payment-plan.") var outcome: Stage
    @Option(help: "Why.") var reason: String?
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing { try await write.perform({ _ in .resolve(outcome, reason: reason) }, on: id) }
    }
}

struct CasePay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: "Record a payment. A partial payment renews limitation (民法152条).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "Amount received (yen).") var amount: String
    @Option(help: "Date received.") var on: String
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing {
            try await write.perform(
                { _ in
                    .pay(amount: try parseYen(amount, option: "--amount"), on: try parseDate(on, option: "--on"))
                }, on: id)
        }
    }
}

/// Shared shape of the subcommands that record one dated legal fact.
protocol DatedFactCommand: AsyncParsableCommand {
    var id: Int64 { get }
    var on: String { get }
    var write: WriteOptions { get }
    func action(on date: CivilDate) throws -> CaseAction
}

extension DatedFactCommand {
    func run() async throws {
        try await failing {
            try await write.perform({ _ in try action(on: try parseDate(on, option: "--on")) }, on: id)
        }
    }
}

struct CaseAcknowledge: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "Record the debtor's acknowledgment of the debt (承認): limitation renews (民法152条).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "Date of the acknowledgment.") var on: String
    @Option(help: "What it was (signed confirmation, request for time …).") var note: String?
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .acknowledge(on: date, note: note) }
}

struct CaseDemandDelivered: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "demand-delivered",
        abstract:
            "Record that a demand reached the debtor (certified mail delivered): six months' postponement, once (民法150条)."
    )
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "Delivery date (from the proof of delivery).") var on: String
    @Option(help: "Reference, e.g. the registered-mail number.") var reference: String?
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .demandDelivered(on: date, reference: reference) }
}

struct CaseAgreement: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Record a written agreement to negotiate (協議を行う旨の合意, 民法151条).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "Date of the agreement.") var on: String
    @Option(help: "End of a shorter agreed period, if any.") var until: String?
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) throws -> CaseAction {
        .agreement(on: date, until: try until.map { try parseDate($0, option: "--until") })
    }
}

struct CaseRefusal: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "refusal",
        abstract: "Record a written refusal to continue negotiating (民法151条1項3号).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "Date of the written notice.") var on: String
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .refusal(on: date) }
}

struct CaseJudgment: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "judgment",
        abstract: "Record that a judgment or equivalent became final: ten years from the next day (民法169条).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The date it became final.") var on: String
    @Option(help: "Case number or kind (判決, 和解調書, 仮執行宣言付支払督促 …).") var note: String?
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .judgment(on: date, note: note) }
}

struct CaseProceedingEnded: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "proceeding-ended",
        abstract: "Record that a court proceeding ended without confirming the claim (withdrawn, dismissed, lapsed).")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The date it ended.") var on: String
    @Option(help: "How it ended.") var reason: String
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .proceedingEnded(on: date, reason: reason) }
}

struct CaseDispute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute", abstract: "Mark the debt as disputed (or --off when resolved).")
    @Argument(help: "Case id.") var id: Int64
    @Flag(help: "The dispute is resolved.") var off = false
    @Option(help: "What is disputed.") var reason: String?
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing { try await write.perform({ _ in .setDisputed(!off, reason: reason) }, on: id) }
    }
}

struct CaseHold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Put a case on hold (or --off to release it).")
    @Argument(help: "Case id.") var id: Int64
    @Flag(help: "Release the hold.") var off = false
    @Option(help: "Why.") var reason: String?
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing { try await write.perform({ _ in .setHold(!off, reason: reason) }, on: id) }
    }
}

struct CaseReschedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule", abstract: "Set the day of the next action.")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The new date.") var to: String
    @Option(help: "Why.") var reason: String?
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing {
            try await write.perform({ _ in .reschedule(to: try parseDate(to, option: "--to"), reason: reason) }, on: id)
        }
    }
}

struct CaseCorrect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Void an event recorded by mistake. The log keeps both; nothing is edited.")
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "The event number (#seq in `case show`).") var event: Int64
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var write: WriteOptions

    func run() async throws {
        try await failing {
            try await write.perform({ _ in .correct(seq: event, replacement: nil, reason: reason) }, on: id)
        }
    }
}

extension Stage: ExpressibleByArgument {}
extension ContactOutcome: ExpressibleByArgument {}
extension ContactChannel: ExpressibleByArgument {}

/// `HH:MM` on a 24-hour clock.
enum ClockTime {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}

extension CourtStep: ExpressibleByArgument {}

struct CaseCourtStep: DatedFactCommand {
    static let configuration = CommandConfiguration(
        commandName: "court-step",
        abstract:
            "Record a payment order's service, the application for provisional execution, or the declared order's service (民事訴訟法391条〜393条)."
    )
    @Argument(help: "Case id.") var id: Int64
    @Option(help: "payment-order-served, provisional-execution-applied or declaration-served.") var step: CourtStep
    @Option(help: "The date (from the court's notice).") var on: String
    @OptionGroup var write: WriteOptions
    func action(on date: CivilDate) -> CaseAction { .courtStep(step, on: date) }
}
