import Foundation
import Testing

/// `kaishu import` and the first run, through the real binary.
@Suite("Import and first run from the command line", .serialized)
struct ImportCLITests {
    let today = "2026-11-23"

    func write(_ text: String, to kaishu: KaishuBinary, name: String = "receivables.csv") throws -> String {
        let path = kaishu.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    let header = "取引先コード,取引先名,請求書番号,取引日,支払期日,金額,電話\n"

    @Test("a file with one bad row imports nothing and names the line, column and reason")
    func allOrNothing() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let file = try write(
            header + "C1,株式会社山田商事,INV-1,2024/4/1,2024/4/30,110000,03-1234-5678\n"
                + "C2,有限会社田中工業,INV-2,2024/4/1,2023-02-30,55000,\n", to: kaishu)
        let result = try kaishu.run(["import", file, "--store", kaishu.db, "--today", today])
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3, column 支払期日"), "\(result.stderr)")
        #expect(result.stdout.contains("Nothing imported"))
        let queue = try kaishu.run(["queue", "--all", "--json", "--store", kaishu.db, "--today", today])
        #expect((try queue.json() as? [Any])?.isEmpty == true)
    }

    @Test("--skip-bad imports the good rows, lists the bad ones and exits 1")
    func skipBad() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let file = try write(
            header + "C1,株式会社山田商事,INV-1,2024/4/1,2024/4/30,\"110,000\",03-1234-5678\n"
                + "C2,有限会社田中工業,INV-2,2024/4/1,2024/4/30,-5,\n"
                + "C1,株式会社山田商事,INV-3,R6.5.1,R6.5.31,22000,\n", to: kaishu)
        let result = try kaishu.run(["import", file, "--skip-bad", "--json", "--store", kaishu.db, "--today", today])
        #expect(result.status == 1)
        let json = try #require(try result.json() as? [String: Any])
        #expect(json["committed"] as? Bool == true)
        #expect(json["casesOpened"] as? Int == 1)
        #expect(json["claimsAdded"] as? Int == 2)
        let rejected = try #require(json["rejected"] as? [[String: Any]])
        #expect(rejected.map { $0["line"] as? Int } == [3])
        let queue = try #require(
            try kaishu.run(["queue", "--all", "--json", "--store", kaishu.db, "--today", today]).json()
                as? [[String: Any]])
        #expect(queue.count == 1)
        #expect(queue.first?["outstanding"] as? Int == 132_000)
    }

    @Test("a dry run changes nothing; a second import of the same file adds nothing")
    func dryRunAndReimport() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let file = try write(header + "C1,株式会社山田商事,INV-1,2024/4/1,2024/4/30,110000,\n", to: kaishu)
        let dry = try kaishu.run(["import", file, "--dry-run", "--json", "--store", kaishu.db, "--today", today])
        #expect(dry.status == 0)
        #expect((try dry.json() as? [String: Any])?["committed"] as? Bool == false)
        #expect(try kaishu.run(["import", file, "--store", kaishu.db, "--today", today]).status == 0)
        let again = try #require(
            try kaishu.run(["import", file, "--json", "--store", kaishu.db, "--today", today]).json() as? [String: Any])
        #expect(again["claimsAdded"] as? Int == 0)
        #expect(again["duplicatesSkipped"] as? Int == 1)
    }

    @Test("a CP932 file from Excel imports with its Japanese intact")
    func cp932() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let text = header + "C1,株式会社山田商事,INV-1,2024/4/1,2024/4/30,110000,\r\n"
        let path = kaishu.directory.appendingPathComponent("sjis.csv").path
        try #require(text.data(using: .shiftJIS)).write(to: URL(fileURLWithPath: path))
        let result = try kaishu.run(["import", path, "--json", "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try result.json() as? [String: Any])?["encoding"] as? String == "cp932")
        let queue = try #require(
            try kaishu.run(["queue", "--all", "--json", "--store", kaishu.db, "--today", today]).json()
                as? [[String: Any]])
        #expect(queue.first?["debtor"] as? String == "株式会社山田商事")
    }

    @Test("the first run without a case book creates the demo book and shows today's queue")
    func firstRunDemo() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let first = try kaishu.run(["--today", today])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("demo case book"))
        #expect(first.stdout.contains("due today"))
        let path = kaishu.directory.appendingPathComponent("data/kaishu/casebook.sqlite").path
        #expect(FileManager.default.fileExists(atPath: path))
        let second = try kaishu.run(["--today", today])
        #expect(!second.stderr.contains("demo case book"))
        #expect(second.stdout == first.stdout)
    }
}
