import Foundation
import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

@Suite("Views and the renderer")
struct ViewTests {
    static func oneCase(name: String) async -> InMemoryCaseStore {
        let store = InMemoryCaseStore(calendar: Harness.calendar)
        let due = Harness.today.adding(days: -100)
        await store.addCase(
            debtor: Debtor(code: "X1", name: name, address: "東京都"), opened: due,
            claims: [Claim(invoice: "I", contractDate: due, dueDate: due, amount: 1_234_567)])
        return store
    }

    @Test("escape sequences in a debtor's name never reach the terminal")
    func controlCharactersAreSanitized() async {
        let h = await Harness(store: await Self.oneCase(name: "悪意\u{1B}[2J\u{1B}]0;pwned\u{07}商事\u{9B}31m"))
        for cell in h.screen.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "raw control \(scalar.value)")
            }
        }
        #expect(h.text.contains("悪意 [2J ]0;pwned 商事 31m"))
    }

    @Test("the queue row shows yen with separators, right-aligned, and the days left")
    func queueRow() async {
        let h = await Harness(store: await Self.oneCase(name: "株式会社山田商事"))
        let row = h.screen.rowText(QueueView.firstListRow)
        #expect(row.contains("株式会社山田商事"))
        #expect(row.contains("1,234,567"))
        let left = Harness.today.days(until: Harness.today.adding(days: -100).adding(years: 5))
        #expect(row.contains(" \(left) "))
    }

    @Test("株式会社山田商事 is 16 columns, and truncation never splits it")
    func displayWidth() {
        let measure = DisplayWidth.standard
        #expect(measure.width(of: "株式会社山田商事") == 16)
        let cut = measure.fit("株式会社山田商事", width: 9)
        #expect(measure.width(of: cut) == 9)
        #expect(cut.hasPrefix("株式会社"))
        #expect(cut.contains("…"))
    }

    @Test("below 80 columns the less important columns fold away, the debtor and days left stay")
    func narrow() async {
        let h = await Harness(demo: 10, size: Size(rows: 20, columns: 60))
        let header = h.screen.rowText(1)
        #expect(header.contains("Debtor"))
        #expect(header.contains("Left"))
        #expect(!header.contains("Contact"))
        #expect(!header.contains("Next"))
    }

    @Test("below the minimum size a message asks for a larger window; resizing redraws")
    func tooSmall() async {
        let h = await Harness(demo: 3, size: Size(rows: 8, columns: 30))
        #expect(h.text.contains("least 40x10"))
        #expect(h.text.contains("This one is 30x8"))
        h.terminal.resize(to: Size(rows: 24, columns: 80))
        await h.settle()
        #expect(h.text.contains("Debtor"))
        #expect(h.screen.size == Size(rows: 24, columns: 80))
    }

    @Test("the help overlay lists every binding of the key table")
    func helpFromKeyTable() {
        let lines = KeyMap.standard.helpLines().map { $0.keys + " " + $0.text }.joined(separator: "\n")
        for binding in KeyMap.standard.bindings {
            #expect(lines.contains(binding.help), "help for \(binding.keyLabel)")
        }
    }

    @Test("? opens the help and any other key closes it")
    func helpOverlay() async {
        let h = await Harness(demo: 3)
        await h.press(.char("?"))
        #expect(h.text.contains("Log a call"))
        await h.press(.char("x"))
        #expect(h.state.help == nil)
    }

    @Test("moving the highlight rewrites only the rows that changed")
    func diffIsSmall() async {
        let h = await Harness(demo: 50)
        await h.press(.down)
        let diff = h.terminal.lastDiff!
        #expect(!diff.isFull)
        let rows = Set(diff.runs.map(\.row))
        #expect(rows.count <= 3, "rows rewritten: \(rows.sorted())")
        #expect(diff.cellCount <= 3 * 100)
    }

    @Test("the diff of a frame against itself is empty, and a new size repaints everything")
    func diffBasics() {
        var screen = Screen(size: Size(rows: 3, columns: 10))
        screen.put("回収abc", row: 1, column: 0)
        #expect(ScreenDiff.between(screen, screen).runs.isEmpty)
        var next = screen
        next.put("x", row: 1, column: 1)  // overwrites the right half of 回
        let diff = ScreenDiff.between(screen, next)
        #expect(diff.runs == [ScreenDiff.Run(row: 1, column: 0, width: 2)])
        #expect(ScreenDiff.between(nil, screen).isFull)
    }
}

@Suite("Themes")
struct ThemeTests {
    static let themesDirectory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/themes"
    }()

    @Test("every theme file in themes/ parses and equals the copy compiled in")
    func themeFiles() throws {
        for name in ["default", "light", "dark", "high-contrast", "monochrome"] {
            let file = Self.themesDirectory + "/\(name).toml"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            // The compiled-in copy is a raw string literal, which drops the file's final newline.
            #expect(Theme.builtinSources[name].map { $0 + "\n" } == text, "\(name).toml is compiled in unchanged")
            let theme = try ThemeLibrary.loadFile(file)
            for role in Role.allCases { _ = theme.resolve(Style(role), depth: .c256) }
        }
    }

    @Test("NO_COLOR turns colour off unless --color always")
    func noColor() {
        #expect(!ColorChoice.auto.wantsColor(environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.auto.wantsColor(environment: ["NO_COLOR": ""]))
        #expect(ColorChoice.always.wantsColor(environment: ["NO_COLOR": "1"]))
    }
}
