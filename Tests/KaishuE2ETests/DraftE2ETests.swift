import Foundation
import Glibc
import Testing

/// Issue 6 on the real `kaishu` in a private tmux server: a call note typed and never saved
/// survives `kill -9` of the workbench, and comes back when the collector starts it again.
@Suite(
    "A crashed workbench keeps the call note being typed", .serialized,
    .enabled(if: Tmux.available, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: Tmux.kaishu), "build kaishu first (swift build)"))
struct DraftE2ETests {
    static func start(_ t: Tmux, folder: String, book: String) throws {
        try t.shell(
            "clear; env XDG_CONFIG_HOME='\(folder)/config' XDG_STATE_HOME='\(folder)/state' KAISHU_COLLECTOR=e2e "
                + "\(Tmux.kaishu) --store '\(book)' --today \(SQLiteWorkbenchE2ETests.today); echo EXIT=$?")
    }

    /// The kept draft files, wherever under the state folder the book's drafts live.
    static func draftFiles(_ folder: String) -> [String] {
        let root = folder + "/state/kaishu/drafts"
        let books = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return books.flatMap { book in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + book)) ?? [])
                .filter { $0.hasSuffix(".json") }.map { root + "/" + book + "/" + $0 }
        }
    }

    @Test("type a call note, kill -9 the workbench, start it again: the note is back, and saving it removes the draft")
    func noteSurvivesKill() throws {
        let (folder, book) = try SQLiteWorkbenchE2ETests.demoBook(cases: 20)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let t = try Tmux(columns: 110, rows: 40, timeout: 90)
        try Self.start(t, folder: folder, book: book)
        try t.waitFor("Today's queue")
        try t.keys("Enter")
        try t.waitFor(" Claims")
        try t.keys("c")
        try t.waitFor("no answer")
        try t.keys("1")
        try t.waitFor("Call: no answer")
        try t.type("再起動テスト")
        try t.waitFor("再起動テスト")
        // Written a moment after the last key (debounced), then the process dies without warning.
        let deadline = Date().addingTimeInterval(20)
        while Self.draftFiles(folder).isEmpty && Date() < deadline { usleep(50_000) }
        let files = Self.draftFiles(folder)
        #expect(files.count == 1)
        var info = stat()
        #expect(files.first.map { stat($0, &info) == 0 && Int(info.st_mode) & 0o777 == 0o600 } == true)
        #expect(kill(try t.workbenchPID(), SIGKILL) == 0)
        try t.waitFor("EXIT=137")
        try t.shell("stty sane; clear")

        try Self.start(t, folder: folder, book: book)
        let restored = try t.waitFor("Restored your unsaved call note")
        #expect(restored.contains("再起動テスト"))
        #expect(restored.contains("Call: no answer"))
        try t.keys("Enter")
        try t.waitFor("Saved: call, no answer")
        let gone = Date().addingTimeInterval(20)
        while !Self.draftFiles(folder).isEmpty && Date() < gone { usleep(50_000) }
        #expect(Self.draftFiles(folder).isEmpty)
        try t.keys("Escape")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.waitFor("EXIT=0")
    }
}
