import KaishuCore

/// The part of the queue the workbench holds: a window of rows around the highlight.
///
/// The queue is never loaded whole. The window holds at most `windowPages` pages; moving near
/// its end fetches the next page with a keyset query (`after:` the last row's cursor) and drops
/// rows from the far end, so memory and work per key stay the same for 100 or 1,000,000 cases.
public struct QueueState: Hashable, Sendable {
    public var scope: QueueQuery.Scope = .today
    public var order: QueueOrder = .urgency
    /// Debtor name, kana or code contains this (nil: no filter).
    public var filter: String?
    public var rows: [QueueRow] = []
    /// Rows exist before the window's first row.
    public var hasMoreBefore = false
    /// Rows exist after the window's last row.
    public var hasMoreAfter = false
    /// Index of the highlighted row in `rows`.
    public var selected = 0
    /// Index of the first row on screen.
    public var top = 0
    /// A reload of the whole window is running.
    public var reload: Reload?
    /// A page is being fetched at one end of the window.
    public var extending: Extension?
    /// The first answer has arrived.
    public var loaded = false
    public var error: String?

    public init() {}

    public var selectedRow: QueueRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// A reload replaces the window; afterwards the highlight goes to `select`.
    public struct Reload: Hashable, Sendable {
        public enum Target: Hashable, Sendable {
            case first
            case last
            /// The same case if it is still in the window, else the same position.
            case keep(caseID: Int64?, index: Int)
        }

        public var request: RequestID
        public var target: Target
    }

    public struct Extension: Hashable, Sendable {
        public enum Direction: Hashable, Sendable {
            case after
            case before
        }

        public var request: RequestID
        public var direction: Direction
    }
}
