import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("Legal facts by key: agreement, refusal, demand delivered, judgment")
struct LegalFactKeysTests {
    static func events(_ h: Harness) async throws -> [CaseFact] {
        let id = try #require(h.state.detail?.id ?? h.state.queue.selectedRow?.id)
        return try #require(await h.store.caseFile(id)).events.map(\.fact)
    }

    @Test("A records an agreement to negotiate with its agreed end, saying what it does (民法151条)")
    func agreement() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("A"))
        #expect(h.text.contains("民法151条"))
        await h.press(.enter)
        await h.type("2027-03-31")
        await h.press(.enter)
        #expect(h.text.contains("Saved: agreement to negotiate"))
        #expect(try await Self.events(h).contains(.agreement(until: CivilDate(2027, 3, 31))))
    }

    @Test("D records a demand's delivery with its reference")
    func demandDelivered() async throws {
        let h = await Harness(demo: 5)
        await h.press(.char("D"), .enter)
        await h.type("配達証明123")
        await h.press(.enter)
        #expect(h.text.contains("Saved: demand delivered"))
        #expect(try await Self.events(h).contains(.demandDelivered(reference: "配達証明123")))
    }

    @Test("the case page shows the law-and-money section")
    func caseShowsLegalPosition() async throws {
        let h = await Harness(demo: 5)
        await h.press(.enter)
        let detail = try #require(h.state.detail)
        let text = CaseDocument.lines(for: detail, today: Harness.today, width: 100)
            .map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("Law and money"))
        #expect(text.contains("民法419条") || text.contains("No late-payment damages"))
    }
}
