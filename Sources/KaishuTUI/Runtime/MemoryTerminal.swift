import Foundation

/// A terminal in memory: the twin of the curses terminal for tests and the benchmark.
///
/// Input is queued with `send`; `waitForEvents` hands it over (or waits for a wake-up). Each
/// frame is kept as `screen`, and the diff against the previous frame tells how many cells a
/// real terminal would have had to rewrite (`lastDiff`), so tests can hold the renderer to
/// "write only what changed".
public final class MemoryTerminal: Terminal, @unchecked Sendable {
    public var size: Size
    public let waker: any Waker
    private let signal: SemaphoreWaker
    private let lock = NSLock()
    private var queued: [TerminalEvent] = []

    /// The last frame drawn.
    public private(set) var screen: Screen?
    /// What changed between the last two frames.
    public private(set) var lastDiff: ScreenDiff?
    public private(set) var frameCount = 0
    public private(set) var suspendCount = 0
    public private(set) var bellCount = 0
    private var repaintNext = false

    public init(size: Size) {
        self.size = size
        let waker = SemaphoreWaker()
        self.signal = waker
        self.waker = waker
    }

    /// Queues input, as if typed.
    public func send(_ events: [TerminalEvent]) {
        lock.withLock { queued += events }
        waker.wake()
    }

    public func send(_ keys: Key...) {
        send(keys.map { .input(.key($0)) })
    }

    /// Types a string, one key per character.
    public func type(_ text: String) {
        send(text.map { .input(.key(.char($0))) })
    }

    /// Resizes the terminal and queues the resize event.
    public func resize(to size: Size) {
        self.size = size
        send([.input(.resize(size))])
    }

    public func waitForEvents(timeout: Double?) -> [TerminalEvent] {
        let ready = lock.withLock { () -> [TerminalEvent] in
            defer { queued = [] }
            return queued
        }
        if !ready.isEmpty { return ready }
        if let timeout {
            if timeout > 0 { _ = signal.semaphore.wait(timeout: .now() + timeout) }
        } else {
            signal.semaphore.wait()
        }
        return lock.withLock {
            defer { queued = [] }
            return queued
        }
    }

    public func draw(_ screen: Screen) {
        lastDiff = ScreenDiff.between(repaintNext ? nil : self.screen, screen)
        repaintNext = false
        self.screen = screen
        frameCount += 1
    }

    public func suspend() { suspendCount += 1 }
    public func forceRepaint() { repaintNext = true }
    public func bell() { bellCount += 1 }

    /// The last frame as text (the snapshot form), or "" before the first frame.
    public var text: String { screen?.text ?? "" }
}

/// A waker over a counting semaphore.
final class SemaphoreWaker: Waker, @unchecked Sendable {
    let semaphore = DispatchSemaphore(value: 0)
    func wake() { semaphore.signal() }
}
