@preconcurrency internal import CNcursesw
import Glibc

/// The last resort: when the process dies of a fault (a Swift runtime trap is SIGILL or
/// SIGTRAP, a bad pointer SIGSEGV or SIGBUS, `abort` SIGABRT), put the terminal back before the
/// crash report, so the collector's shell is not left raw and on the alternate screen.
///
/// The handler does only async-signal-safe work: `tcsetattr` with the modes saved at start and
/// one `write` of the terminal's own "leave the alternate screen, show the cursor, plain
/// attributes" sequence (from terminfo, captured at start). It then puts back the handler that
/// was there before (the Swift runtime's backtracer, or the default) and returns; the fault
/// happens again, or `abort` raises again, and the previous handler reports the crash as usual.
enum CrashRestore {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Saves the shell's terminal modes; call before `newterm` changes them.
    static func saveModes(fd: Int32) {
        crashFD = fd
        haveModes = tcgetattr(fd, &savedModes) == 0
    }

    /// Arms the handler; call after `newterm` (the reset sequence comes from its terminfo).
    static func arm() {
        var bytes: [UInt8] = Array("\u{1B}[?2004l".utf8)  // bracketed paste off
        for capability in ["sgr0", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
        resetLength = min(bytes.count, MemoryLayout.size(ofValue: resetSequence))
        withUnsafeMutableBytes(of: &resetSequence) { buffer in
            for index in 0..<resetLength { buffer[index] = bytes[index] }
        }
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = crashHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 { previousActions[Int(number)] = old }
        }
        armed = true
    }

    /// Puts the previous handlers back (normal shutdown).
    static func disarm() {
        guard armed else { return }
        for number in signals {
            sigaction(number, previousActions + Int(number), nil)
        }
        armed = false
    }
}

nonisolated(unsafe) private var crashFD: Int32 = 1
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveModes = false
nonisolated(unsafe) private var resetSequence: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0, 0, 0, 0, 0, 0, 0, 0
)
nonisolated(unsafe) private var resetLength = 0
/// Raw memory, so the handler reads it without touching Swift's reference counting.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    pointer.initialize(repeating: sigaction(), count: 65)
    return pointer
}()
nonisolated(unsafe) private var armed = false

private func crashHandler(_ number: Int32) {
    if haveModes { _ = tcsetattr(crashFD, TCSANOW, &savedModes) }
    withUnsafeBytes(of: &resetSequence) { buffer in
        _ = write(crashFD, buffer.baseAddress, resetLength)
    }
    sigaction(number, previousActions + Int(number), nil)
}
