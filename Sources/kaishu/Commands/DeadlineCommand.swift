import ArgumentParser
import KaishuCore

/// `kaishu deadline …`: procedural deadlines under the Code of Civil Procedure.
struct DeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract:
            "Procedural deadlines (民事訴訟法95条: moved past weekends, holidays and 29 Dec – 3 Jan).",
        subcommands: [Objection.self, PaymentOrder.self]
    )

    /// `kaishu deadline objection --served DATE`: the last day of a 2-week objection period.
    struct Objection: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "objection",
            abstract: "Last day of the 2-week objection period after service (督促異議・少額異議).",
            discussion: """
                Two weeks from the day after service (the service day is not counted); an end \
                on a Saturday, Sunday, national holiday or 29 Dec – 3 Jan moves to the next day \
                that is none of these (民事訴訟法95条3項).
                """
        )

        @Option(help: "The day the document was served (YYYY-MM-DD).")
        var served: String

        @OptionGroup var output: OutputOptions

        struct Result: Encodable {
            var lastDay: CivilDate
        }

        func run() async throws {
            try await failing {
                let served = try CalculatorArguments.date(self.served, option: "--served")
                let deadline = CourtCalendar.japan.deadline(after: served, weeks: 2)
                if output.json {
                    try printJSON(Result(lastDay: deadline.lastDay))
                } else {
                    print("last day: \(describe(deadline.lastDay))")
                    print(
                        "  2 weeks from service on \(describe(served)) end \(describe(deadline.rawEnd))"
                    )
                    for day in deadline.skipped {
                        print("  moved past \(describe(day.date)): \(day.name) (民事訴訟法95条3項)")
                    }
                }
            }
        }
    }

    /// `kaishu deadline payment-order --served DATE`: the whole payment-order timeline.
    struct PaymentOrder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "payment-order",
            abstract:
                "The payment order's timeline: objection, provisional execution window, finality.",
            discussion: """
                支払督促: the debtor's 2 weeks to object (391条) → apply for the declaration of \
                provisional execution within 30 days of the first possible day (392条; counted \
                from that day) → 2 more weeks to object after the declared order is served \
                (393条) → the effect of a final judgment (396条). Every end is moved under 95条3項.
                """
        )

        @Option(help: "The day the payment order was served on the debtor (YYYY-MM-DD).")
        var served: String

        @Option(help: "The day the application for provisional execution was made, if it was.")
        var applied: String?

        @Option(
            name: .customLong("declaration-served"),
            help: "The day the declared order was served, if it was.")
        var declarationServed: String?

        @Option(help: "Warn this many days before the 30-day window closes.")
        var warnDays: Int = 7

        @OptionGroup var day: TodayOption
        @OptionGroup var output: OutputOptions

        struct Result: Encodable {
            var served: CivilDate
            var objectionLastDay: CivilDate
            var provisionalExecutionFrom: CivilDate
            var provisionalExecutionLastDay: CivilDate
            var provisionalExecutionApplied: CivilDate?
            var declarationServed: CivilDate?
            var declarationObjectionLastDay: CivilDate?
            var finalOn: CivilDate?
            var alerts: [DeadlineAlert]
        }

        func run() async throws {
            try await failing {
                let served = try CalculatorArguments.date(self.served, option: "--served")
                let applied = try applied.map {
                    try CalculatorArguments.date($0, option: "--applied")
                }
                let declared = try declarationServed.map {
                    try CalculatorArguments.date($0, option: "--declaration-served")
                }
                if let applied, applied < served {
                    throw CommandFailure("--applied \(applied) is before --served \(served)")
                }
                if let declared, declared < (applied ?? served) {
                    throw CommandFailure(
                        "--declaration-served \(declared) is before the application or the service")
                }
                let today = try day.resolve()
                let timeline = PaymentOrderTimeline(
                    served: served, provisionalExecutionApplied: applied,
                    declarationServed: declared)
                let alerts = timeline.alerts(today: today, warnWithinDays: warnDays)
                if output.json {
                    try printJSON(
                        Result(
                            served: served, objectionLastDay: timeline.objection.lastDay,
                            provisionalExecutionFrom: timeline.provisionalExecutionFrom,
                            provisionalExecutionLastDay: timeline.provisionalExecution.lastDay,
                            provisionalExecutionApplied: applied, declarationServed: declared,
                            declarationObjectionLastDay: timeline.declarationObjection?.lastDay,
                            finalOn: timeline.finalOn, alerts: alerts))
                    return
                }
                // ASCII labels padded to one width, so the dates line up on any terminal.
                print("served                       \(describe(served))")
                print(
                    "objection ends               \(describe(timeline.objection.lastDay))  391条\(moved(timeline.objection))"
                )
                print("provisional execution from   \(describe(timeline.provisionalExecutionFrom))")
                print(
                    "  apply at the latest by     \(describe(timeline.provisionalExecution.lastDay))  392条\(moved(timeline.provisionalExecution))"
                )
                if let applied { print("applied                      \(describe(applied))") }
                if let declared, let objection = timeline.declarationObjection,
                    let finalOn = timeline.finalOn
                {
                    print("declared order served        \(describe(declared))")
                    print(
                        "objection ends               \(describe(objection.lastDay))  393条\(moved(objection))"
                    )
                    print("final                        \(describe(finalOn))  396条")
                }
                for alert in alerts {
                    print("\n[\(alert.level.rawValue)] \(alert.message)")
                }
            }
        }

        private func moved(_ deadline: ProceduralDeadline) -> String {
            guard deadline.isMoved else { return "" }
            let names = deadline.skipped.map(\.name)
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            return "; moved from \(deadline.rawEnd) (\(unique.joined(separator: "・")), 95条3項)"
        }
    }
}

private func describe(_ date: CivilDate) -> String { "\(date) (\(date.japaneseWeekday))" }
