import Foundation
import Glibc
import Testing

/// The real ncurses path, end to end: the workbench binary in a private tmux server, keys sent
/// with `send-keys`, the screen read with `capture-pane`. Each test ends by checking that the
/// shell got its terminal back (modes sane, alternate screen left).
@Suite(
    "The workbench in a real terminal", .serialized,
    .enabled(if: Tmux.available, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: Tmux.binary), "build the workbench binary first"))
struct WorkbenchE2ETests {
    @Test("open a case, log a promised call in Japanese, escalate, quit: all shown, terminal restored")
    func workTheQueue() throws {
        let t = try Tmux()
        try t.startWorkbench()
        try t.keys("j")
        // Demo debtor 0002 has an email address, so the escalation to email is allowed.
        try t.keys("/")
        try t.waitFor("Filter (name, kana, code)")
        try t.type("0002")
        try t.keys("Enter")
        try t.waitFor("filter: 0002")
        try t.keys("Enter")
        try t.waitFor("Stage ladder")
        #expect(try t.capture().contains("佐藤工業株式会社"))
        try t.keys("c")
        try t.waitFor("what happened?")
        try t.keys("3")
        try t.waitFor("Pay by")
        try t.type("2026-12-10")
        try t.keys("Enter")
        try t.type("50,000")
        try t.keys("Enter")
        try t.type("来週振込予定と回答あり")
        try t.keys("BSpace", "BSpace")
        try t.type("り")
        try t.keys("Enter")
        try t.waitFor("Saved: call, promised to pay")
        try t.keys("e")
        try t.waitFor("phone -> email")
        try t.keys("y")
        try t.waitFor("Saved: escalated to email")
        try t.keys("G")  // the timeline is at the bottom of the case page
        let page = try t.waitFor("来週振込予定と回答り")
        #expect(page.contains("promised ¥50,000 by 2026-12-10"))
        #expect(page.contains("email メール"))
        try t.keys("q")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }

    @Test("a 60x20 window folds columns and still logs a call")
    func narrowWindow() throws {
        let t = try Tmux(columns: 60, rows: 20)
        try t.startWorkbench()
        let queue = try t.capture()
        #expect(queue.contains("Debtor"))
        #expect(!queue.contains("Contact"))
        try t.keys("c", "1")
        try t.waitFor("Call: no answer")
        try t.type("不在")
        try t.keys("Enter")
        try t.waitFor("Saved: call, no answer")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }

    @Test(
        "resizing redraws at once, even with a stale LINES/COLUMNS exported; too small a window asks for a larger one")
    func resize() throws {
        let t = try Tmux()
        try t.startWorkbench(environment: "LINES=30 COLUMNS=100")
        #expect(try t.capture().contains("Contact"))
        try t.tmux(["resize-window", "-t", "e2e", "-x", "60", "-y", "20"])
        try t.waitUntil("the narrow layout") { $0.contains("Debtor") && !$0.contains("Contact") }
        try t.tmux(["resize-window", "-t", "e2e", "-x", "30", "-y", "8"])
        try t.waitFor("least 40x10")
        try t.tmux(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
        try t.waitFor("Contact")
        try t.keys("C-c")
        try t.checkRestored(expectStatus: 0)
    }

    @Test("Ctrl-Z gives the shell a sane terminal, fg brings the queue back")
    func suspendAndResume() throws {
        let t = try Tmux()
        try t.startWorkbench()
        try t.keys("C-z")
        try t.waitFor("Stopped")
        #expect(try !t.alternateScreen())
        try t.shell("stty -a | tr -s ' \\n' ' '; echo; echo STOPPED-$((1+1))")
        let modes = try t.waitFor("STOPPED-2")
        #expect(modes.contains(" icanon") && !modes.contains("-icanon"))
        #expect(!modes.contains("-echo "))
        try t.shell("fg; echo EXIT=$?")  // the first echo ran when the job stopped
        try t.waitFor("Today's queue")
        try t.keys("j")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }

    @Test(
        "SIGTERM, SIGINT and SIGHUP each quit cleanly and restore the terminal", arguments: [SIGTERM, SIGINT, SIGHUP])
    func signals(_ number: Int32) throws {
        let t = try Tmux()
        try t.startWorkbench()
        let pid = try t.workbenchPID()
        #expect(kill(pid, number) == 0)
        try t.checkRestored(expectStatus: 128 + number)
    }

    @Test("a crash on an effect's thread still gives the terminal back")
    func crash() throws {
        let t = try Tmux()
        try t.startWorkbench("--today 2026-11-23 --cases 10 --crash-on-open", environment: "SWIFT_BACKTRACE=enable=no")
        try t.keys("Enter")
        try t.waitUntil("a crash status") {
            $0.contains("EXIT=132") || $0.contains("EXIT=133") || $0.contains("EXIT=134")
        }
        try t.checkRestored(expectStatus: nil)
    }

    @Test("an empty case book offers the demo book instead of failing")
    func firstRun() throws {
        let t = try Tmux()
        try t.shell("clear; \(Tmux.binary) --today 2026-11-23 --cases 0; echo EXIT=$?")
        try t.waitFor("Your case book is empty")
        try t.keys("d")
        try t.waitFor("Demo case book created")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }

    @Test("a pasted line break does not submit the note: the paste arrives whole")
    func bracketedPaste() throws {
        let t = try Tmux()
        try t.startWorkbench()
        try t.keys("c", "1")
        try t.waitFor("Call: no answer")
        try t.tmux(["set-buffer", "-b", "note", "折り返し待ち\n明日また架電"])
        try t.tmux(["paste-buffer", "-p", "-b", "note", "-t", "e2e"])
        try t.waitFor("折り返し待ち 明日また架電")
        #expect(try !t.capture().contains("Saved"))
        try t.keys("Enter")
        try t.waitFor("Saved: call, no answer")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }

    @Test("SIGTSTP from outside stops with the terminal restored; fg redraws")
    func externalStop() throws {
        let t = try Tmux()
        try t.startWorkbench()
        let pid = try t.workbenchPID()
        #expect(kill(pid, SIGTSTP) == 0)
        try t.waitFor("Stopped")
        #expect(try !t.alternateScreen())
        try t.shell("fg; echo EXIT=$?")
        try t.waitFor("Today's queue")
        try t.keys("q")
        try t.checkRestored(expectStatus: 0)
    }
}
