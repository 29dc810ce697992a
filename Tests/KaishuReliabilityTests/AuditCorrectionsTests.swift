import Foundation
import Testing

/// `kaishu audit corrections`: who corrected what, when, and what the event originally said.
@Suite("audit: the correction history of a case")
struct AuditCorrectionsTests {
    @Test("a correction is listed with who, when, the event it corrects, its original value and the reason")
    func listsCorrections() throws {
        let folder = try KaishuProcess.folder("corrections")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/casebook.sqlite"
        #expect(try KaishuProcess.run(["demo", "--cases", "5", "--db", db]).status == 0)
        let note = try KaishuProcess.run(
            [
                "case", "note", "2", "--outcome", "promised", "--promise-date", "2026-12-01", "--promise-amount",
                "50000",
                "--text", "月末に入金すると約束", "--db", db, "--collector", "佐藤",
            ])
        #expect(note.status == 0, "\(note.stderr)")
        let shown = try KaishuProcess.run(["case", "show", "2", "--json", "--db", db])
        let events =
            (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["events"]
            as? [[String: Any]]
        let seq = try #require(events?.compactMap { $0["seq"] as? Int }.max())
        let corrected = try KaishuProcess.run(
            ["case", "correct", "2", "--event", String(seq), "--reason", "別の取引先の話だった", "--db", db, "--collector", "鈴木"])
        #expect(corrected.status == 0, "\(corrected.stderr)")

        let listed = try KaishuProcess.run(["audit", "corrections", "2", "--json", "--db", db])
        #expect(listed.status == 0, "\(listed.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["actor"] as? String == "鈴木")
        #expect(entry["originalActor"] as? String == "佐藤")
        #expect(entry["corrects"] as? Int == seq)
        #expect(entry["originalKind"] as? String == "contact")
        #expect((entry["original"] as? String)?.contains("月末に入金すると約束") == true)
        #expect(
            (entry["original"] as? String)?.contains("50,000") == true
                || (entry["original"] as? String)?.contains("50000") == true)
        #expect(entry["reason"] as? String == "別の取引先の話だった")
        #expect(entry["replacement"] == nil)
        #expect((entry["recordedAt"] as? String)?.isEmpty == false)

        let csv = try KaishuProcess.run(["audit", "corrections", "2", "--csv", "--db", db])
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("correction,recorded_at,actor") == true)
        #expect(lines.last?.contains("別の取引先の話だった") == true)

        let none = try KaishuProcess.run(["audit", "corrections", "3", "--db", db])
        #expect(none.stdout.contains("no corrections"))
        #expect(try KaishuProcess.run(["audit", "corrections", "999", "--db", db]).status == 1)
    }
}
