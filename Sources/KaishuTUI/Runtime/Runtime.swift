import Foundation
import KaishuCore

/// The workbench's loop over any `Terminal`: input and effect results in, frames out.
///
/// One thread runs it and is the only one that touches the state and the terminal. Each turn:
/// wait for input or a wake-up; feed every terminal event and every finished effect through
/// `update`; start the effects it returns; draw `view(state)` once. Effects run as tasks in
/// the `EffectRunner` and come back through the `Inbox`, which wakes the terminal's wait.
///
/// `CursesTerminal` drives it for real; tests and the benchmark drive it with `MemoryTerminal`
/// and `step()`.
public final class Runtime {
    public private(set) var state: AppState
    public let terminal: any Terminal
    public let runner: EffectRunner
    public let inbox: Inbox
    public let keys: KeyMap
    /// Frames drawn so far.
    public private(set) var frames = 0
    /// The local time of day for the quiet hours, read before input is handled.
    let localTime: TimeOfDayClock

    /// - Parameters:
    ///   - timestamp: the wall clock for each write's `recordedAt`.
    ///   - localTime: the local time of day (`TimeOfDay`), passed to `update` as `.clock`
    ///     whenever it changes; the default, no clock, never asks about the quiet hours.
    public init(
        state: AppState, terminal: any Terminal, store: any CaseStore, calendar: BusinessCalendar,
        timestamp: @escaping @Sendable () -> String = Runtime.isoNow,
        localTime: @escaping TimeOfDayClock = TimeOfDay.none,
        createDemo: EffectRunner.DemoMaker? = nil, keys: KeyMap = .standard,
        letters: (any LetterService)? = nil, drafts: DraftStore? = nil
    ) {
        var state = state
        state.config.keepsDrafts = state.config.keepsDrafts || drafts != nil
        state.team.leasing = state.team.leasing || store is any CaseLeasing
        state.team.watching = state.team.watching || store is any CaseChangeFeed
        self.state = state
        self.terminal = terminal
        self.keys = keys
        self.localTime = localTime
        let inbox = Inbox(waker: terminal.waker)
        self.inbox = inbox
        self.runner = EffectRunner(
            store: store, calendar: calendar, collector: state.config.collector, today: state.today,
            timestamp: timestamp, createDemo: createDemo, letters: letters, drafts: drafts,
            post: { inbox.post($0) })
    }

    /// Runs until `update` sets an exit status (quit, a signal); returns it. Waits up to
    /// `drainSeconds` for writes still running, so a save in flight is not cut off.
    public func run(drainSeconds: Double = 3) -> Int32 {
        start()
        while state.exitStatus == nil {
            step(timeout: nil)
        }
        finish(drainSeconds: drainSeconds)
        return state.exitStatus ?? 0
    }

    /// Issues the first loads and draws the first frame.
    public func start() {
        if state.size != terminal.size {
            state.size = terminal.size
        }
        readClock()
        dispatch(.start)
        draw()
    }

    /// One turn of the loop: wait (at most `timeout` seconds), handle what arrived, draw.
    /// Returns whether anything was handled.
    @discardableResult
    public func step(timeout: Double?) -> Bool {
        let events = terminal.waitForEvents(timeout: timeout)
        var handled = false
        if !events.isEmpty { readClock() }
        for event in events {
            handled = true
            switch event {
            case .input(let input): dispatch(.input(input))
            case .signal(let number): dispatch(.terminate(signal: number))
            }
        }
        for action in inbox.drain() {
            handled = true
            dispatch(action)
        }
        if handled { draw() }
        return handled
    }

    /// Feeds one action through `update` and starts its effects.
    public func dispatch(_ action: Action) {
        let (next, effects) = update(state, action, keys: keys)
        state = next
        for effect in effects {
            switch effect {
            case .suspend: terminal.suspend()
            case .redraw: terminal.forceRepaint()
            case .bell: terminal.bell()
            case .letter(.edit(let id, let letter)):
                // The editor needs the terminal: run it here, on the loop's thread.
                let terminal = self.terminal
                inbox.post(runner.runEditor(id, letter) { body in terminal.releaseTerminal(during: body) })
            default: runner.start(effect)
            }
        }
    }

    /// Tells `update` the local time of day when it has changed (checked before input, so a key
    /// is judged by the minute it was pressed in).
    func readClock() {
        let now = localTime()
        if now != state.localTime { dispatch(.clock(now)) }
    }

    /// Draws the current state.
    public func draw() {
        terminal.draw(view(state, keys: keys))
        frames += 1
    }

    /// Lets running effects finish (writes commit or fail) before the program exits, for at
    /// most `drainSeconds`.
    public func finish(drainSeconds: Double) {
        runner.stopBackground()
        runner.drafts?.flush()
        let deadline = Date().addingTimeInterval(drainSeconds)
        while runner.pendingCount > 0 && Date() < deadline {
            usleep(5_000)
        }
    }

    /// Handles everything already in the inbox and every event already queued, then draws:
    /// used by tests after `runner.waitUntilIdle()`.
    public func settle() {
        step(timeout: 0)
    }

    /// The wall clock as ISO 8601 with offset: `WriteContext.recordedAt` of a write. In Japan
    /// time, as the command line stamps it, so one book's log reads the same whoever wrote it.
    public static let isoNow: @Sendable () -> String = { JapanTime.timestamp(Date()) }
}
