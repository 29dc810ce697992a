import Foundation
import KaishuCore
import KaishuStore
import KaishuTeamStore
import Testing

@Suite("a claim's damages terms in the team book")
struct ClaimTermsTeamTests {
    @Test("setting an agreed rate hashes byte for byte as on SQLite and reads back from PostgreSQL")
    func rateCorrectionLikeSQLite() async throws {
        let (sqlite, team) = try await TeamFixture.demoPair(cases: 5)
        defer { Task { await team.shutdown() } }
        let decide: @Sendable (CaseFile) throws -> [EventDraft] = { file in
            guard let event = file.events.first(where: { if case .claimAdded = $0.fact { true } else { false } }),
                case .claimAdded(var claim) = event.fact
            else { return [] }
            claim.agreedRate = InterestRate(perMillion: 146_000)
            claim.dayCount = .days365
            return [
                EventDraft(
                    date: TeamFixture.today,
                    fact: .correction(of: event.seq, replacement: .init(.claimAdded(claim)), reason: "約定利率"))
            ]
        }
        let context = TeamFixture.context("rate")
        let mine = try await team.append(to: 2, context: context, decide: decide)
        let theirs = try sqlite.appendSync(to: 2, context: context, decide: decide)
        #expect(mine.events.last?.hash == theirs.events.last?.hash)
        #expect(mine == theirs)
        let reread = try #require(try await team.caseFile(2))
        let state = CaseState(file: reread, calendar: TeamFixture.calendar)
        #expect(state.claims.first?.claim.agreedRate == InterestRate(perMillion: 146_000))
        #expect(state.claims.first?.claim.dayCount == .days365)
        #expect(try await team.verifyChain() == nil)
    }
}
