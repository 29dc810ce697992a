import Foundation
import Glibc
import Testing

/// The real `kaishu` on a SQLite case book in a private tmux server: what the collector saw
/// saved is still there after quitting and starting the program again (issue 3).
@Suite(
    "The workbench on a SQLite case book", .serialized,
    .enabled(if: Tmux.available, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: Tmux.kaishu), "build kaishu first (swift build)"))
struct SQLiteWorkbenchE2ETests {
    static let today = "2026-11-23"

    /// A fresh folder with a demo case book and an empty config folder (so a developer's own
    /// `~/.config/kaishu` cannot change what the test sees).
    static func demoBook(cases: Int = 50) throws -> (folder: String, book: String) {
        let folder = NSTemporaryDirectory() + "kaishu-e2e-sqlite-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/config/kaishu", withIntermediateDirectories: true)
        let book = folder + "/casebook.sqlite"
        let (status, output) = try Tmux.run([
            "XDG_CONFIG_HOME=\(folder)/config", Tmux.kaishu, "demo", "--cases", "\(cases)", "--store", book,
            "--today", today,
        ])
        guard status == 0 else { throw E2EFailure("kaishu demo failed (\(status)): \(output)") }
        return (folder, book)
    }

    /// `kaishu` on `book` in the pane, as of the fixed day (so no wall clock is read).
    static func start(_ t: Tmux, folder: String, book: String, options: String = "") throws {
        try t.shell(
            "clear; env XDG_CONFIG_HOME='\(folder)/config' KAISHU_COLLECTOR=e2e \(Tmux.kaishu) --store '\(book)' "
                + "--today \(today) \(options); echo EXIT=$?")
        try t.waitFor("Today's queue")
    }

    /// The first match's first capture group of `pattern` in `text`.
    static func capture(_ pattern: String, in text: String) throws -> String {
        let regex = try Regex(pattern)
        guard let match = text.firstMatch(of: regex), match.output.count > 1, let group = match.output[1].substring
        else {
            throw E2EFailure("no '\(pattern)' on the screen:\n\(text)")
        }
        return String(group)
    }

    /// Yen as the screen writes them: `30,000`.
    static func grouped(_ yen: Int) -> String {
        let digits = Array(String(yen))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    @Test("open a case, log a promised call in Japanese, escalate, quit; reopen: the note and the new stage are there")
    func quitReopenSeeIt() throws {
        let (folder, book) = try Self.demoBook()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Generous deadlines: the machine may be busy compiling.
        let t = try Tmux(columns: 110, rows: 80, timeout: 90)
        try Self.start(t, folder: folder, book: book)

        // Move down to a case whose next step is allowed (the demo book has cases at every
        // stage, some disputed, some without an email address): `e` shows it, any other key
        // cancels with nothing recorded.
        var allowed = false
        for _ in 0..<15 {
            try t.keys("j")
            try t.keys("e")
            let dialog = try t.waitUntil("the escalation dialog") {
                $0.contains("y escalate") || $0.contains("override") || $0.contains("Refused")
                    || $0.contains("nothing to escalate")
            }
            allowed = dialog.contains("y escalate")
            try t.keys("Escape")
            try t.waitFor("Escalation cancelled")
            if allowed { break }
        }
        try #require(allowed, "no case among the first 15 rows can be escalated")

        try t.keys("Enter")
        let page = try t.waitFor("Stage ladder")
        let caseID = try Self.capture(#"\| case (\d+) \|"#, in: page)
        let code = try Self.capture(#"code (\S+)"#, in: page)
        let outstanding = Int(try Self.capture(#"Outstanding ¥([0-9,]+)"#, in: page).filter(\.isNumber)) ?? 0
        try #require(outstanding > 0)
        let promised = min(outstanding, 30_000)

        // A promised call: date, amount, a Japanese note.
        let note = "再起動後も残る約束メモ、来週振込予定"
        try t.keys("c")
        try t.waitFor("what happened?")
        try t.keys("3")
        try t.waitFor("Pay by")
        try t.type("2026-12-10")
        try t.keys("Enter")
        try t.type("\(promised)")
        try t.keys("Enter")
        try t.type(note)
        try t.keys("Enter")
        try t.waitFor("Saved: call, promised to pay")

        // Escalate to the next stage the dialog offers.
        try t.keys("e")
        try t.waitFor("y escalate")
        try t.keys("y")
        let escalated = try t.waitFor("Saved: escalated to")
        let stage = try Self.capture(#"Saved: escalated to (\S+ \S+) \("#, in: escalated)
        let title = try t.waitUntil("the new stage in the title") { $0.contains("| case \(caseID) | \(stage)") }
        #expect(title.contains("| case \(caseID) | \(stage)"))

        // Quit from the case page: back to the queue, then q; the shell gets a sane terminal.
        try t.keys("q")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)

        // Start again on the same file and find the same case among all open cases (the call
        // moved its next action past today, so it may have left today's queue).
        try Self.start(t, folder: folder, book: book)
        try t.keys("t")
        try t.waitFor("All open cases")
        try t.keys("/")
        try t.waitFor("Filter (name, kana, code)")
        try t.type(code)
        try t.keys("Enter")
        try t.waitFor("filter: \(code)")
        try t.keys("Enter")
        let reopened = try t.waitFor("Stage ladder")
        #expect(
            reopened.contains("| case \(caseID) | \(stage)"), "the case opened again at its new stage:\n\(reopened)")
        #expect(reopened.contains("Stage \(stage)"))
        #expect(reopened.contains("¥\(Self.grouped(promised)) by 2026-12-10"), "the promise is shown:\n\(reopened)")
        try t.keys("G")  // the timeline is at the bottom of the case page
        let timeline = try t.waitFor(note)
        #expect(timeline.contains("promised ¥\(Self.grouped(promised)) by 2026-12-10"))
        try t.keys("q")
        try t.waitFor("All open cases")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)

        // The case book itself holds the note.
        let (status, shown) = try Tmux.run([
            "XDG_CONFIG_HOME=\(folder)/config", Tmux.kaishu, "case", "show", caseID, "--store", book, "--today",
            Self.today, "--json",
        ])
        #expect(status == 0, "\(shown)")
        #expect(shown.contains(note), "the case book holds the note:\n\(shown)")
    }

    @Test("config quiet hours and --time reach the workbench: 12:30 in 12:00-13:00 asks; n keeps the note, y saves")
    func quietHoursFromConfig() throws {
        let (folder, book) = try Self.demoBook(cases: 10)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"contact": {"quietHours": "12:00-13:00"}}"#.write(
            toFile: folder + "/config/kaishu/config.json", atomically: true, encoding: .utf8)
        let t = try Tmux(columns: 100, rows: 30, timeout: 90)
        try Self.start(t, folder: folder, book: book, options: "--time 12:30")
        try t.keys("c", "1")
        try t.waitFor("Call: no answer")
        try t.type("昼休み中に架電")
        try t.keys("Enter")
        try t.waitFor("Save this call now?")
        #expect(try t.capture().contains("12:00–13:00"))
        try t.keys("n")
        try t.waitFor("Not saved")
        #expect(try t.capture().contains("昼休み中に架電"))
        try t.keys("Enter")
        try t.waitFor("Save this call now?")
        try t.keys("y")
        try t.waitFor("Saved: call, no answer")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }
}
