/// A certified letter laid out on a post office grid: lines that never count more than the
/// layout allows, gathered into pages of at most its line limit (blank lines not counted).
///
/// Built from the letter's paragraphs by `CertifiedMailText(paragraphs:layout:properNouns:)`,
/// which wraps each paragraph, keeps punctuation off the start of a line and opening brackets
/// off its end (行頭・行末禁則), and indents a wrapped list item under its text. The result
/// passes `CertifiedMailCheck` by construction; the check is still run on it and on any copy a
/// collector edits.
public struct CertifiedMailText: Hashable, Sendable {
    public var layout: CertifiedMailLayout
    /// The pages, each a list of lines (blank lines kept where the letter has them).
    public var pages: [[String]]

    public init(layout: CertifiedMailLayout, pages: [[String]]) {
        self.layout = layout
        self.pages = pages
    }

    /// Characters that may not begin a line (行頭禁則).
    static let noLineStart: Set<Character> = [
        "、", "。", "，", "．", ",", ".", "）", ")", "」", "』", "】", "〕", "］", "｝", "〉", "》", "！", "？",
        "ー", "ゝ", "ゞ", "々", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ",
        "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "・", "：", "；",
    ]
    /// Characters that may not end a line (行末禁則).
    static let noLineEnd: Set<Character> = ["（", "(", "「", "『", "【", "〔", "［", "｛", "〈", "《"]

    /// Lays `text` out: each source line is a paragraph, wrapped to the layout's width.
    public init(text: String, layout: CertifiedMailLayout, properNouns: [String] = []) {
        let counter = PostOfficeCount(properNouns: properNouns)
        var open: [Character] = []
        var lines: [String] = []
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for paragraph in paragraphs {
            let counted = counter.count(line: paragraph, open: &open)
            if counted.isBlank {
                lines.append("")
                continue
            }
            lines += CertifiedMailText.wrap(counted.units, width: layout.charactersPerLine)
        }
        while lines.last == "" { lines.removeLast() }
        self.init(layout: layout, pages: CertifiedMailText.paginate(lines, linesPerPage: layout.linesPerPage))
    }

    /// Greedy wrap on the post office's costs; continuation lines are indented like the
    /// paragraph's text (its leading spaces, plus a list head such as `１　`).
    static func wrap(_ units: [PostOfficeCount.Unit], width: Int) -> [String] {
        let indent = continuationIndent(units, width: width)
        var lines: [String] = []
        var current: [PostOfficeCount.Unit] = []
        var cost = 0
        var contentStart = 0  // where this line's own text begins (after the indent)
        var index = 0
        while index < units.count {
            let unit = units[index]
            // A line with nothing but its indent takes the next character whatever it costs
            // (the check reports it if it is too long), so the wrap always ends.
            if cost + unit.cost <= width || current.count <= contentStart {
                current.append(unit)
                cost += unit.cost
                index += 1
                continue
            }
            var carried: [PostOfficeCount.Unit] = []
            // 行頭禁則: pull the last character down with the one that may not start a line.
            if let first = unit.text.first, noLineStart.contains(first), current.count - contentStart > 1 {
                carried.insert(current.removeLast(), at: 0)
            }
            // 行末禁則: an opening bracket moves down to what it opens.
            while let last = current.last, let character = last.text.first, noLineEnd.contains(character),
                current.count - contentStart > 1
            {
                carried.insert(current.removeLast(), at: 0)
            }
            lines.append(current.map(\.text).joined())
            current = indent
            contentStart = indent.count
            // A space where the line breaks is dropped.
            while carried.isEmpty, index < units.count, units[index].isSpace { index += 1 }
            current += carried
            cost = current.reduce(0) { $0 + $1.cost }
        }
        if current.count > contentStart || lines.isEmpty { lines.append(current.map(\.text).joined()) }
        return lines
    }

    /// Leading spaces, plus the head of a numbered item (`１　`, `(2)　`, `①　`) when one
    /// is followed by a space; at most half the width.
    static func continuationIndent(_ units: [PostOfficeCount.Unit], width: Int) -> [PostOfficeCount.Unit] {
        var count = 0
        while count < units.count, units[count].isSpace { count += 1 }
        var head = count
        while head < units.count, head - count < 4, !units[head].isSpace,
            units[head].text.allSatisfy({
                $0.isNumber || "（）()".contains($0) || $0.unicodeScalars.allSatisfy(PostOfficeCount.isFramed)
            })
        {
            head += 1
        }
        if head > count, head < units.count, units[head].isSpace {
            count = head + 1
        }
        let cells = units[0..<count].reduce(0) { $0 + $1.text.count }
        let space = PostOfficeCount.Unit(text: "　", cost: 1, isSpace: true)
        return Array(repeating: space, count: min(cells, width / 2))
    }

    /// Pages of at most `linesPerPage` non-blank lines; a page never starts with a blank line.
    static func paginate(_ lines: [String], linesPerPage: Int) -> [[String]] {
        var pages: [[String]] = []
        var page: [String] = []
        var counted = 0
        for line in lines {
            let blank = line.allSatisfy { $0 == " " || $0 == "　" }
            if blank {
                if !page.isEmpty { page.append("") }
                continue
            }
            if counted == linesPerPage {
                while page.last == "" { page.removeLast() }
                pages.append(page)
                page = []
                counted = 0
            }
            page.append(line)
            counted += 1
        }
        while page.last == "" { page.removeLast() }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }

    /// The page separator in plain text: a form feed on a line of its own.
    public static let pageBreak = "\u{0C}"

    /// The pages as plain text, separated by form feeds (what `--check --input` reads back).
    public var text: String {
        pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\(CertifiedMailText.pageBreak)\n") + "\n"
    }

    public var pageCount: Int { pages.count }
}
