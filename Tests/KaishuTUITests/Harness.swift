import KaishuCore
import KaishuTestSupport

@testable import KaishuTUI

/// The workbench running in memory: the real runtime, `update`, `view` and effect runner over an
/// `InMemoryCaseStore` and a `MemoryTerminal`. Keys go in; frames and the store come out.
final class Harness {
    static let today = CivilDate(2026, 11, 23)
    static let calendar = BusinessCalendar(holidays: JapaneseHolidays())

    let store: InMemoryCaseStore
    let terminal: MemoryTerminal
    let runtime: Runtime

    /// - Parameters:
    ///   - localTime: the local time of day the runtime's clock says (`nil`: no clock).
    ///   - contactPolicy: the quiet hours and the weekly cap.
    init(
        store: InMemoryCaseStore, size: Size = Size(rows: 30, columns: 100), pageSize: Int = 50,
        localTime: LocalTime? = nil, contactPolicy: ContactPolicy = .standard, drafts: DraftStore? = nil
    ) async {
        self.store = store
        terminal = MemoryTerminal(size: size)
        let config = SessionConfig(
            today: Harness.today, collector: "tester", storeLabel: "memory", sessionID: "s", pageSize: pageSize,
            contactPolicy: contactPolicy)
        runtime = Runtime(
            state: AppState(config: config, size: size), terminal: terminal, store: store,
            calendar: Harness.calendar, timestamp: { "2026-11-23T10:00:00+09:00" },
            localTime: localTime.map(TimeOfDay.fixed) ?? TimeOfDay.none, drafts: drafts)
        runtime.start()
        await settle()
    }

    /// A harness over `count` demo cases.
    convenience init(
        demo count: Int, size: Size = Size(rows: 30, columns: 100), pageSize: Int = 50, localTime: LocalTime? = nil,
        contactPolicy: ContactPolicy = .standard
    ) async {
        let store = InMemoryCaseStore(calendar: Harness.calendar)
        await DemoCases.fill(store, count: count, today: Harness.today)
        await self.init(
            store: store, size: size, pageSize: pageSize, localTime: localTime, contactPolicy: contactPolicy)
    }

    /// Runs the loop until no input is queued and no effect is running.
    func settle() async {
        for _ in 0..<100 {
            let handled = runtime.step(timeout: 0)
            await runtime.runner.waitUntilIdle()
            if !handled && runtime.runner.pendingCount == 0 && runtime.inbox.isEmpty { return }
        }
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

    var state: AppState { runtime.state }
    var text: String { terminal.text }
    var screen: Screen { terminal.screen! }
}
