import Foundation
import Glibc
import KaishuCore
import KaishuTUI

/// Everything the workbench needs to know besides the case book.
public struct WorkbenchConfiguration: Sendable {
    /// The collector's "today" (Asia/Tokyo unless configured; `--today` in tests).
    public var today: CivilDate
    /// Who works: shown on the status line and recorded as the actor of every write.
    public var collector: String
    /// How the status line names the case book (`casebook.sqlite`, `postgres://team`).
    public var storeDescription: String
    /// `--theme NAME`: a shipped theme, a user theme in `~/.config/kaishu/themes`, or a path.
    /// `nil` is the default theme.
    public var themeName: String?
    /// `--color auto|always|never`; `auto` honours `NO_COLOR`.
    public var color: ColorChoice
    public var calendar: BusinessCalendar
    /// Fills an empty case book with the demo cases (the first-run screen's `d`); `nil` hides
    /// the offer.
    public var createDemo: (@Sendable () async throws -> Void)?
    /// Prefix of this session's idempotency keys; unique per run.
    public var sessionID: String
    /// Rows per queue query.
    public var pageSize: Int
    public var environment: [String: String]
    /// The letters behind `l` (drafting, `w`, `$EDITOR`, sending): usually a
    /// `FileLetterService`; `nil` makes the pane say letters are not set up.
    public var letters: (any LetterService)?
    /// The quiet hours and the weekly cap on contact attempts (`contact.*` in config.json).
    public var contactPolicy: ContactPolicy
    /// The local time of day for the quiet hours (`TimeOfDay.resolve`); `TimeOfDay.none` never
    /// asks.
    public var localTime: TimeOfDayClock
    /// Where the call note being typed is kept against a crash (`DraftLocation.folder`); `nil`
    /// keeps nothing.
    public var drafts: DraftStore?
    /// On a team book: how long opening a case claims it, and how often the claim is renewed
    /// (`team.leaseSeconds`, `team.heartbeatSeconds`).
    public var leaseTimings: LeaseTimings

    public init(
        today: CivilDate, collector: String, storeDescription: String, themeName: String? = nil,
        color: ColorChoice = .auto, calendar: BusinessCalendar,
        createDemo: (@Sendable () async throws -> Void)? = nil,
        sessionID: String = UUID().uuidString, pageSize: Int = 50,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        letters: (any LetterService)? = nil, contactPolicy: ContactPolicy = .standard,
        localTime: @escaping TimeOfDayClock = TimeOfDay.none, drafts: DraftStore? = nil,
        leaseTimings: LeaseTimings = .standard
    ) {
        self.drafts = drafts
        self.leaseTimings = leaseTimings
        self.letters = letters
        self.contactPolicy = contactPolicy
        self.localTime = localTime
        self.today = today
        self.collector = collector
        self.storeDescription = storeDescription
        self.themeName = themeName
        self.color = color
        self.calendar = calendar
        self.createDemo = createDemo
        self.sessionID = sessionID
        self.pageSize = pageSize
        self.environment = environment
    }
}

/// Opens the workbench on this process's terminal and runs it until the collector quits.
///
/// Returns the exit status: 0 after `q`/Ctrl-C, `128 + n` after signal `n` (SIGINT, SIGTERM,
/// SIGHUP). Throws `WorkbenchError` before touching the screen when there is no usable terminal
/// (stdin not a terminal, `TERM` unknown) or the theme cannot be loaded.
///
/// The terminal is restored on every way out: quit, a signal, a thrown error, and Ctrl-Z
/// (restored for the shell, taken back on `fg`). The loop runs on its own thread, which alone
/// owns ncurses; store work runs as tasks whose results come back through the loop's inbox.
public func runWorkbench(store: any CaseStore, configuration: WorkbenchConfiguration) async throws -> Int32 {
    let theme: Theme
    do {
        theme = try ThemeLibrary.load(configuration.themeName, environment: configuration.environment)
    } catch {
        throw WorkbenchError("cannot load the theme: \(error)")
    }
    guard isatty(0) == 1, isatty(1) == 1 else {
        throw WorkbenchError(
            "the workbench needs a terminal on standard input and output; use the kaishu subcommands in scripts")
    }
    let wantsColor = configuration.color.wantsColor(environment: configuration.environment)
    let box = ResultBox()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            box.result = Result {
                try runLoop(store: store, configuration: configuration, theme: theme, wantsColor: wantsColor)
            }
            continuation.resume()
        }
        thread.name = "kaishu-workbench"
        thread.stackSize = 8 << 20
        thread.start()
    }
    return try box.result!.get()
}

private final class ResultBox: @unchecked Sendable {
    var result: Result<Int32, any Error>?
}

/// The loop on the terminal thread: open, run, and always close.
private func runLoop(
    store: any CaseStore, configuration: WorkbenchConfiguration, theme: Theme, wantsColor: Bool
) throws -> Int32 {
    // A parent (a test runner, a service manager) may have left signals blocked; the loop's
    // thread must receive the ones it handles, and ncurses's SIGWINCH and SIGTSTP.
    var handled = sigset_t()
    sigemptyset(&handled)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&handled, number) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    let terminal = try CursesTerminal(theme: theme, wantsColor: wantsColor)
    defer { terminal.close() }
    let session = SessionConfig(
        today: configuration.today, collector: configuration.collector,
        storeLabel: configuration.storeDescription, sessionID: configuration.sessionID,
        pageSize: configuration.pageSize, canCreateDemo: configuration.createDemo != nil,
        contactPolicy: configuration.contactPolicy)
    var state = AppState(config: session, size: terminal.size)
    state.team.leaseSeconds = Double(configuration.leaseTimings.leaseSeconds)
    state.team.heartbeatSeconds = Double(configuration.leaseTimings.heartbeatSeconds)
    let runtime = Runtime(
        state: state, terminal: terminal, store: store,
        calendar: configuration.calendar, localTime: configuration.localTime, createDemo: configuration.createDemo,
        letters: configuration.letters, drafts: configuration.drafts)
    return runtime.run()
}
