import KaishuCore

/// Identifies one effect's request, so its result finds the part of the state waiting for it
/// and a late answer to a superseded request is ignored.
public struct RequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public static func < (a: RequestID, b: RequestID) -> Bool { a.value < b.value }
    public var description: String { "#\(value)" }
}

/// What stays fixed for a session: who works, on which book, as of which day.
public struct SessionConfig: Hashable, Sendable {
    public var today: CivilDate
    public var collector: String
    /// How the status line names the case book (a file name, a server).
    public var storeLabel: String
    /// Prefix of every write's idempotency key: unique per session (a UUID in production).
    public var sessionID: String
    /// Rows per queue query.
    public var pageSize: Int
    /// The window keeps at most this many pages of rows.
    public var windowPages: Int
    public var measure: DisplayWidth
    /// The first-run screen offers `d` (create the demo book) only when the program can.
    public var canCreateDemo: Bool
    /// The quiet hours and the weekly cap on contact attempts (`contact.*` in the config).
    public var contactPolicy: ContactPolicy
    /// Call notes being typed are kept as drafts on disk (`NoteDraft`); set by the runtime when
    /// it has a `DraftStore`, so `update` asks for draft effects only then.
    public var keepsDrafts = false

    public init(
        today: CivilDate, collector: String, storeLabel: String, sessionID: String = "session",
        pageSize: Int = 50, windowPages: Int = 3, measure: DisplayWidth = .standard,
        canCreateDemo: Bool = false, contactPolicy: ContactPolicy = .standard
    ) {
        self.today = today
        self.collector = collector
        self.storeLabel = storeLabel
        self.sessionID = sessionID
        self.pageSize = max(1, pageSize)
        self.windowPages = max(2, windowPages)
        self.measure = measure
        self.canCreateDemo = canCreateDemo
        self.contactPolicy = contactPolicy
    }
}

/// The page underneath any dialog.
public enum Page: Hashable, Sendable {
    case queue
    case caseDetail
    /// The case book is empty: offer the demo book or explain the import.
    case firstRun
}

/// A one-line message on the hint line until the next key: "saved", an error.
public struct Flash: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info
        case success
        /// Done, but with something to heed (a call above the weekly cap).
        case warning
        case error
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Everything the workbench shows, as a value. `update` is the only way it changes and `view`
/// the only way it is drawn; tests compare it with `==`.
public struct AppState: Hashable, Sendable {
    public var config: SessionConfig
    public var size: Size
    public var page: Page = .queue
    public var queue = QueueState()
    public var detail: CaseDetail?
    public var overlay: Overlay?
    /// The help overlay, drawn over everything (scroll offset); `nil` when closed.
    public var help: Int?
    public var counts: QueueCounts?
    public var countsRequest: RequestID?
    public var flash: Flash?
    /// Set by the first-run screen's `i`.
    public var showingImportHelp = false
    public var demoRequest: RequestID?
    /// The first-run check (empty case book) is made once, on the first answers.
    public var firstRunChecked = false
    public var nextRequest = 1
    /// Writes issued this session (feeds idempotency keys).
    public var writeCount = 0
    /// The local time of day, as the runtime's clock last said (`Action.clock`); `nil` when the
    /// program has no clock for it (a fixed `--today` without `--time`): the quiet hours are then
    /// not checked, as on the command line.
    public var localTime: LocalTime?
    /// Claims, the change feed and reachability in team mode (inert otherwise).
    public var team = TeamState()
    /// The loop stops when this is set, with this exit status.
    public var exitStatus: Int32?

    public init(config: SessionConfig, size: Size) {
        self.config = config
        self.size = size
    }

    public var today: CivilDate { config.today }

    /// Rows of the queue list on screen: the window minus title, header, hint and status lines.
    public var listHeight: Int { max(1, size.rows - 4) }

    /// Lines of scrollable content on the case page.
    public var bodyHeight: Int { max(1, size.rows - 3) }

    mutating func makeRequest() -> RequestID {
        defer { nextRequest += 1 }
        return RequestID(nextRequest)
    }
}
