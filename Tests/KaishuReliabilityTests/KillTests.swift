import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL at random moments while `kaishu bench drive` saves notes, payments, escalations and
/// imports; after every kill the book must pass `BookChecks`. Each restart resumes at the write
/// that was in flight, with its idempotency key, so a write that committed but was not yet
/// acknowledged is retried — and must not appear twice.
///
/// `KAISHU_KILLS` sets the number of kills (default 150; Scripts/kill-test.sh runs thousands).
@Suite("crash: nothing acknowledged is lost after kill -9")
struct KillTests {
    static var kills: Int { Int(ProcessInfo.processInfo.environment["KAISHU_KILLS"] ?? "") ?? 150 }
    static var budget: Double { Double(ProcessInfo.processInfo.environment["KAISHU_KILL_SECONDS"] ?? "") ?? 120 }

    @Test("after each of many random SIGKILLs: quick_check ok, every acknowledged write present once, chain intact")
    func killRepeatedly() throws {
        let folder = try KaishuProcess.folder("kill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/casebook.sqlite"
        let demo = try KaishuProcess.run(["demo", "--cases", "60", "--db", db])
        try #require(demo.status == 0, "\(demo.stderr)")

        var checks = BookChecks()
        var next = 0
        var kills = 0
        var generator = SystemRandomNumberGenerator()
        let started = Date()
        while kills < Self.kills && Date().timeIntervalSince(started) < Self.budget {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: KaishuProcess.path)
            process.arguments = ["bench", "drive", "--db", db, "--seed", "5", "--from", String(next), "--count", "0"]
            process.environment = KaishuProcess.environment()
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...350_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n")
            // Only whole lines count: a line cut by the kill was never acknowledged.
            for line in lines {
                let parts = line.split(separator: " ")
                guard parts.count == 3, let index = Int(parts[2].split(separator: "-").last ?? "") else { continue }
                if parts[0] == "ack" { checks.acknowledged.append((String(parts[1]), String(parts[2]))) }
                next = max(next, index + 1)
            }
            if process.terminationReason == .uncaughtSignal { kills += 1 }
            let failures = try checks.check(db)
            #expect(failures.isEmpty, "after kill \(kills): \(failures.prefix(5))")
            if !failures.isEmpty { break }
        }
        // The next start is clean: a few more writes go through.
        let after = try KaishuProcess.run([
            "bench", "drive", "--db", db, "--seed", "5", "--from", String(next), "--count", "5",
        ])
        #expect(after.status == 0, "\(after.stderr)")
        let elapsed = Date().timeIntervalSince(started)
        print(
            "kill test: \(kills) kills, \(checks.acknowledged.count) acknowledged writes, \(next) operations, \(String(format: "%.0f", elapsed)) s"
        )
        #expect(kills >= min(Self.kills, 100), "too few kills in the time budget: \(kills)")
        // On a loaded machine most of a short window goes to starting the process, so ask for
        // writes on at least every other kill rather than one per kill.
        #expect(checks.acknowledged.count * 2 >= kills, "the driver acknowledged too few writes to mean anything")
    }
}
