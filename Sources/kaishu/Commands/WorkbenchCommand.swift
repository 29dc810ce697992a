import ArgumentParser
import Foundation
import KaishuCore
import KaishuCurses
import KaishuStore
import KaishuTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ColorChoice: ExpressibleByArgument {}

/// `kaishu` with no subcommand: the workbench on today's queue. On a terminal it opens the
/// ncurses workbench (an empty case book offers the demo book or an import). When input or
/// output is not a terminal it prints today's queue instead — creating the demo case book on a
/// first run — so the command stays useful in pipes and scripts.
struct WorkbenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the workbench on today's queue (the default command)."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var collector: CollectorOption
    @Option(help: "Colour theme: default, light, dark, high-contrast, monochrome, or a file in themes/.")
    var theme: String?
    @Option(help: "auto (honours NO_COLOR), always or never.") var color: ColorChoice = .auto
    @Option(help: "Folder the letter pane writes letters to (default: the current directory).")
    var lettersDir: String?
    @Option(
        help: ArgumentHelp(
            "The local time of day for the quiet hours (HH:MM), instead of the clock in Japan.",
            discussion: "With --today (or KAISHU_TODAY) and no --time, the quiet hours are not checked."))
    var time: String?

    func validate() throws {
        if let time, LocalTime(parsing: time) == nil { throw ValidationError("--time: '\(time)' is not HH:MM") }
    }

    func run() async throws {
        try await failing {
            let today = try day.resolve()
            let config = try KaishuConfig.resolved()
            let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            if !interactive && !store.exists {
                try createDemo(today: today)
                FileHandle.standardError.write(
                    Data(
                        ("No case book yet: created a demo case book with \(DemoDefaults.cases) invented cases at "
                            + "\(store.location).\nImport your own with `kaishu import FILE --store OTHER.sqlite`.\n")
                            .utf8))
            }
            let caseStore = try store.open()
            guard interactive else {
                try await printQueue(caseStore, today: today)
                return
            }
            let storeOptions = store
            let workbench = WorkbenchConfiguration(
                today: today, collector: collector.resolved, storeDescription: store.location.description,
                themeName: theme ?? config.theme, color: color, calendar: config.calendar,
                createDemo: { try storeOptions.createDemo(today: today) },
                letters: FileLetterService(environment: ProcessInfo.processInfo.environment, folder: lettersDir),
                contactPolicy: config.contact,
                localTime: TimeOfDay.resolve(
                    time: time.flatMap { LocalTime(parsing: $0) }, todayIsInjected: day.isInjected),
                drafts: DraftStore(folder: DraftLocation.folder(book: store.draftKey, collector: collector.resolved)),
                leaseTimings: config.team)
            let status: Int32
            do {
                status = try await runWorkbench(store: caseStore, configuration: workbench)
            } catch let error as WorkbenchError {
                throw CommandFailure(error.description)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    private func createDemo(today: CivilDate) throws { try store.createDemo(today: today) }

    private func printQueue(_ caseStore: any CaseStore, today: CivilDate) async throws {
        let page = try await caseStore.queue(QueueQuery(today: today, limit: 50))
        let counts = try await caseStore.queueCounts(today: today)
        print(
            "\(today)  \(store.location)  \(collector.resolved)  due today \(counts.dueToday) · "
                + "near limitation \(counts.nearLimitation) · broken promises \(counts.brokenPromises)")
        print(QueueTable.render(page.rows, today: today))
    }
}

extension StoreOptions {
    /// The case book as drafts are filed under it: a SQLite file's absolute path, a server's
    /// address without its password.
    var draftKey: String {
        switch location {
        case .sqlite(let path):
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        case .postgres: location.description
        }
    }

    /// Fills an empty case book with the first-run demo (300 invented cases).
    func createDemo(today: CivilDate) throws {
        _ = try DemoCasebook.generate(
            into: try openSQLite(), cases: DemoDefaults.cases, seed: DemoDefaults.seed, today: today)
    }
}
