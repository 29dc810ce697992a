import Foundation
import KaishuCore

/// Runs the store effects `update` asks for, as tasks, and posts their results back as actions.
///
/// The runner is the only code that talks to the `CaseStore`. A write is posted as `.appended`
/// only after `store.append` returns, that is after the store has committed: the screen can
/// never say "saved" for a note that is not durable. Failures come back as `.failed` with a
/// message a collector can act on.
public final class EffectRunner: @unchecked Sendable {
    public typealias DemoMaker = @Sendable () async throws -> Void

    let store: any CaseStore
    let calendar: BusinessCalendar
    let collector: String
    let today: CivilDate
    let timestamp: @Sendable () -> String
    let createDemo: DemoMaker?
    let post: @Sendable (Action) -> Void
    /// Drafts, writes, sends and edits letters (`l`); `nil`: the pane says letters are not set up.
    let letters: (any LetterService)?
    /// Where call-note drafts are kept (`nil`: not kept).
    let drafts: DraftStore?

    /// Timers and the change feed: long-lived, so not counted as pending work.
    let background = BackgroundTasks()
    private let lock = NSLock()
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextTask = 0

    /// - Parameters:
    ///   - today: the collector's day; every write's `WriteContext.today` and `decide` use it.
    ///   - timestamp: the wall clock for `WriteContext.recordedAt` (ISO 8601 with offset).
    ///   - createDemo: fills an empty case book with the demo cases (first-run screen's `d`).
    ///   - post: where results go (normally `Inbox.post`).
    ///   - letters: the letter service behind `l` (`nil`: letters are not available).
    public init(
        store: any CaseStore, calendar: BusinessCalendar, collector: String, today: CivilDate,
        timestamp: @escaping @Sendable () -> String, createDemo: DemoMaker? = nil,
        letters: (any LetterService)? = nil, drafts: DraftStore? = nil,
        post: @escaping @Sendable (Action) -> Void
    ) {
        self.letters = letters
        self.drafts = drafts
        self.store = store
        self.calendar = calendar
        self.collector = collector
        self.today = today
        self.timestamp = timestamp
        self.createDemo = createDemo
        self.post = post
    }

    /// Starts a store effect. Terminal effects (suspend, redraw, bell) are the runtime's.
    public func start(_ effect: Effect) {
        let store = self.store
        let calendar = self.calendar
        let collector = self.collector
        let today = self.today
        let timestamp = self.timestamp
        let createDemo = self.createDemo
        let post = self.post
        let work: @Sendable () async -> Void
        switch effect {
        case .loadQueue(let id, let query):
            work = {
                do { post(.queueLoaded(id, try await store.queue(query))) } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .loadCounts(let id, let today):
            work = {
                do { post(.countsLoaded(id, try await store.queueCounts(today: today))) } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .loadCase(let id, let caseID):
            work = {
                do {
                    let file = try await store.caseFile(caseID)
                    post(.caseLoaded(id, file, file.map { CaseState(file: $0, calendar: calendar) }))
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .append(let id, let caseID, let action, let key):
            work = {
                do {
                    let context = WriteContext(
                        actor: collector, recordedAt: timestamp(), today: today, idempotencyKey: key)
                    let file = try await store.append(to: caseID, context: context) { file in
                        try action.decide(CaseState(file: file, calendar: calendar), today: context.today)
                    }
                    post(.appended(id, file, CaseState(file: file, calendar: calendar)))
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .createDemo(let id):
            work = {
                guard let createDemo else {
                    post(.failed(id, "this build cannot create a demo case book"))
                    return
                }
                do {
                    try await createDemo()
                    post(.demoCreated(id))
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .letter(let effect):
            work = letterWork(effect)
        case .draft(let effect):
            startDraft(effect)
            return
        case .claim, .claimNext, .heartbeat, .release, .appendLeased, .watchChanges, .schedule:
            startTeam(effect)
            return
        case .suspend, .redraw, .bell:
            return
        }
        track(work)
    }

    func track(_ work: @escaping @Sendable () async -> Void) {
        lock.withLock {
            let number = nextTask
            nextTask += 1
            let task = Task.detached { [weak self] in
                await work()
                self?.finished(number)
            }
            running[number] = task
        }
    }

    private func finished(_ number: Int) {
        lock.withLock { running[number] = nil }
    }

    /// Waits until every started effect has posted its result (tests, benchmarks, shutdown).
    public func waitUntilIdle() async {
        while true {
            let tasks = lock.withLock { Array(running.values) }
            if tasks.isEmpty { return }
            for task in tasks { await task.value }
        }
    }

    /// Effects still running.
    public var pendingCount: Int {
        lock.withLock { running.count }
    }

    /// A message for the screen: a refusal's reason as is, other errors described.
    static func describe(_ error: any Error) -> String {
        if let refusal = error as? Refusal { return refusal.reason }
        return String(describing: error)
    }
}
