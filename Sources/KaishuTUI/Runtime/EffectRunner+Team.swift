import Foundation
import KaishuCore

/// Team mode's effects: claims, heartbeats, releases, writes under a claim, the change feed and
/// timers. Claims go to the store's `CaseLeasing`, the feed to its `CaseChangeFeed`; a store
/// without them never receives these effects (`TeamState` stays off).
extension EffectRunner {
    func startTeam(_ effect: Effect) {
        let store = self.store
        let calendar = self.calendar
        let collector = self.collector
        let today = self.today
        let timestamp = self.timestamp
        let post = self.post
        let leasing = store as? any CaseLeasing
        switch effect {
        case .claim(let id, let caseID, let seconds):
            track {
                guard let leasing else { return post(.failed(id, "this case book does not take claims")) }
                do {
                    let claimed = try await leasing.claim(
                        caseID, collector: collector, today: today, ttl: .seconds(seconds))
                    post(.claimed(id, claimed))
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .claimNext(let id, let seconds):
            track {
                guard let leasing else { return post(.failed(id, "this case book does not take claims")) }
                do {
                    post(
                        .claimed(
                            id, try await leasing.claimNext(collector: collector, today: today, ttl: .seconds(seconds)))
                    )
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .heartbeat(let id, let lease, let seconds):
            track {
                guard let leasing else { return }
                do { post(.leaseRenewed(id, try await leasing.heartbeat(lease, ttl: .seconds(seconds)))) } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .release(let lease):
            // Nobody waits for the answer: a claim that could not be released lapses by itself.
            track { try? await leasing?.release(lease) }
        case .appendLeased(let id, let caseID, let action, let key, let lease):
            track {
                do {
                    let context = WriteContext(
                        actor: collector, recordedAt: timestamp(), today: today, idempotencyKey: key, lease: lease)
                    let file = try await store.append(to: caseID, context: context) { file in
                        try action.decide(CaseState(file: file, calendar: calendar), today: context.today)
                    }
                    post(.appended(id, file, CaseState(file: file, calendar: calendar)))
                } catch {
                    post(EffectRunner.failure(id, error))
                }
            }
        case .watchChanges:
            guard let feed = store as? any CaseChangeFeed else { return }
            background.replace(key: "changes") {
                Task.detached {
                    for await caseID in feed.caseChanges() {
                        if Task.isCancelled { break }
                        post(.caseChanged(caseID))
                    }
                }
            }
        case .schedule(let timer, let seconds):
            background.replace(key: timer) {
                Task.detached {
                    try? await Task.sleep(for: .milliseconds(Int(max(0, seconds) * 1000)))
                    if !Task.isCancelled { post(.timerFired(timer)) }
                }
            }
        default:
            return
        }
    }

    /// The action for a failed store call: `.unreachable` when the store could not be reached
    /// (the write is retried), `.failed` with the store's message otherwise.
    static func failure(_ id: RequestID, _ error: any Error) -> Action {
        if let failure = error as? any StoreFailure, failure.storeUnreachable {
            return .unreachable(id, describe(error))
        }
        return .failed(id, describe(error))
    }

    /// Stops the timers and the change feed (the session ends).
    public func stopBackground() {
        background.cancelAll()
    }
}

/// Long-lived tasks by key (a timer, the change feed): starting one cancels its predecessor.
final class BackgroundTasks: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [AnyHashable: Task<Void, Never>] = [:]

    func replace(key: AnyHashable, _ start: () -> Task<Void, Never>) {
        lock.withLock {
            tasks[key]?.cancel()
            tasks[key] = start()
        }
    }

    func cancelAll() {
        lock.withLock {
            tasks.values.forEach { $0.cancel() }
            tasks = [:]
        }
    }

    /// Timers and feeds currently pending (tests).
    var count: Int { lock.withLock { tasks.count } }
}
