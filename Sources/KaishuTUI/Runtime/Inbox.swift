import Foundation

/// Where effects post their results: a locked list of actions plus a wake-up for the loop.
///
/// Effects run as tasks on other threads; they never touch the state or the terminal. They
/// append an action here and wake the loop, which drains the inbox on its own thread.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private let waker: any Waker

    public init(waker: any Waker) {
        self.waker = waker
    }

    public func post(_ action: Action) {
        lock.withLock { actions.append(action) }
        waker.wake()
    }

    /// Nothing is waiting.
    public var isEmpty: Bool { lock.withLock { actions.isEmpty } }

    public func drain() -> [Action] {
        lock.withLock {
            let drained = actions
            actions = []
            return drained
        }
    }
}
