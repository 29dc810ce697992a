import KaishuCore

/// Everything that can happen to the workbench: input, and the results of effects.
public enum Action: Hashable, Sendable {
    /// The loop started: issue the first loads.
    case start
    case input(InputEvent)
    case queueLoaded(RequestID, QueuePage)
    case countsLoaded(RequestID, QueueCounts)
    /// The case's file and its fold; `nil` when the store has no such case.
    case caseLoaded(RequestID, CaseFile?, CaseState?)
    /// A write committed: the case as it now stands.
    case appended(RequestID, CaseFile, CaseState)
    case demoCreated(RequestID)
    /// An effect failed (the store's message, or a refusal's reason).
    case failed(RequestID, String)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case terminate(signal: Int32)
    /// The local time of day changed (the runtime reads its injected clock before handling
    /// input; `update` never reads a clock). `nil`: no clock.
    case clock(LocalTime?)
    /// A letter was drafted, written, edited or mailed (recording answers with `.appended`).
    case letter(LetterResult)
    /// Kept drafts of call notes, newest first (empty: none). `atStart`: the answer to
    /// `DraftEffect.lookAll`, which may open the newest draft's case; else to `.look` of the
    /// case being opened.
    case draftsFound([NoteDraft], atStart: Bool)

    // Team mode (see `TeamState`)
    /// A claim was granted; `nil` when `claimNext` found no free case.
    case claimed(RequestID, ClaimedCase?)
    case leaseRenewed(RequestID, Lease)
    case timerFired(TimerID)
    /// The change feed says case `id` changed.
    case caseChanged(Int64)
    /// A store call failed because the store could not be reached (`StoreFailure`).
    case unreachable(RequestID, String)

    public static func key(_ key: Key) -> Action { .input(.key(key)) }
    public static func char(_ c: Character) -> Action { .input(.key(.char(c))) }
}

/// Work `update` asks for, as data: the runtime performs it and feeds the result back as an
/// `Action`. Tests assert effects with `==` and never touch a store.
public enum Effect: Hashable, Sendable {
    case loadQueue(RequestID, QueueQuery)
    case loadCounts(RequestID, today: CivilDate)
    case loadCase(RequestID, Int64)
    /// Runs `action.decide` inside the store's write transaction and commits.
    case append(RequestID, caseID: Int64, action: CaseAction, idempotencyKey: String)
    /// The first-run screen's `d`.
    case createDemo(RequestID)
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    case suspend
    /// Ctrl-L: repaint every cell.
    case redraw
    /// Ring the terminal bell (a key that does nothing here).
    case bell
    /// Draft, write, edit, send or record a letter (`l` and the letter pane).
    case letter(LetterEffect)
    /// Keep, forget or look for the draft of a call note (written by the runtime, debounced).
    case draft(DraftEffect)

    // Team mode (see `TeamState`)
    /// Claim case `caseID` for `seconds` (`CaseLeasing.claim`).
    case claim(RequestID, caseID: Int64, seconds: Double)
    /// Claim the next free case of today's queue (`CaseLeasing.claimNext`).
    case claimNext(RequestID, seconds: Double)
    case heartbeat(RequestID, Lease, seconds: Double)
    /// Give the claim back (fire and forget: a lapsed claim needs no release).
    case release(Lease)
    /// `append` made under a claim: the store refuses it when the claim's token is stale.
    case appendLeased(RequestID, caseID: Int64, action: CaseAction, idempotencyKey: String, lease: Lease)
    /// Subscribe to the store's change feed (`CaseChangeFeed`) for the session.
    case watchChanges
    /// Post `.timerFired(id)` after `seconds`, replacing a pending timer with the same id.
    case schedule(TimerID, seconds: Double)
}
