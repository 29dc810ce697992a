import Foundation

/// The result of checking a certified letter against its grid, the way the post office counter
/// would: every line within the character limit, every page within the line limit, only
/// accepted characters — with the counts per page and the page count that sets the fee.
///
/// `CertifiedMailCheck(text:layout:properNouns:)` reads plain text: lines separated by newlines,
/// pages by a form feed (`\f`) on a line of its own. Text without form feeds is paginated as
/// the post office would fill pages.
public struct CertifiedMailCheck: Hashable, Sendable {
    public var layout: CertifiedMailLayout
    public var pages: [Page]
    /// What the post office would refuse: the letter cannot be sent until these are fixed.
    public var violations: [Finding]
    /// What it may refuse or question: Latin letters outside proper nouns, half-width kana.
    public var warnings: [Finding]

    public var isValid: Bool { violations.isEmpty }
    public var pageCount: Int { pages.count }
    public var characters: Int { pages.reduce(0) { $0 + $1.characters } }

    /// One page's counts.
    public struct Page: Hashable, Sendable, Codable {
        public var number: Int
        /// Lines that count (blank lines do not).
        public var lines: Int
        public var characters: Int
    }

    /// One finding, located by line of the text (1-based) and by page and line on the page.
    public struct Finding: Hashable, Sendable, Codable, CustomStringConvertible {
        public var line: Int
        public var page: Int
        public var lineOnPage: Int
        public var reason: String

        public var description: String { "line \(line) (page \(page), line \(lineOnPage)): \(reason)" }
    }

    public init(text: String, layout: CertifiedMailLayout, properNouns: [String] = []) {
        self.layout = layout
        let counter = PostOfficeCount(properNouns: properNouns)
        var rows = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = rows.last, last.allSatisfy({ $0 == " " || $0 == "　" }) { rows.removeLast() }
        let explicitPages = rows.contains { $0.hasPrefix(CertifiedMailText.pageBreak) }
        var open: [Character] = []
        var pages: [Page] = []
        var violations: [Finding] = []
        var warnings: [Finding] = []
        var page = Page(number: 1, lines: 0, characters: 0)
        var lineOnPage = 0

        func startPage() {
            pages.append(page)
            page = Page(number: page.number + 1, lines: 0, characters: 0)
            lineOnPage = 0
        }

        for (offset, raw) in rows.enumerated() {
            var row = raw
            if row.hasPrefix(CertifiedMailText.pageBreak) {
                startPage()
                row.removeFirst()
                if row.isEmpty { continue }
            }
            let counted = counter.count(line: row, open: &open)
            lineOnPage += 1
            if counted.isBlank { continue }
            if !explicitPages && page.lines == layout.linesPerPage {
                startPage()
                lineOnPage = 1
            }
            page.lines += 1
            page.characters += counted.characters
            let at = { (reason: String) in
                Finding(line: offset + 1, page: page.number, lineOnPage: lineOnPage, reason: reason)
            }
            if counted.characters > layout.charactersPerLine {
                violations.append(
                    at(
                        "\(counted.characters) characters; \(layout.rawValue) allows \(layout.charactersPerLine) per line"
                    ))
            }
            if explicitPages && page.lines == layout.linesPerPage + 1 {
                violations.append(
                    at(
                        "page \(page.number) has more than \(layout.linesPerPage) lines (blank lines not counted); start a new page before this line"
                    ))
            }
            for reason in counted.rejected { violations.append(at("\(reason) is not accepted in a certified letter")) }
            for reason in counted.cautions { warnings.append(at(reason)) }
        }
        pages.append(page)
        if let empty = pages.first(where: { $0.lines == 0 }) {
            violations.append(
                Finding(
                    line: 1, page: empty.number, lineOnPage: 1,
                    reason: pages.count == 1 ? "the letter is empty" : "page \(empty.number) is empty"))
        }
        self.pages = pages
        self.violations = violations
        self.warnings = warnings
    }

    /// A short report: layout, pages with their counts, then each violation and warning.
    public var report: String {
        var lines = ["layout: \(layout.rawValue) (\(layout.label))"]
        for page in pages {
            lines.append(
                "page \(page.number): \(page.lines) lines, \(page.characters) characters (max \(layout.linesPerPage) lines, \(layout.charactersPerPage) characters)"
            )
        }
        lines.append("\(pageCount) page\(pageCount == 1 ? "" : "s"), \(characters) characters")
        lines += violations.map { "error: \($0)" }
        lines += warnings.map { "warning: \($0)" }
        lines.append(
            isValid
                ? "OK: the layout is within the post office's limits"
                : "\(violations.count) violation\(violations.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }
}
