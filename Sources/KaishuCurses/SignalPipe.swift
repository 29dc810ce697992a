import Glibc
import KaishuTUI

/// The self-pipe: signal handlers and finished effects write one byte to it, and the loop's
/// `poll` wakes up. Writing a byte is async-signal-safe; nothing else happens in a handler.
///
/// Byte 0 is a plain wake-up; any other byte is the number of the signal that arrived.
final class SignalPipe: @unchecked Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw WorkbenchError("cannot create the wake-up pipe (errno \(errno))") }
        readEnd = fds[0]
        writeEnd = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Reads everything pending: the signals among the bytes, in order (wake-ups dropped).
    func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            if n <= 0 { break }
            for byte in buffer[0..<n] where byte != 0 { signals.append(Int32(byte)) }
        }
        return signals
    }

    func close() {
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}

/// The pipe the signal handler writes to (set while the workbench runs, else -1).
nonisolated(unsafe) private var handlerPipe: Int32 = -1

private func kaishuSignalHandler(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(handlerPipe, &byte, 1)
}

/// Installs Kaishu's handlers for SIGINT, SIGTERM and SIGHUP *before* ncurses starts, so
/// ncurses leaves them alone (its own handler would `endwin` and `_exit(1)` without letting
/// Kaishu finish a save). A signal becomes an event of the loop, which quits cleanly and
/// restores the terminal. `restore()` puts the previous handlers back.
final class SignalHandlers {
    static let quitting: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var previous: [Int32: sigaction] = [:]

    init(pipe: SignalPipe) {
        handlerPipe = pipe.writeEnd
        for number in SignalHandlers.quitting {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = kaishuSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 { previous[number] = old }
        }
        // A closed terminal (SIGHUP) must not kill us with SIGPIPE while writing the last frame.
        signal(SIGPIPE, SIG_IGN)
    }

    func restore() {
        for (number, old) in previous {
            var action = old
            sigaction(number, &action, nil)
        }
        previous = [:]
        handlerPipe = -1
    }
}

/// A waker that writes a zero byte to the self-pipe.
struct PipeWaker: Waker {
    let fd: Int32
    func wake() {
        var byte: UInt8 = 0
        _ = write(fd, &byte, 1)
    }
}
