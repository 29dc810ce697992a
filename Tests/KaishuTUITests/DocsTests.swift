import Foundation
import Testing

@testable import KaishuTUI

@Suite("Documentation")
struct DocsTests {
    static let beginMarker = "<!-- BEGIN generated keys: KeyMap.standard.markdownTables(level: 3) -->"
    static let endMarker = "<!-- END generated keys -->"

    static var workbenchDoc: String {
        var root = #filePath
        for _ in 0..<3 { root = String(root[..<root.lastIndex(of: "/")!]) }
        return root + "/docs/workbench.md"
    }

    /// Run with `KAISHU_WRITE_DOCS=1` to regenerate the section after changing the key table.
    @Test("docs/workbench.md lists exactly the keys the workbench dispatches on")
    func keysAreCurrent() throws {
        let text = try String(contentsOfFile: Self.workbenchDoc, encoding: .utf8)
        let begin = try #require(text.range(of: Self.beginMarker), "the begin marker is in docs/workbench.md")
        let end = try #require(text.range(of: Self.endMarker), "the end marker is in docs/workbench.md")
        let current = String(text[begin.upperBound..<end.lowerBound])
        let generated = "\n" + KeyMap.standard.markdownTables(level: 3)
        if ProcessInfo.processInfo.environment["KAISHU_WRITE_DOCS"] == "1" {
            let updated = text.replacingCharacters(in: begin.upperBound..<end.lowerBound, with: generated)
            try updated.write(toFile: Self.workbenchDoc, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated, "regenerate with KAISHU_WRITE_DOCS=1 swift test --filter DocsTests")
    }
}
