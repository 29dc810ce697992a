import Foundation
import Testing

/// The command line is a stable contract other tools depend on: these tests run the real binary.
@Suite("Command-line contract", .serialized)
struct CLIContractTests {
    let today = "2026-11-23"

    func demoBook(cases: Int = 60) throws -> KaishuBinary {
        let kaishu = try KaishuBinary()
        let result = try kaishu.run([
            "demo", "--cases", String(cases), "--seed", "7", "--db", kaishu.db, "--today", today,
        ])
        #expect(result.status == 0, "demo failed: \(result.stderr)")
        return kaishu
    }

    @Test("queue --json lists today's cases with the documented keys, most urgent first")
    func queueJSON() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let result = try kaishu.run(["queue", "--json", "--limit", "500", "--db", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try result.json() as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            for key in ["id", "debtor", "outstanding", "stage", "expires", "daysLeft", "nextAction"] {
                #expect(row.keys.contains(key), "missing \(key)")
            }
            #expect(row["outstanding"] is Int)
        }
        let tiers = rows.map { $0["tier"] as? String ?? "" }
        let order = ["limitation ≤ 30 days", "limitation ≤ 90 days", "broken promise", "action due"]
        let ranks = tiers.map { order.firstIndex(of: $0) ?? 99 }
        #expect(ranks == ranks.sorted(), "tiers out of order: \(tiers)")
        #expect(!ranks.contains(99), "a case outside today's tiers is in today's queue")
        // daysLeft is expires − today
        for row in rows {
            if let expires = row["expires"] as? String, let left = row["daysLeft"] as? Int {
                #expect(dayNumber(expires) - dayNumber(today) == left)
            }
        }
    }

    @Test("queue --all includes cases scheduled later; --limit caps the rows")
    func queueAll() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let todayRows =
            try kaishu.run(["queue", "--json", "--limit", "500", "--db", kaishu.db, "--today", today]).json() as! [Any]
        let allRows =
            try kaishu.run(["queue", "--all", "--json", "--limit", "500", "--db", kaishu.db, "--today", today]).json()
            as! [Any]
        #expect(allRows.count >= todayRows.count)
        let three =
            try kaishu.run(["queue", "--all", "--json", "--limit", "3", "--db", kaishu.db, "--today", today]).json()
            as! [Any]
        #expect(three.count == 3)
    }

    @Test("case show --json has the case, its claims, events and the limitation basis")
    func caseShowJSON() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let result = try kaishu.run(["case", "show", "1", "--json", "--db", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try result.json() as? [String: Any])
        for key in ["id", "debtor", "stage", "outstanding", "expires", "daysLeft", "claims", "events", "basis"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        for event in events {
            #expect(event["kind"] is String && event["date"] is String && event["text"] is String)
        }
    }

    @Test("a promised call is logged with its promise and appears in the history")
    func notePromised() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let id = try openCaseID(kaishu)
        let result = try kaishu.run([
            "case", "note", id, "--outcome", "promised", "--text", "月末に振込予定", "--promise-date", "2026-11-30",
            "--promise-amount", "10,000", "--json", "--db", kaishu.db, "--today", today,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try result.json() as? [String: Any])
        let promise = try #require(json["promise"] as? [String: Any])
        #expect(promise["amount"] as? Int == 10_000)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect((events.first?["text"] as? String)?.contains("月末に振込予定") == true)
    }

    @Test("bad input exits 1 with the reason on stderr; usage errors exit 2")
    func exitCodes() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let id = try openCaseID(kaishu)
        let over = try kaishu.run([
            "case", "pay", id, "--amount", "999999999", "--on", today, "--db", kaishu.db, "--today", today,
        ])
        #expect(over.status == 1)
        #expect(over.stderr.contains("more than the outstanding"))
        let badDate = try kaishu.run([
            "case", "pay", id, "--amount", "1000", "--on", "2023-02-30", "--db", kaishu.db, "--today", today,
        ])
        #expect(badDate.status == 1)
        #expect(badDate.stderr.contains("--on"))
        let usage = try kaishu.run(["case", "note", id, "--outcome", "promised", "--db", kaishu.db])
        #expect(usage.status == 2)
        let unknown = try kaishu.run(["case", "show", "999999", "--db", kaishu.db, "--today", today])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no case 999999"))
    }

    @Test("a retried write with the same idempotency key is applied once")
    func idempotency() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let id = try openCaseID(kaishu)
        let arguments = [
            "case", "note", id, "--outcome", "no-answer", "--idempotency-key", "retry-1", "--json", "--db", kaishu.db,
            "--today", today,
        ]
        let first = try #require(try kaishu.run(arguments).json() as? [String: Any])
        let second = try #require(try kaishu.run(arguments).json() as? [String: Any])
        #expect((first["events"] as? [Any])?.count == (second["events"] as? [Any])?.count)
    }

    @Test("escalate from certified mail without a route names the routes")
    func escalateNeedsRoute() throws {
        let kaishu = try demoBook()
        defer { kaishu.remove() }
        let id = try openCaseID(kaishu)
        let up = try kaishu.run([
            "case", "escalate", id, "--to", "certified-mail", "--override", "--db", kaishu.db, "--today", today,
        ])
        #expect(up.status == 0 || up.stderr.contains("address"), "\(up.stderr)")
        if up.status == 0 {
            let again = try kaishu.run(["case", "escalate", id, "--db", kaishu.db, "--today", today])
            #expect(again.status == 1)
            #expect(again.stderr.contains("payment-order"))
        }
    }

    /// A case in today's queue at an early stage, so notes and escalations apply.
    func openCaseID(_ kaishu: KaishuBinary) throws -> String {
        let rows =
            try kaishu.run(["queue", "--all", "--json", "--limit", "500", "--db", kaishu.db, "--today", today]).json()
            as! [[String: Any]]
        let row = try #require(
            rows.first {
                ($0["stage"] as? String) == "phone" && ($0["disputed"] as? Bool) == false
                    && ($0["onHold"] as? Bool) == false
            } ?? rows.first)
        return String(row["id"] as! Int)
    }

    func dayNumber(_ iso: String) -> Int {
        let p = iso.split(separator: "-").map { Int($0)! }
        var c = DateComponents()
        c.year = p[0]; c.month = p[1]; c.day = p[2]
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return Int(cal.date(from: c)!.timeIntervalSince1970 / 86400)
    }
}
