import Foundation
import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

/// Issue 6: the call note being typed survives a crash of the workbench.
@Suite("Drafts of the call note being typed")
struct NoteDraftTests {
    static func temporaryFolder() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("kaishu-drafts-test-\(UUID().uuidString)/kaishu/drafts/book")
    }

    /// The queue of `UpdateTests.loaded()` with drafts on, the call form (no answer) open on case 7.
    static func callForm() -> AppState {
        var state = UpdateTests.loaded()
        state.config.keepsDrafts = true
        state = update(state, .char("c")).0
        state = update(state, .char("1")).0
        return state
    }

    /// The throwaway folder `temporaryFolder()` made, for removal.
    static func root(_ folder: URL) -> URL {
        folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func mode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode) & 0o777
    }

    static func form(_ state: AppState) -> Form? {
        if case .form(let form) = state.overlay { return form }
        return nil
    }

    @Test("each key that changes the call note asks to keep it as a draft of that case")
    func typingKeepsDraft() throws {
        var state = Self.callForm()
        var effects: [Effect] = []
        for character in "入金予定" { (state, effects) = update(state, .char(character)) }
        let form = try #require(Self.form(state))
        let draft = try #require(NoteDraft(form))
        #expect(effects == [.draft(.save(draft))])
        #expect(draft.caseID == 7)
        #expect(draft.fields["note"] == "入金予定")
        #expect(draft.outcome == .noAnswer)
    }

    @Test("a key that changes no text (moving the cursor) writes no draft")
    func cursorMovesKeepNothing() {
        var state = Self.callForm()
        state = update(state, .char("a")).0
        let (_, effects) = update(state, .key(.left))
        #expect(effects.isEmpty)
    }

    @Test("erasing every character forgets the draft")
    func erasingForgets() {
        var state = Self.callForm()
        state = update(state, .char("a")).0
        let (_, effects) = update(state, .key(.backspace))
        #expect(effects == [.draft(.discard(caseID: 7))])
    }

    @Test("Esc on the call form forgets its draft")
    func escapeForgets() {
        var state = Self.callForm()
        state = update(state, .char("a")).0
        let (next, effects) = update(state, .key(.escape))
        #expect(next.overlay == nil)
        #expect(effects == [.draft(.discard(caseID: 7))])
    }

    @Test("without a draft store, typing asks for nothing (no draft effects)")
    func offByDefault() {
        var state = UpdateTests.loaded()
        state = update(state, .char("c")).0
        state = update(state, .char("1")).0
        let (_, effects) = update(state, .char("a"))
        #expect(effects.isEmpty)
    }

    @Test("start and opening a case look for kept drafts")
    func startAndOpenLook() {
        var state = AppState(
            config: SessionConfig(today: UpdateTests.today, collector: "c", storeLabel: "m", sessionID: "s"),
            size: Size(rows: 24, columns: 80))
        state.config.keepsDrafts = true
        let (started, startEffects) = update(state, .start)
        #expect(startEffects.contains(.draft(.lookAll)))
        let page = QueuePage(
            rows: [UpdateTests.row(7, name: "株式会社山田商事")], hasMoreAfter: false, hasMoreBefore: false)
        let loaded = update(started, .queueLoaded(RequestID(1), page)).0
        let (_, openEffects) = update(loaded, .key(.enter))
        #expect(openEffects.contains(.draft(.look(caseID: 7))))
    }

    @Test("a draft found at start reopens its case and its form with the text, and says so")
    func restoredAtStart() throws {
        var typed = Self.callForm()
        for character in "来週振込" { typed = update(typed, .char(character)).0 }
        let typedForm = try #require(Self.form(typed))
        let draft = try #require(NoteDraft(typedForm))
        var state = UpdateTests.loaded()
        state.config.keepsDrafts = true
        let (next, effects) = update(state, .draftsFound([draft], atStart: true))
        #expect(next.page == .caseDetail)
        #expect(next.detail?.id == 7)
        let form = try #require(Self.form(next))
        #expect(form.text(.note) == "来週振込")
        #expect(form.purpose == .contact(.noAnswer))
        #expect(next.flash?.text.contains("Restored your unsaved call note") == true)
        #expect(effects.contains { if case .loadCase(_, 7) = $0 { true } else { false } })
    }

    @Test("a draft answer for a case the collector already left opens nothing")
    func lateAnswerIgnored() throws {
        var typed = Self.callForm()
        typed = update(typed, .char("x")).0
        let typedForm = try #require(Self.form(typed))
        let draft = try #require(NoteDraft(typedForm))
        let state = UpdateTests.loaded()
        let (next, effects) = update(state, .draftsFound([draft], atStart: false))
        #expect(next.page == .queue)
        #expect(next.overlay == nil)
        #expect(effects.isEmpty)
    }

    @Test("the store writes a draft atomically as a 0600 file, reads it back, and deletes it")
    func draftStoreFiles() throws {
        let folder = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: Self.root(folder))
        }
        let store = DraftStore(folder: folder, delay: 0, timestamp: { "2026-11-23T10:00:00+09:00" })
        var typed = Self.callForm()
        for character in "もしもし" { typed = update(typed, .char(character)).0 }
        let typedForm = try #require(Self.form(typed))
        let draft = try #require(NoteDraft(typedForm))
        store.save(draft)
        store.flush()
        let path = folder.appendingPathComponent("case-7.json").path
        #expect(Self.mode(path) == 0o600)
        #expect(Self.mode(folder.path) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case-7.json"])
        var expected = draft
        expected.savedAt = "2026-11-23T10:00:00+09:00"
        #expect(DraftStore(folder: folder).draft(caseID: 7) == expected)
        #expect(DraftStore(folder: folder).all() == [expected])
        store.discard(caseID: 7)
        store.flush()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a discard is never overtaken by the debounced write of an older draft")
    func discardWinsOverPendingWrite() throws {
        let folder = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: Self.root(folder))
        }
        let store = DraftStore(folder: folder, delay: 0.05)
        var typed = Self.callForm()
        typed = update(typed, .char("a")).0
        let typedForm = try #require(Self.form(typed))
        store.save(try #require(NoteDraft(typedForm)))
        store.discard(caseID: 7)
        Thread.sleep(forTimeInterval: 0.1)
        store.flush()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("case-7.json").path))
    }

    @Test("typed, crashed, restarted: the note comes back; saved: the draft is gone")
    func survivesRestart() async throws {
        let folder = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: Self.root(folder))
        }
        let store = InMemoryCaseStore(calendar: Harness.calendar)
        await DemoCases.fill(store, count: 5, today: Harness.today)
        let first = await Harness(store: store, drafts: DraftStore(folder: folder, delay: 0))
        let caseID = try #require(first.state.queue.selectedRow?.id)
        await first.press(.enter, .char("c"), .char("1"))
        await first.type("折り返し待ち")
        first.runtime.runner.drafts?.flush()
        // The first workbench is abandoned without quitting, as a crash leaves it.
        let second = await Harness(store: store, drafts: DraftStore(folder: folder, delay: 0))
        #expect(second.state.page == .caseDetail)
        #expect(second.state.detail?.id == caseID)
        let form = try #require(Self.form(second.state))
        #expect(form.text(.note) == "折り返し待ち")
        #expect(second.text.contains("折り返し待ち"))
        #expect(second.text.contains("Restored your unsaved call note"))
        await second.press(.enter)
        second.runtime.runner.drafts?.flush()
        #expect(second.text.contains("Saved: call, no answer"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("case-\(caseID).json").path))
        let log = try #require(await store.caseFile(caseID)?.events.last)
        guard case .contact(let contact) = log.fact else {
            Issue.record("expected the call to be saved, got \(log.fact)")
            return
        }
        #expect(contact.text == "折り返し待ち")
    }

    @Test("drafts of different books or collectors live in different folders under XDG_STATE_HOME")
    func location() {
        let env = ["XDG_STATE_HOME": "/state", "HOME": "/home/a"]
        let a = DraftLocation.folder(book: "/books/casebook.sqlite", collector: "sato", environment: env)
        let b = DraftLocation.folder(book: "/other/casebook.sqlite", collector: "sato", environment: env)
        let c = DraftLocation.folder(book: "/books/casebook.sqlite", collector: "tanaka", environment: env)
        #expect(a.path.hasPrefix("/state/kaishu/drafts/casebook.sqlite-"))
        #expect(a != b && a != c && b != c)
        let home = DraftLocation.folder(book: "postgres://u@h/db", collector: "sato", environment: ["HOME": "/home/a"])
        #expect(home.path.hasPrefix("/home/a/.local/state/kaishu/drafts/db-"))
    }
}
