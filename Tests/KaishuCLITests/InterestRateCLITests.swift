import Foundation
import Testing

/// `kaishu interest ID` and `kaishu case rate` with each claim's own damages terms.
@Suite("Damages per claim at its agreed or statutory rate, from the command line", .serialized)
struct InterestRateCLITests {
    let today = "2026-03-15"

    /// Imports one debtor's claims (columns: agreed rate, day count, consumer contract).
    func importBook(_ kaishu: KaishuBinary, rows: String) throws {
        let path = kaishu.directory.appendingPathComponent("receivables.csv").path
        let text = "取引先コード,取引先名,請求書番号,取引日,支払期日,金額,約定利率,日割,消費者契約\n" + rows
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try kaishu.run(["import", path, "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("interest ID --json gives each claim its own rate, source, method and the damages it yields")
    func perClaimRates() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try importBook(
            kaishu,
            rows: "C1,山田,INV-1,2024-03-01,2024-04-30,1000000,14.6,,\n"
                + "C1,山田,INV-2,2024-03-01,2024-04-30,1000000,,,\n"
                + "C1,山田,INV-3,2024-03-01,2024-04-30,1000000,2,,\n")
        let result = try kaishu.run(["interest", "1", "--json", "--store", kaishu.db, "--today", today])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try result.json() as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        let byInvoice = Dictionary(uniqueKeysWithValues: claims.map { ($0["invoice"] as? String ?? "", $0) })
        // 14.6 %: 146,000 + 400 × 319 = 273,600 (court method, no leap day after the first year).
        #expect(byInvoice["INV-1"]?["damages"] as? Int == 273_600)
        #expect(byInvoice["INV-1"]?["rateSource"] as? String == "agreed")
        #expect(byInvoice["INV-1"]?["annualPercent"] as? String == "14.6")
        #expect(byInvoice["INV-1"]?["method"] as? String == "court")
        // No agreed rate: LEGAL.md's statutory 56,219.
        #expect(byInvoice["INV-2"]?["damages"] as? Int == 56_219)
        #expect(byInvoice["INV-2"]?["rateSource"] as? String == "statutory")
        // An agreed 2 % does not lower the statutory 3 % (民法419条1項ただし書).
        #expect(byInvoice["INV-3"]?["damages"] as? Int == 56_219)
        #expect(byInvoice["INV-3"]?["agreedPercent"] as? String == "2")
        #expect(json["damages"] as? Int == 273_600 + 56_219 + 56_219)
    }

    @Test(
        "case rate records an agreed rate by correction; a consumer contract above 14.6 % is warned on interest and case show"
    )
    func caseRateAndConsumerWarning() throws {
        let kaishu = try KaishuBinary()
        defer { kaishu.remove() }
        try importBook(kaishu, rows: "C1,山田,INV-1,2024-03-01,2024-04-30,1000000,,,\n")
        let set = try kaishu.run([
            "case", "rate", "1", "--invoice", "INV-1", "--rate", "20", "--method", "365", "--consumer", "yes",
            "--reason", "契約書第8条", "--store", kaishu.db, "--today", today,
        ])
        #expect(set.status == 0, "\(set.stderr)")
        let text = try kaishu.run(["interest", "1", "--store", kaishu.db, "--today", today])
        #expect(text.stdout.contains("20% a year, agreed rate (民法419条1項ただし書"), "\(text.stdout)")
        #expect(text.stdout.contains("消費者契約法9条1項2号"), "\(text.stdout)")
        let show = try #require(
            try kaishu.run(["case", "show", "1", "--json", "--store", kaishu.db, "--today", today]).json()
                as? [String: Any])
        let claim = try #require((show["claims"] as? [[String: Any]])?.first)
        #expect(claim["agreedRate"] as? String == "20")
        #expect(claim["dayCount"] as? String == "365")
        #expect(claim["consumerContract"] as? Bool == true)
        let interest = try #require((show["interest"] as? [[String: Any]])?.first)
        // 20 % days/365 over 684 days: 200,000 × 684/365 = 374,794.52… → 374,794.
        #expect(interest["damages"] as? Int == 374_794)
        #expect((interest["warnings"] as? [String])?.first?.contains("14.6%") == true)
        // At the 14.6 % cap, days/365: 146,000 × 684/365 = 273,600.
        #expect(interest["damagesAtCap"] as? Int == 273_600)
        #expect(try kaishu.run(["audit", "verify", "--store", kaishu.db]).status == 0)
        let bad = try kaishu.run([
            "case", "rate", "1", "--invoice", "INV-1", "--rate=-3", "--reason", "x", "--store", kaishu.db,
        ])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("cannot be negative"), "\(bad.stderr)")
    }
}
