import Foundation
import KaishuCore
import Testing

@testable import KaishuStore

@Suite("A claim's damages terms in the case book")
struct ClaimTermsStoreTests {
    @Test("an imported agreed rate and day count survive closing and reopening the book; the chain verifies")
    func importedTermsRoundTrip() async throws {
        let folder = try Fixture.TemporaryFolder()
        let path = folder.path + "/casebook.sqlite"
        var termed = Fixture.record(line: 2, code: "D1", name: "山田商事", invoice: "INV-1")
        termed.claim.agreedRate = InterestRate(perMillion: 146_000)
        termed.claim.dayCount = .days365
        termed.claim.consumerContract = true
        let plain = Fixture.record(line: 3, code: "D1", name: "山田商事", invoice: "INV-2")
        do {
            let store = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
            let report = try store.importReceivables(
                [.success(termed), .success(plain)], mode: .allOrNothing, source: "rate.csv",
                context: Fixture.context("import"))
            #expect(report.committed)
        }
        let reopened = try SQLiteCaseStore(path: path, calendar: Fixture.calendar)
        let file = try #require(try await reopened.caseFile(1))
        let claims = file.events.compactMap { event -> Claim? in
            if case .claimAdded(let claim) = event.fact { claim } else { nil }
        }
        #expect(claims == [termed.claim, plain.claim])
        #expect(try await reopened.verifyChain() == nil)
    }

    @Test("setting a rate later is a correction replacing the claim event; the fold uses it and the chain verifies")
    func correctionSetsRate() async throws {
        let store = try Fixture.store(debtors: ["山田商事"])
        let file = try #require(try await store.caseFile(1))
        let added = try #require(
            file.events.first { if case .claimAdded = $0.fact { true } else { false } })
        guard case .claimAdded(var claim) = added.fact else { return }
        claim.agreedRate = .percent(10)
        let action = CaseAction.correct(seq: added.seq, replacement: .claimAdded(claim), reason: "契約書第8条")
        let after = try await store.append(to: 1, context: Fixture.context("rate")) { file in
            try action.decide(CaseState(file: file, calendar: Fixture.calendar), today: Fixture.today)
        }
        let state = CaseState(file: after, calendar: Fixture.calendar)
        #expect(state.claims.first?.claim.agreedRate == .percent(10))
        let position = CaseLegalPosition(state: state, today: Fixture.today)
        #expect(position.interest.first?.applied.source == .agreed)
        #expect(try await store.verifyChain() == nil)
    }
}
