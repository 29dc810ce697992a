import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("Logging a call by keystroke")
struct CallLoggingTests {
    @Test("c, 3, date, amount and a Japanese note: saved only after the store committed")
    func promisedCallIsSaved() async throws {
        let h = await Harness(demo: 20)
        let caseID = try #require(h.state.queue.selectedRow?.id)
        await h.press(.char("c"))
        #expect(h.text.contains("1  no answer"))
        await h.press(.char("3"))
        #expect(h.text.contains("Call: promised to pay"))
        await h.type("2026-12-10")
        await h.press(.enter)
        await h.type("100,000")
        await h.press(.enter)
        await h.type("来週振込予定と回答")
        await h.press(.backspace)  // over a wide character
        await h.type("答")
        await h.store.holdAppends()
        h.terminal.send(.enter)
        // The write is running: the form stays, nothing says "saved".
        for _ in 0..<5 { h.runtime.step(timeout: 0.01) }
        #expect(!h.text.contains("Saved"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("the form closed before the store committed")
            return
        }
        #expect(form.saving != nil)
        #expect(await h.store.appendCount == 0)
        await h.store.releaseAppends()
        await h.settle()
        #expect(h.text.contains("Saved: call, promised to pay"))
        #expect(h.state.overlay == nil)
        let file = try #require(await h.store.caseFile(caseID))
        let last = try #require(file.events.last)
        guard case .contact(let log) = last.fact else {
            Issue.record("expected a contact event, got \(last.fact)")
            return
        }
        #expect(log.outcome == .promised)
        #expect(log.text == "来週振込予定と回答")
        #expect(log.promise == Promise(date: CivilDate(2026, 12, 10), amount: 100_000))
        #expect(last.actor == "tester")
    }

    @Test("Esc cancels the call: nothing is written")
    func escapeCancels() async {
        let h = await Harness(demo: 5)
        await h.press(.char("c"), .char("1"))
        await h.type("もしもし")
        await h.press(.escape)
        #expect(h.state.overlay == nil)
        #expect(h.text.contains("Cancelled: nothing saved"))
        #expect(await h.store.appendCount == 0)
    }

    @Test("a failed save keeps every character typed and says why; Enter retries")
    func failedSaveKeepsText() async throws {
        let h = await Harness(demo: 5)
        await h.store.failAppends(1, with: Refusal("database is locked"))
        await h.press(.char("c"), .char("2"))
        await h.type("留守電に伝言")
        await h.press(.enter)
        guard case .form(let form) = h.state.overlay else {
            Issue.record("the form closed after a failed save")
            return
        }
        #expect(form.text(.note) == "留守電に伝言")
        #expect(form.error?.contains("database is locked") == true)
        #expect(!h.text.contains("Saved"))
        await h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.text.contains("Saved: call, left message"))
        #expect(await h.store.appendCount == 1)
    }

    @Test("a promise without an amount is not sent to the store")
    func promiseNeedsAmount() async {
        let h = await Harness(demo: 5)
        await h.press(.char("c"), .char("3"))
        await h.type("2026-12-10")
        await h.press(.enter, .enter)
        guard case .form(let form) = h.state.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form.error?.contains("required") == true)
        #expect(await h.store.appendCount == 0)
    }

    @Test("the note editor moves and deletes by whole wide characters")
    func wideEditing() {
        var editor = LineEditor("", maxLength: 100)
        for c in "株式会社" { editor.apply(.char(c)) }
        editor.apply(.left)
        editor.apply(.backspace)
        #expect(editor.committed == "株式社")
        editor.apply(.home)
        editor.apply(.delete)
        #expect(editor.committed == "式社")
    }
}
