import Foundation
import Glibc
import KaishuClusterSupport
import Testing

/// Two collectors' workbenches (the real `kaishu`) on one PostgreSQL case book, each in its own
/// tmux server: claims show up on the other screen, and a note one logs appears on the other's
/// screen through LISTEN/NOTIFY within a moment.
@Suite(
    "Two workbenches on one team case book", .serialized,
    .enabled(if: Tmux.available, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: teamE2EKaishu), "build kaishu first (swift build)"))
struct TeamE2ETests {
    static let kaishu = teamE2EKaishu

    /// A fresh team book holding the demo cases, copied from a SQLite demo book.
    static func teamBook() throws -> String {
        let cluster = try TestCluster.get()
        let database = try cluster.makeDatabase()
        let sqlite = NSTemporaryDirectory() + "kaishu-team-e2e-\(UUID().uuidString.prefix(8)).sqlite"
        defer { unlink(sqlite) }
        for arguments in [
            [kaishu, "demo", "--store", sqlite, "--today", "2026-11-23", "--cases", "30"],
            [kaishu, "copy", "--from", "sqlite:" + sqlite, "--to", database.url],
        ] {
            let (status, output) = try Tmux.run(arguments)
            guard status == 0 else {
                throw E2EFailure("\(arguments.joined(separator: " ")) failed (\(status)): \(output)")
            }
        }
        return database.url
    }

    @Test("one collector claims a case and logs a note; the other's screen shows both within seconds")
    func liveScreens() throws {
        let url = try Self.teamBook()
        let alice = try Tmux(columns: 110, rows: 40, timeout: 20)
        let bob = try Tmux(columns: 110, rows: 50, timeout: 20)
        for (pane, name) in [(alice, "alice"), (bob, "bob")] {
            try pane.shell(
                "clear; env KAISHU_COLLECTOR=\(name) \(Self.kaishu) --store '\(url)' --today 2026-11-23; echo EXIT=$?")
            try pane.waitFor("Today's queue")
        }
        // Alice opens the top case: she claims it, and Bob's queue says so.
        try alice.keys("Enter")
        try alice.waitFor("claimed by you")
        try bob.waitFor("taken by alice")

        // Bob opens it anyway: read only, naming Alice.
        try bob.keys("Enter")
        try bob.waitFor("read only")
        #expect(try bob.capture().contains("alice"))
        try bob.keys("G")

        // Alice logs a call; Bob's screen shows the note without a key pressed.
        try alice.keys("c")
        try alice.waitFor("what happened?")
        try alice.keys("1")
        try alice.type("TEAM-E2E-留守")
        try alice.keys("Enter")
        try alice.waitFor("Saved: call, no answer")
        let saved = Date()
        let fast = Tmux.waitBriefly(bob, seconds: 3) { $0.contains("TEAM-E2E-留守") }
        let bobScreen = try bob.capture()
        #expect(fast, "Bob's screen did not show Alice's note within 3 s of the save:\n\(bobScreen)")
        if fast { #expect(Date().timeIntervalSince(saved) < 3) }

        // Alice leaves the case: the claim is released and Bob's queue shows it free again.
        try alice.keys("q")
        try alice.waitFor("Today's queue")
        try bob.keys("q")
        try bob.waitUntil("the claim to disappear") { !$0.contains("taken by alice") }
        try alice.keys("q")
        try bob.keys("q")
        try alice.checkRestored(expectStatus: 0)
        try bob.checkRestored(expectStatus: 0)
    }
}

/// The real `kaishu` binary of this checkout.
let teamE2EKaishu: String = Tmux.kaishu

extension Tmux {
    /// Polls `pane` for at most `seconds`; whether `predicate` came to hold.
    static func waitBriefly(_ pane: Tmux, seconds: Double, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? pane.capture(), predicate(text) { return true }
            usleep(50_000)
        }
        return false
    }
}
