import Foundation
import Testing

/// The letter pane through the real ncurses path: the demo binary in tmux.
@Suite(
    "Letters in a real terminal", .serialized,
    .enabled(if: Tmux.available, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: Tmux.binary), "build the workbench binary first"))
struct LetterE2ETests {
    @Test("a demand-letter case: l shows the 督促状, w writes it, E edits it, r y records it and the timeline shows it")
    func demandLetter() throws {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaishu-letters-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let letters = home.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: letters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        let t = try Tmux()
        // A private config folder: the built-in templates and the sample letterhead.
        try t.startWorkbench(
            "--today 2026-11-23 --cases 60 --letters-dir \(letters.path)",
            environment:
                "XDG_CONFIG_HOME=\(home.path)/config XDG_DATA_HOME=\(home.path)/data VISUAL= EDITOR='sed -i s/拝啓/拝啓（編集済）/'"
        )
        try t.keys("/")
        try t.waitFor("Filter (name, kana, code)")
        try t.type("0002")
        try t.keys("Enter")
        try t.waitFor("filter: 0002")
        try t.keys("Enter")
        try t.waitFor("Stage ladder")
        // Up the ladder to the demand letter: phone -> email -> demand-letter.
        try t.keys("e")
        try t.waitFor("phone -> email")
        try t.keys("y")
        try t.waitFor("Saved: escalated to email")
        try t.keys("e")
        try t.waitFor("email -> demand-letter")
        try t.keys("y")
        try t.waitFor("Saved: escalated to demand-letter")

        try t.keys("l")
        try t.waitFor("督促状 demand letter")
        let pane = try t.waitFor("case2-demand-2026-11-23.txt")  // drafted (an effect: wait for it)
        #expect(pane.contains("督　促　状"))
        try t.keys("w")
        try t.waitFor("Wrote ")
        let written = try String(
            contentsOf: letters.appendingPathComponent("case2-demand-2026-11-23.txt"), encoding: .utf8)
        #expect(written.contains("督　促　状"))
        // E hands the terminal to $EDITOR (here a sed that edits the file) and shows the copy.
        try t.keys("E")
        try t.waitFor("Showing your edited copy")
        let edited = try String(
            contentsOf: letters.appendingPathComponent("case2-demand-2026-11-23.txt"), encoding: .utf8)
        #expect(edited.contains("拝啓（編集済）"))

        try t.keys("r")
        try t.waitFor("Record the demand letter as sent")
        try t.keys("y")
        try t.waitFor("Saved: 督促状 demand letter sent on 2026-11-23")
        try t.keys("G")
        try t.waitFor("demand-letter sent")
        try t.keys("q")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }
}
