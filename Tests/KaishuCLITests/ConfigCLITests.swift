import Foundation
import Testing

/// `~/.config/kaishu/config.json`, through the real binary.
@Suite("The configuration file", .serialized)
struct ConfigCLITests {
    let today = "2026-11-23"

    func configure(_ kaishu: KaishuBinary, _ json: String) throws {
        let folder = kaishu.directory.appendingPathComponent("config/kaishu")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: folder.appendingPathComponent("config.json"))
    }

    @Test("a malformed setting is an error naming the file and the field")
    func malformed() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try configure(kaishu, #"{"contact": {"quietHours": "late"}}"#)
        let result = try kaishu.run(["queue", "--store", kaishu.db, "--today", today])
        #expect(result.status == 1)
        #expect(result.stderr.contains("config.json: contact.quietHours"), "\(result.stderr)")
        try configure(kaishu, #"{"calendar": {"closed": ["13-45"]}}"#)
        let bad = try kaishu.run(["queue", "--store", kaishu.db, "--today", today])
        #expect(bad.stderr.contains("calendar.closed days: entry 1 '13-45'"), "\(bad.stderr)")
    }

    @Test("the configured quiet hours, store and collector apply")
    func applied() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try configure(
            kaishu, #"{"store": "\#(kaishu.db)", "collector": "yamada", "contact": {"quietHours": "12:00-13:00"}}"#)
        #expect(try kaishu.run(["demo", "--cases", "20", "--today", today]).status == 0)
        let rows = try #require(
            try kaishu.run(["queue", "--all", "--json", "--today", today]).json() as? [[String: Any]])
        let id = try #require(rows.first { $0["stage"] as? String == "phone" }?["id"] as? Int)
        let lunch = try kaishu.run(
            ["case", "note", String(id), "--outcome", "no-answer", "--time", "12:30", "--today", today])
        #expect(lunch.status == 1)
        #expect(lunch.stderr.contains("quiet hours 12:00–13:00"), "\(lunch.stderr)")
        let afternoon = try kaishu.run(
            ["case", "note", String(id), "--outcome", "no-answer", "--time", "14:00", "--json", "--today", today])
        #expect(afternoon.status == 0, "\(afternoon.stderr)")
    }
}
