import Foundation
import Glibc
import KaishuTUI
import Testing

@testable import KaishuCurses

/// The ncurses adapter against ncurses itself: a terminal opened with `newterm` on the null
/// device (no tty needed), frames drawn through the adapter, and ncurses's own virtual screen
/// read back cell by cell.
@Suite("The ncurses adapter", .serialized)
struct CursesTerminalTests {
    static func withTerminal(_ body: (CursesTerminal) throws -> Void) throws {
        setenv("TERM", "xterm-256color", 1)
        setenv("LINES", "12", 1)
        setenv("COLUMNS", "40", 1)
        let output = fopen("/dev/null", "w")
        let input = fopen("/dev/null", "r")
        defer {
            fclose(output)
            fclose(input)
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        let terminal = try CursesTerminal(
            theme: ThemeLibrary.defaultTheme, wantsColor: false, input: input, output: output,
            installSignalHandlers: false)
        defer { terminal.close() }
        try body(terminal)
    }

    @Test("Japanese text lands in ncurses one wide character per two cells")
    func wideText() throws {
        try Self.withTerminal { terminal in
            #expect(terminal.size == Size(rows: 12, columns: 40))
            var screen = Screen(size: terminal.size)
            screen.put("株式会社 ｶﾞ é", row: 1, column: 0)
            terminal.draw(screen)
            #expect(terminal.readBack(row: 1, column: 0)?.text == "株")
            #expect(terminal.readBack(row: 1, column: 2)?.text == "式")
            #expect(terminal.readBack(row: 1, column: 6)?.text == "社")
            #expect(terminal.readBack(row: 1, column: 9)?.text == "ｶ")
            #expect(terminal.readBack(row: 1, column: 10)?.text == "ﾞ")
            #expect(
                terminal.readBack(row: 1, column: 12)?.text == "e\u{301}"
                    || terminal.readBack(row: 1, column: 12)?.text == "é")
        }
    }

    @Test("without colour a selected row is drawn reversed, from the theme's mono attributes")
    func monoSelection() throws {
        try Self.withTerminal { terminal in
            #expect(terminal.depth == .mono)
            var screen = Screen(size: terminal.size)
            screen.put("selected", row: 3, column: 0, style: Style(.selection, selected: true))
            terminal.draw(screen)
            let cell = try #require(terminal.readBack(row: 3, column: 0))
            #expect(cell.text == "s")
            #expect(cell.attrs != 0)
            #expect(cell.pair == 0)
        }
    }

    @Test("a second frame changes only what differs, and a forced repaint keeps the content")
    func redraw() throws {
        try Self.withTerminal { terminal in
            var screen = Screen(size: terminal.size)
            screen.put("first", row: 0, column: 0)
            terminal.draw(screen)
            screen.put("X", row: 0, column: 0)
            terminal.forceRepaint()
            terminal.draw(screen)
            #expect(terminal.readBack(row: 0, column: 0)?.text == "X")
            #expect(terminal.readBack(row: 0, column: 1)?.text == "i")
        }
    }

    @Test("control characters from get_wch become keys; text stays text")
    func decoding() {
        #expect(CursesTerminal.decodeCharacter(0x03) == .ctrl("c"))
        #expect(CursesTerminal.decodeCharacter(0x1A) == .ctrl("z"))
        #expect(CursesTerminal.decodeCharacter(0x0D) == .enter)
        #expect(CursesTerminal.decodeCharacter(0x1B) == .escape)
        #expect(CursesTerminal.decodeCharacter(0x7F) == .backspace)
        #expect(CursesTerminal.decodeCharacter(0x3042) == .char("あ"))
        #expect(CursesTerminal.decodeCharacter(0x1C) == nil)
    }
}
