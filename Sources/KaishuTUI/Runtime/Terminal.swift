/// What the runtime needs from a terminal. `CursesTerminal` (KaishuCurses) is the real one;
/// `MemoryTerminal` is the test and benchmark twin.
///
/// Only the thread running the loop calls these methods. Other threads (effects finishing,
/// signal handlers) interrupt `waitForEvents` through `waker`.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Wakes a blocked `waitForEvents` from any thread.
    var waker: any Waker { get }
    /// Blocks until input arrives, the waker fires, or `timeout` seconds pass (`nil`: no limit);
    /// then returns every event that is ready, without blocking again.
    func waitForEvents(timeout: Double?) -> [TerminalEvent]
    /// Shows a frame. The terminal sends only what changed since the last frame.
    func draw(_ screen: Screen)
    /// Ctrl-Z: restore the shell's terminal, stop the process, and take the screen back on `fg`.
    func suspend()
    /// Ctrl-L: repaint every cell on the next `draw`.
    func forceRepaint()
    func bell()
    /// Gives the terminal to another program (the collector's `$EDITOR`) while `body` runs,
    /// then takes the screen back and repaints it.
    func releaseTerminal(during body: () -> Void)
}

extension Terminal {
    /// Terminals with nothing to hand over (the in-memory one) just run `body`.
    public func releaseTerminal(during body: () -> Void) { body() }
}

/// What a terminal reports.
public enum TerminalEvent: Hashable, Sendable {
    case input(InputEvent)
    /// SIGINT, SIGTERM or SIGHUP: quit cleanly, restoring the terminal.
    case signal(Int32)
}

/// Interrupts a terminal's wait: the self-pipe of the curses terminal, a semaphore in memory.
public protocol Waker: Sendable {
    func wake()
}
