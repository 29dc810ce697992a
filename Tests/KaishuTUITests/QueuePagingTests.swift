import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("The queue pages through the store")
struct QueuePagingTests {
    @Test("paging through 150 cases never asks the store for more than one page")
    func keysetPaging() async {
        let h = await Harness(demo: 150, pageSize: 20)
        #expect(h.state.queue.rows.count <= 20 * h.state.config.windowPages)
        for _ in 0..<6 { await h.press(.pageDown) }
        #expect(h.state.queue.selectedRow != nil)
        await h.press(.char("G"))
        await h.press(.char("g"))
        let log = await h.store.queryLog
        #expect(log.count > 3)
        #expect(log.allSatisfy { $0.limit <= 20 })
        #expect(h.state.queue.rows.count <= 20 * h.state.config.windowPages)
    }

    @Test("G shows the last case of the queue and g the first")
    func topAndBottom() async throws {
        let h = await Harness(demo: 120, pageSize: 20)
        let first = try #require(h.state.queue.selectedRow?.id)
        await h.press(.char("G"))
        #expect(h.state.queue.hasMoreAfter == false)
        #expect(h.state.queue.selected == h.state.queue.rows.count - 1)
        await h.press(.char("g"))
        #expect(h.state.queue.selectedRow?.id == first)
    }

    @Test("/ filters by Japanese name, Esc clears the filter")
    func filter() async {
        let h = await Harness(demo: 60)
        await h.press(.char("/"))
        await h.type("木村")
        await h.press(.enter)
        #expect(!h.state.queue.rows.isEmpty)
        #expect(h.state.queue.rows.allSatisfy { $0.debtorName.contains("木村") })
        await h.press(.escape)
        #expect(h.state.queue.filter == nil)
    }

    @Test("o cycles the sort order")
    func sortOrder() async {
        let h = await Harness(demo: 30)
        await h.press(.char("o"))
        #expect(h.state.queue.order == .expiry)
        #expect(h.text.contains("by limitation date"))
    }

    @Test("the status line shows the date, the store, the collector and the counts")
    func statusLine() async {
        let h = await Harness(demo: 30)
        let status = h.screen.rowText(h.screen.size.rows - 1)
        #expect(status.contains("2026-11-23"))
        #expect(status.contains("memory"))
        #expect(status.contains("tester"))
        #expect(status.contains("due today"))
        #expect(status.contains("near limitation"))
        #expect(status.contains("broken promises"))
    }

    @Test("Enter opens the case: claims, limitation basis with articles, ladder, timeline")
    func openCase() async {
        let h = await Harness(demo: 10, size: Size(rows: 200, columns: 110))
        await h.press(.enter)
        let text = h.text
        #expect(text.contains("Claims"))
        #expect(text.contains("Limitation basis"))
        #expect(text.contains("民法166条"))
        #expect(text.contains("Stage ladder"))
        #expect(text.contains("[phone]"))
        #expect(text.contains("Timeline (newest first)"))
        await h.press(.char("q"))
        #expect(h.state.page == .queue)
    }

    @Test("q on the queue quits with status 0")
    func quit() async {
        let h = await Harness(demo: 3)
        await h.press(.char("q"))
        #expect(h.state.exitStatus == 0)
    }

    @Test("a terminating signal quits with 128 + its number")
    func signal() async {
        let h = await Harness(demo: 3)
        h.terminal.send([.signal(15)])
        await h.settle()
        #expect(h.state.exitStatus == 143)
    }
}
