import KaishuEventLog
import Testing

@testable import KaishuStore

@Suite("The head of the event log")
struct LogHeadTests {
    @Test("linking numbers events in turn and chains each hash to the one before, from the genesis hash")
    func linksInTurn() {
        var head = LogHead(nextSeq: 1, hash: EventContent.genesis)
        let first = head.link(
            caseID: 7, kind: "contact-logged", date: "2026-11-23", recordedAt: "2026-11-23T10:00:00+09:00",
            actor: "sato", payload: #"{"note":"留守電"}"#)
        let second = head.link(
            caseID: 7, kind: "payment", date: "2026-11-24", recordedAt: "2026-11-24T09:00:00+09:00",
            actor: "sato", payload: #"{"amount":5000}"#)
        #expect(first.seq == 1 && first.prevHash == EventContent.genesis)
        #expect(second.seq == 2 && second.prevHash == first.hash)
        let expected = EventContent(
            seq: 2, caseID: 7, kind: "payment", date: "2026-11-24", recordedAt: "2026-11-24T09:00:00+09:00",
            actor: "sato", payload: #"{"amount":5000}"#, prevHash: first.hash
        ).hash
        #expect(second.hash == expected)
        #expect(head == LogHead(nextSeq: 3, hash: second.hash))
    }

    @Test("a head moved past links made elsewhere ends where linking them itself would")
    func advanceMatchesLink() {
        var ahead = LogHead(nextSeq: 41, hash: String(repeating: "ab", count: 32))
        var writer = ahead
        let links = (0..<3).map { n in
            ahead.link(
                caseID: 1, kind: "note", date: "2026-12-01", recordedAt: "2026-12-01T12:00:00+09:00", actor: "kato",
                payload: "{\"n\":\(n)}")
        }
        for link in links { writer.advance(past: link) }
        #expect(writer == ahead)
    }
}
