import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process run for a measurement: wall time and the child's own peak resident memory
/// (its VmHWM, so earlier children and the benchmark itself do not count).
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident set size of the child, in megabytes.
    var peakMB: Double
    var output: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with stdout and stderr sent to
    /// `outputPath` (default: a temporary file, read back into `output`).
    static func run(
        _ arguments: [String], environment extra: [String: String] = [:], outputPath: String? = nil
    ) throws -> ChildRun {
        let capture = outputPath ?? NSTemporaryDirectory() + "kaishu-bench-\(UUID().uuidString).out"
        defer { if outputPath == nil { unlink(capture) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envBuffer in
                posix_spawnp(&pid, arguments[0], &actions, nil, argvBuffer.baseAddress!, envBuffer.baseAddress!)
            }
        }
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        // Peak memory: the child's VmHWM, polled until it exits. (wait4's ru_maxrss cannot be used:
        // posix_spawn shares the parent's memory until exec, and Linux carries that high-water
        // mark into the child's figure — every child would report the benchmark's own size.)
        var status: Int32 = 0
        var peakKB = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap({
                    Int($0)
                })
            {
                peakKB = max(peakKB, kb)
            }
            usleep(5_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let output = (try? String(contentsOfFile: capture, encoding: .utf8)) ?? ""
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, seconds: seconds, peakMB: Double(peakKB) / 1024, output: output)
    }

    /// The same, failing with the command's output when it does not exit 0.
    static func checked(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildRun {
        let result = try run(arguments, environment: environment)
        guard result.status == 0 else {
            throw Failure(
                description:
                    "\(arguments.joined(separator: " ")) exited \(result.status): \(result.output.suffix(2000))")
        }
        return result
    }

    /// This program's own path, to run `kaishu` subcommands as separate processes.
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
