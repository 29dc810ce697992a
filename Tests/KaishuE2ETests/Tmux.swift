import Foundation
import Glibc
import Testing

/// A private tmux server running one shell, for driving the workbench like a person would.
///
/// Every session gets its own socket (`tmux -L`), so tests never see each other's panes or the
/// developer's tmux. Waiting is always polling `capture-pane` against a deadline, never a fixed
/// sleep, so the tests hold on a loaded machine.
final class Tmux {
    static let available: Bool =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

    /// The binary under test: `KAISHU_E2E_BINARY` (e.g. the real `kaishu`), else the demo.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["KAISHU_E2E_BINARY"], !path.isEmpty { return path }
        var root = #filePath
        for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
        return root + "/.build/debug/kaishu-workbench-demo"
    }()

    /// The real `kaishu` binary of this checkout (SQLite and team case books).
    static let kaishu: String = {
        var root = #filePath
        for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
        return root + "/.build/debug/kaishu"
    }()

    let socket: String
    let timeout: Double

    init(columns: Int = 100, rows: Int = 30, timeout: Double = 20) throws {
        socket = "kaishu-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.timeout = timeout
        let shell = "env PS1='e2e$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 HISTFILE=/dev/null bash --norc --noprofile -i"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "e2e", shell])
        _ = try waitFor("e2e$")
    }

    deinit {
        _ = try? Tmux.run(["tmux", "-L", socket, "kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let (status, output) = try Tmux.run(["tmux", "-L", socket] + arguments)
        if status != 0 { throw E2EFailure("tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)") }
        return output
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-z`, `j`).
    func keys(_ names: String...) throws {
        for name in names { try tmux(["send-keys", "-t", "e2e", name]) }
    }

    /// Types text literally (Japanese included).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// Runs a shell command line in the pane.
    func shell(_ line: String) throws {
        try type(line)
        try keys("Enter")
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// Polls the pane until `predicate` holds; returns the pane text then.
    @discardableResult
    func waitUntil(_ what: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try capture()
            if predicate(last) { return last }
            usleep(100_000)
        }
        throw E2EFailure("timed out after \(timeout) s waiting for \(what); the pane shows:\n\(last)")
    }

    @discardableResult
    func waitFor(_ text: String) throws -> String {
        try waitUntil("'\(text)'") { $0.contains(text) }
    }

    /// Starts the workbench in the shell and waits for the queue.
    func startWorkbench(_ arguments: String = "--today 2026-11-23 --cases 60", environment: String = "") throws {
        try shell("clear; \(environment.isEmpty ? "" : "env \(environment) ")\(Tmux.binary) \(arguments); echo EXIT=$?")
        try waitFor("Today's queue")
    }

    /// The workbench's process id (the shell's child).
    func workbenchPID() throws -> Int32 {
        let panePID = try tmux(["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(panePID)/task/\(panePID)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw E2EFailure("no workbench process under the shell \(panePID)")
        }
        return pid
    }

    /// Whether the pane is on the alternate screen.
    func alternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// After the workbench exited: its status, and the terminal modes the shell gets back.
    func checkRestored(expectStatus status: Int32?) throws {
        if let status { try waitFor("EXIT=\(status)") }
        #expect(try !alternateScreen(), "the alternate screen was left")
        try shell("clear; stty -a | tr -s ' \\n' ' '; echo; echo STTY-$((40+2))")
        let text = try waitFor("STTY-42")
        let modes = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for mode in ["icanon", "echo", "isig", "icrnl", "opost", "ixon"] {
            #expect(modes.contains(mode), "stty shows \(mode) restored")
            #expect(!modes.contains("-" + mode), "stty shows -\(mode)")
        }
    }

    /// Runs a program and returns its status and output.
    ///
    /// Spawned with `posix_spawn` and an empty signal mask and default dispositions: the test
    /// runner's threads block signals, and a tmux server (and so the workbench under it) would
    /// otherwise inherit that mask and never see SIGTERM. Output goes to a file, not a pipe: a
    /// tmux server started by `new-session -d` keeps the descriptors it inherited open.
    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let outputPath = NSTemporaryDirectory() + "kaishu-e2e-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGCONT, SIGWINCH, SIGCHLD] {
            sigaddset(&defaults, number)
        }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // A stale LINES/COLUMNS (another test sets them) must not reach the shell in the pane.
        var environment: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment
            .filter { $0.key != "LINES" && $0.key != "COLUMNS" }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        let result = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, &environment)
        guard result == 0 else { throw E2EFailure("cannot start \(arguments.joined(separator: " ")): error \(result)") }
        // Every tmux command returns at once; one that has not after a minute is stuck (a loaded
        // machine once left a client hanging): kill it and fail with its command line, rather than
        // leave the whole suite waiting.
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(60)
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                throw E2EFailure("`\(arguments.joined(separator: " "))` did not finish within 60 s")
            }
            usleep(2_000)
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

struct E2EFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
