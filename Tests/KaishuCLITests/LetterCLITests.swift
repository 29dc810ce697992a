import Foundation
import Testing

/// `kaishu letter`, through the real binary on a demo case book.
@Suite("Letters from the command line", .serialized)
struct LetterCLITests {
    let today = "2026-11-23"

    func book() throws -> KaishuBinary {
        let kaishu = try KaishuBinary()
        let result = try kaishu.run(["demo", "--cases", "60", "--seed", "7", "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        return kaishu
    }

    func caseAt(_ stage: String, _ kaishu: KaishuBinary) throws -> String {
        let rows = try #require(
            try kaishu.run(["queue", "--all", "--json", "--limit", "500", "--store", kaishu.db, "--today", today])
                .json()
                as? [[String: Any]])
        let row = try #require(rows.first { $0["stage"] as? String == stage }, "no case at \(stage)")
        return String(row["id"] as! Int)
    }

    @Test("a certified letter's layout check passes with its page count and postage")
    func certifiedCheck() throws {
        let kaishu = try book()
        defer { kaishu.remove() }
        let id = try caseAt("certified-mail", kaishu)
        let result = try kaishu.run(["letter", id, "--check", "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("OK"))
        #expect(result.stdout.contains("配達証明"))
    }

    @Test("recording a printed demand letter adds a letter-sent event; drafting alone records nothing")
    func recordSent() throws {
        let kaishu = try book()
        defer { kaishu.remove() }
        let id = try caseAt("demand-letter", kaishu)
        func events() throws -> [[String: Any]] {
            let json = try kaishu.run(["case", "show", id, "--json", "--store", kaishu.db, "--today", today]).json()
            return (json as? [String: Any])?["events"] as? [[String: Any]] ?? []
        }
        let before = try events().count
        let draft = try kaishu.run(["letter", id, "--store", kaishu.db, "--today", today])
        #expect(draft.status == 0)
        #expect(draft.stdout.contains("督"))
        #expect(try events().count == before)
        let sent = try kaishu.run([
            "letter", id, "--record-sent", "--reference", "書留123", "--out",
            kaishu.directory.appendingPathComponent("d.txt").path, "--store", kaishu.db, "--today", today,
        ])
        #expect(sent.status == 0, "\(sent.stderr)")
        let after = try events()
        #expect(after.count == before + 1)
        #expect(after.first?["kind"] as? String == "letter-sent")
    }

    @Test("without a sendmail command an email goes to the outbox and is not recorded as sent")
    func emailToOutbox() throws {
        let kaishu = try book()
        defer { kaishu.remove() }
        let id = try caseAt("email", kaishu)
        let result = try kaishu.run(["letter", id, "--send", "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("outbox"))
    }
}
