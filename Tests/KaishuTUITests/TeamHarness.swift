import Foundation
import KaishuCore
import KaishuTestSupport

@testable import KaishuTUI

/// The workbench over a `FakeTeamStore`: team mode (claims, change feed, retries) in memory.
/// Timers are not waited for: tests fire them with `fire(_:)`.
final class TeamHarness {
    let store: FakeTeamStore
    let terminal: MemoryTerminal
    let runtime: Runtime

    /// `retryDelays`: the back-off; long by default so that tests fire retries by hand.
    init(
        demo count: Int, collector: String = "tester", size: Size = Size(rows: 30, columns: 110),
        retryDelays: [Double] = [600]
    ) async {
        let books = InMemoryCaseStore(calendar: Harness.calendar)
        await DemoCases.fill(books, count: count, today: Harness.today)
        store = FakeTeamStore(books: books)
        terminal = MemoryTerminal(size: size)
        let config = SessionConfig(
            today: Harness.today, collector: collector, storeLabel: "team", sessionID: "s", pageSize: 50)
        var state = AppState(config: config, size: size)
        state.team.retryDelays = retryDelays
        // The heartbeat and the slow poll are real timers: put them out of reach so that a
        // test slowed down by a busy machine never sees one fire on its own.
        state.team.heartbeatSeconds = 86_400
        state.team.pollSeconds = 86_400
        runtime = Runtime(
            state: state, terminal: terminal, store: store,
            calendar: Harness.calendar, timestamp: { "2026-11-23T10:00:00+09:00" })
        runtime.start()
        await settle()
    }

    deinit { runtime.runner.stopBackground() }

    func settle() async {
        for _ in 0..<100 {
            let handled = runtime.step(timeout: 0)
            await runtime.runner.waitUntilIdle()
            if !handled && runtime.runner.pendingCount == 0 && runtime.inbox.isEmpty { return }
        }
    }

    /// Runs the loop until `condition` holds (change-feed hints and timers arrive from other
    /// tasks). The limit is generous because the whole suite runs in parallel on a shared
    /// machine; a passing condition returns at once.
    @discardableResult
    func eventually(_ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            await settle()
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        await settle()
        return await condition()
    }

    func press(_ keys: Key...) async {
        for key in keys {
            terminal.send(key)
            await settle()
        }
    }

    func type(_ text: String) async {
        for character in text {
            terminal.send(.char(character))
            await settle()
        }
    }

    /// Fires a timer now, as if its time had come.
    func fire(_ timer: TimerID) async {
        runtime.dispatch(.timerFired(timer))
        await settle()
    }

    var state: AppState { runtime.state }
    var text: String { terminal.text }
}
