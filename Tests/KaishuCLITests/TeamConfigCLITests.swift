import Foundation
import KaishuClusterSupport
import Testing

/// `team.leaseSeconds` / `team.heartbeatSeconds` in config.json, through the real binary.
@Suite("The team lease settings")
struct TeamConfigCLITests {
    func configure(_ kaishu: KaishuBinary, _ json: String) throws {
        let folder = kaishu.directory.appendingPathComponent("config/kaishu")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: folder.appendingPathComponent("config.json"))
    }

    @Test("a heartbeat not under half the lease stops every command with a message naming both keys")
    func heartbeatTooLong() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try configure(kaishu, #"{"team": {"leaseSeconds": 120, "heartbeatSeconds": 90}}"#)
        let result = try kaishu.run(["queue", "--store", kaishu.db, "--today", "2026-11-23"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "config.json: team.heartbeatSeconds: 90 must be under half of team.leaseSeconds (120)"),
            "\(result.stderr)")
        try configure(kaishu, #"{"team": {"leaseSeconds": "long"}}"#)
        let typed = try kaishu.run(["queue", "--store", kaishu.db, "--today", "2026-11-23"])
        #expect(typed.status == 1)
        #expect(typed.stderr.contains("config.json: team.leaseSeconds"), "\(typed.stderr)")
    }

    @Test("valid lease settings are accepted")
    func accepted() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try configure(kaishu, #"{"team": {"leaseSeconds": 600, "heartbeatSeconds": 120}}"#)
        #expect(try kaishu.run(["demo", "--cases", "5", "--store", kaishu.db, "--today", "2026-11-23"]).status == 0)
        let result = try kaishu.run(["queue", "--store", kaishu.db, "--today", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("kaishu queue next claims for team.leaseSeconds unless --ttl says otherwise")
    func claimLength() throws {
        let cluster = try TestCluster.get()
        let database = try cluster.makeDatabase()
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let today = "2025-06-02"
        #expect(try kaishu.run(["demo", "--cases", "30", "--store", kaishu.db, "--today", today]).status == 0)
        let copy = try kaishu.run(["copy", "--from", "sqlite:" + kaishu.db, "--to", database.url])
        #expect(copy.status == 0, "\(copy.stderr)")
        try configure(kaishu, #"{"team": {"leaseSeconds": 900, "heartbeatSeconds": 200}}"#)
        func claimSeconds(_ extra: [String]) throws -> Double {
            let started = Date()
            let result = try kaishu.run(
                ["queue", "next", "--store", database.url, "--collector", "sato", "--json", "--today", today] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let row = try #require(try result.json() as? [String: Any])
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let text = try #require(row["leaseExpires"] as? String)
            let expires = try #require(formatter.date(from: text))
            return expires.timeIntervalSince(started)
        }
        let configured = try claimSeconds([])
        #expect(configured > 850 && configured < 960, "\(configured)")
        let given = try claimSeconds(["--ttl", "30"])
        #expect(given > 0 && given < 90, "\(given)")
    }
}
