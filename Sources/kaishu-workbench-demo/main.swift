// kaishu-workbench-demo: the workbench over an in-memory demo case book.
//
//     kaishu-workbench-demo [--today YYYY-MM-DD] [--time HH:MM] [--cases N] [--theme NAME]
//                           [--color auto|always|never] [--letters-dir DIR] [--crash-on-open] [--bench KEYS]
//
// `--time HH:MM`: the local time of day for the quiet hours, as `kaishu --time`. Without it the
// clock in Japan is read, unless `--today` fixed the date: then the quiet hours are not checked.
//
// `--letters-dir DIR`: where the letter pane's `w` and `E` write (default: the current
// directory). Letters use the configuration in $XDG_CONFIG_HOME/kaishu like `kaishu`.
//
// `--bench KEYS` runs no terminal: it times KEYS keystrokes per scenario through the real
// update → view → ncurses path (ncurses drawing into a file) and prints p50/p99/max and bytes
// per key. Use a release build for numbers worth comparing.
//
// `--crash-on-open` makes opening a case crash the process (a runtime trap on an effect's
// thread): the end-to-end tests use it to check that even a crash gives the terminal back.
//
// Nothing is saved to disk: every note and escalation lives until the program quits. The
// end-to-end tests drive this binary in tmux; `kaishu` itself runs the same workbench over the
// SQLite case book.
import Foundation
import KaishuCore
import KaishuCurses
import KaishuTUI
import KaishuTestSupport

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kaishu-workbench-demo: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func value(after flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag) else { return nil }
    guard index + 1 < arguments.count else { fail("\(flag) needs a value") }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}

let environment = ProcessInfo.processInfo.environment
let todayText = value(after: "--today") ?? environment["KAISHU_TODAY"]
let today: CivilDate
if let todayText {
    guard let parsed = CivilDate(iso: todayText) else { fail("--today '\(todayText)' is not a date (YYYY-MM-DD)") }
    today = parsed
} else {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    today = CivilDate(parts.year!, parts.month!, parts.day!)
}
let timeText = value(after: "--time")
var fixedTime: LocalTime?
if let timeText {
    guard let parsed = LocalTime(parsing: timeText) else { fail("--time '\(timeText)' is not HH:MM") }
    fixedTime = parsed
}
let countText = value(after: "--cases") ?? "200"
guard let count = Int(countText), count >= 0 else { fail("--cases '\(countText)' is not a number of cases") }
let theme = value(after: "--theme")
let colorText = value(after: "--color") ?? "auto"
guard let color = ColorChoice(rawValue: colorText) else { fail("--color must be auto, always or never") }
let benchText = value(after: "--bench")
let lettersDir = value(after: "--letters-dir")
let crashOnOpen = arguments.contains("--crash-on-open")
arguments.removeAll { $0 == "--crash-on-open" }
if let unknown = arguments.first { fail("unknown argument '\(unknown)'") }

let calendar = BusinessCalendar(holidays: JapaneseHolidays())
let store = InMemoryCaseStore(calendar: calendar)
await DemoCases.fill(store, count: count, today: today)

/// The demo store, optionally trapping when a case is opened.
struct DemoStore: CaseStore {
    let base: InMemoryCaseStore
    let crashOnOpen: Bool
    func queue(_ query: QueueQuery) async throws -> QueuePage { try await base.queue(query) }
    func queueCounts(today: CivilDate) async throws -> QueueCounts { try await base.queueCounts(today: today) }
    func caseFile(_ id: Int64) async throws -> CaseFile? {
        if crashOnOpen { fatalError("--crash-on-open: opening case \(id)") }
        return try await base.caseFile(id)
    }
    func append(
        to id: Int64, context: WriteContext, decide: @Sendable (CaseFile) throws -> [EventDraft]
    ) async throws -> CaseFile {
        try await base.append(to: id, context: context, decide: decide)
    }
}

let configuration = WorkbenchConfiguration(
    today: today, collector: "demo", storeDescription: "demo (in memory, \(count) cases)", themeName: theme,
    color: color, calendar: calendar,
    createDemo: { await DemoCases.fill(store, count: 200, today: today) },
    letters: FileLetterService(environment: environment, folder: lettersDir),
    localTime: TimeOfDay.resolve(time: fixedTime, todayIsInjected: todayText != nil))
if let benchText {
    guard let keys = Int(benchText), keys > 0 else { fail("--bench '\(benchText)' is not a number of keys") }
    do {
        let report = try await WorkbenchBenchmark.run(store: store, configuration: configuration, keys: keys)
        print("\(count) cases, 80x24\n\(report)")
        exit(0)
    } catch {
        fail("\(error)")
    }
}
do {
    let status = try await runWorkbench(
        store: DemoStore(base: store, crashOnOpen: crashOnOpen), configuration: configuration)
    exit(status)
} catch {
    fail("\(error)")
}
