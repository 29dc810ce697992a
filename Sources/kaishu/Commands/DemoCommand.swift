import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu demo`: a realistic, deterministic case book to try Kaishu on (and to benchmark with).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo case book of invented debtors at every stage of the workflow.",
        discussion: """
            The same --seed, --cases and --today always give the same case book. The case book \
            must be new or empty: a demo never mixes with real cases.
            """
    )

    @Option(help: "How many cases to generate.") var cases: Int = DemoDefaults.cases
    @Option(help: "The random seed (same seed, same book).") var seed: UInt64 = DemoDefaults.seed
    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...10_000_000).contains(cases) else { throw ValidationError("--cases must be 1 to 10,000,000") }
    }

    func run() async throws {
        try await failing {
            let path = try store.sqlitePath()
            let today = try day.resolve()
            let started = ContinuousClock.now
            let summary = try DemoCasebook.create(
                at: path, cases: cases, seed: seed, today: today, calendar: KaishuConfig.resolved().calendar,
                progress: output.json
                    ? nil
                    : { done in
                        FileHandle.standardError.write(Data("  \(done) cases…\n".utf8))
                    })
            if output.json {
                try printJSON(summary)
            } else {
                let seconds = (ContinuousClock.now - started).components.seconds
                print(
                    "Created a demo case book at \(store.location): \(summary.cases) cases, \(summary.claims) invoices, "
                        + "\(summary.events) events (\(seconds) s).")
                let stages = summary.stages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                print("Stages: " + stages.joined(separator: ", "))
            }
        }
    }
}

/// The demo a first run creates.
enum DemoDefaults {
    static let cases = 300
    static let seed: UInt64 = 1
}
