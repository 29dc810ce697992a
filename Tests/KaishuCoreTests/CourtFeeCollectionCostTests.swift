import Foundation
import Testing

@testable import KaishuCore

@Suite("Cost of the next step against what it can recover (費用倒れ)")
struct CourtFeeCollectionCostTests {
    @Test(
        "a one-page certified letter with proof of delivery: 1,420 yen from 2024-10, 1,279 before")
    func certifiedMail() throws {
        let now = try CollectionCosts.estimate(
            step: .certifiedMail, claimValue: 50_000, on: CivilDate(2025, 1, 6))
        #expect(now.total == 1_420)
        #expect(now.items.count == 4)
        let before = try CollectionCosts.estimate(
            step: .certifiedMail, claimValue: 50_000, on: CivilDate(2024, 9, 30))
        #expect(before.total == 1_279)
        let twoPages = try CollectionCosts.estimate(
            step: .certifiedMail, claimValue: 50_000, on: CivilDate(2025, 1, 6), certifiedPages: 2)
        #expect(twoPages.total == 1_710)
        #expect(!now.isUneconomic)
    }

    @Test("a court step costs the filing fee plus the postage deposit")
    func courtStep() throws {
        let estimate = try CollectionCosts.estimate(
            step: .paymentOrder, claimValue: 600_000, on: CivilDate(2027, 1, 4))
        #expect(estimate.items.map(\.amount) == [3_000, 1_500])
        #expect(estimate.total == 4_500)
        #expect(estimate.warning == nil)
    }

    @Test("費用倒れ: a warning when the step costs as much as it can recover or more")
    func uneconomic() throws {
        let small = try CollectionCosts.estimate(
            step: .certifiedMail, claimValue: 1_420, on: CivilDate(2025, 1, 6))
        #expect(small.isUneconomic)
        #expect(small.warning?.contains("費用倒れ") == true)
        let cheaper = try CollectionCosts.estimate(
            step: .certifiedMail, claimValue: 1_421, on: CivilDate(2025, 1, 6))
        #expect(!cheaper.isUneconomic)
        let lowRecovery = try CollectionCosts.estimate(
            step: .lawsuit, claimValue: 300_000, recoverable: 5_000, on: CivilDate(2027, 1, 4))
        #expect(lowRecovery.total == 9_000)
        #expect(lowRecovery.isUneconomic)
        let phone = try CollectionCosts.estimate(
            step: .phone, claimValue: 0, on: CivilDate(2027, 1, 4))
        #expect(phone.total == .zero)
        #expect(!phone.isUneconomic)
    }

    @Test("a court's own configured deposit overrides the default, latest entry in force")
    func courtDeposits() throws {
        var table = CollectionCostTable.standard
        table.postageDeposits += [
            PostageDeposit(
                court: "東京簡易裁判所", stage: .paymentOrder, amount: 1_350,
                effectiveFrom: CivilDate(2024, 10, 1), note: "東京簡裁"),
            PostageDeposit(
                court: "東京簡易裁判所", stage: .paymentOrder, amount: 1_600,
                effectiveFrom: CivilDate(2027, 4, 1), note: "東京簡裁 new"),
        ]
        let before = try CollectionCosts.estimate(
            step: .paymentOrder, claimValue: 100_000, on: CivilDate(2027, 3, 31), court: "東京簡易裁判所",
            table: table)
        #expect(before.items.last?.amount == 1_350)
        let after = try CollectionCosts.estimate(
            step: .paymentOrder, claimValue: 100_000, on: CivilDate(2027, 4, 1), court: "東京簡易裁判所",
            table: table)
        #expect(after.items.last?.amount == 1_600)
        let elsewhere = try CollectionCosts.estimate(
            step: .paymentOrder, claimValue: 100_000, on: CivilDate(2027, 4, 1), court: "大阪簡易裁判所",
            table: table)
        #expect(elsewhere.items.last?.amount == 1_500)
    }

    @Test("outcomes have no cost, small claims above the limit is refused, unknown dates too")
    func refusals() {
        #expect(throws: Refusal.self) {
            try CollectionCosts.estimate(step: .paid, claimValue: 1_000, on: CivilDate(2027, 1, 4))
        }
        #expect(throws: Refusal.self) {
            try CollectionCosts.estimate(
                step: .smallClaims, claimValue: 700_000, on: CivilDate(2027, 1, 4))
        }
        #expect(throws: Refusal.self) {
            try CollectionCosts.estimate(
                step: .certifiedMail, claimValue: 1_000, on: CivilDate(2019, 9, 30))
        }
    }

    @Test("the cost tables round-trip through JSON configuration")
    func codable() throws {
        let data = try JSONEncoder().encode(CollectionCostTable.standard)
        #expect(try JSONDecoder().decode(CollectionCostTable.self, from: data) == .standard)
    }
}
