import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu` with no subcommand: today's queue. On a first run with no case book it creates the
/// demo case book, so a new user sees something real at once.
struct WorkbenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the workbench on today's queue (the default command)."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var collector: CollectorOption

    func run() async throws {
        try await failing {
            let today = try day.resolve()
            if !store.exists {
                let book = try store.openSQLite()
                let summary = try DemoCasebook.generate(
                    into: book, cases: DemoDefaults.cases, seed: DemoDefaults.seed, today: today)
                FileHandle.standardError.write(
                    Data(
                        ("No case book yet: created a demo case book with \(summary.cases) invented cases at "
                            + "\(store.location).\nImport your own with `kaishu import FILE --store OTHER.sqlite`.\n")
                            .utf8))
            }
            let caseStore = try store.open()
            let page = try await caseStore.queue(QueueQuery(today: today, limit: 50))
            let counts = try await caseStore.queueCounts(today: today)
            print(
                "\(today)  \(store.location)  \(collector.resolved)  due today \(counts.dueToday) · "
                    + "near limitation \(counts.nearLimitation) · broken promises \(counts.brokenPromises)")
            print(QueueTable.render(page.rows, today: today))
        }
    }
}
