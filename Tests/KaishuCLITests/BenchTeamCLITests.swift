import Foundation
import KaishuClusterSupport
import Testing

/// `kaishu bench team` end to end, in a quick mode (a small book, fractions of a second per
/// measurement) on a database of the tests' shared throwaway cluster: it fills the book, measures
/// claims against pgbench, queue pages and note saves, and leaves the book without claims.
@Suite("kaishu bench team")
struct BenchTeamCLITests {
    @Test("fills a team book and reports claims against pgbench, queue pages and note saves; no claim left behind")
    func quickRun() throws {
        let cluster = try TestCluster.get()
        let database = try cluster.makeDatabase()
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        let result = try kaishu.run([
            "bench", "team", "--store", database.url, "--cases", "600", "--seconds", "0.2", "--collectors", "1,4",
            "--runs", "20", "--notes", "8", "--today", "2025-06-02", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try result.json() as? [String: Any])
        let figures = try #require(report["figures"] as? [[String: Any]])
        let claims = figures.filter { ($0["metric"] as? String ?? "").hasPrefix("claims per second") }
        #expect(
            claims.map { $0["metric"] as? String }
                == ["claims per second, 1 collector", "claims per second, 4 collectors"])
        for figure in claims {
            let rate = try #require(figure["kaishu"] as? Double)
            let floor = try #require(figure["floor"] as? Double)
            let ratio = try #require(figure["ratio"] as? Double)
            #expect(rate > 0 && floor > 0)
            #expect(abs(ratio - rate / floor) < 1e-9)
            #expect(figure["atLeast"] as? Bool == true && figure["target"] as? Double == 0.7)
            #expect(figure["met"] as? Bool == (ratio >= 0.7))
            #expect(figure["unit"] as? String == "/s")
        }
        for metric in ["queue page, 50 rows decoded", "note save, committed"] {
            for p in ["p50", "p99"] {
                let figure = try #require(
                    figures.first { $0["metric"] as? String == "\(metric), \(p)" }, "\(metric) \(p)")
                #expect((figure["kaishu"] as? Double ?? 0) > 0 && (figure["floor"] as? Double ?? 0) > 0)
            }
        }
        let info = (report["info"] as? [String] ?? []).joined(separator: "\n")
        #expect(info.contains("book: 600 cases"), "\(info)")
        #expect(info.contains("one round trip (SELECT 1)"), "\(info)")

        // The book is there, every claim was given back, the floor's scratch table is gone.
        let check = try cluster.psql(
            "SELECT count(*), count(claimed_by), to_regclass('kaishu_bench_floor_notes') IS NULL FROM cases",
            database: database.name)
        #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "600|0|t")
    }
}
