import Foundation

/// One line of editable text, edited by grapheme cluster.
///
/// The cursor moves and deletes whole characters: one Backspace removes `株` (two columns) or
/// `ｶﾞ` (one cluster of two scalars) entirely. A combining mark typed after its base (an input
/// method sending か then U+3099) joins the character before it. The text is kept as typed;
/// `committed` gives it in NFC for storage, the form the log keeps as evidence.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, `0...characters.count`.
    public private(set) var cursor: Int
    /// Longest accepted text in characters (a note is one line, not a letter).
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 500) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }

    /// The text in Unicode NFC, trimmed of surrounding whitespace: what is stored.
    public var committed: String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs become spaces. Returns
    /// whether all of it fitted under `maxLength`. Without `whole`, what fits is inserted; with
    /// `whole`, text that does not all fit is not inserted at all — the workbench's forms use
    /// this, so an over-long paste is refused with a message instead of cut off without a word.
    @discardableResult
    public mutating func insert(_ typed: String, whole: Bool = false) -> Bool {
        let clean = String(typed.map { ($0.isNewline || $0 == "\t") ? " " : $0 })
        guard !clean.isEmpty else { return true }
        // Re-segment the character before the cursor with the new text, so a combining mark
        // joins its base.
        let before = cursor > 0 ? String(characters[cursor - 1]) : ""
        let merged = Array(before + clean)
        let start = cursor > 0 ? cursor - 1 : cursor
        let room = maxLength - characters.count + (cursor > 0 ? 1 : 0)
        let accepted = Array(merged.prefix(max(0, room)))
        let fits = accepted.count == merged.count
        guard fits || (!whole && !accepted.isEmpty) else { return fits }
        characters.replaceSubrange(start..<cursor, with: accepted)
        cursor = start + accepted.count
        return fits
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Ctrl-U: deletes from the start of the line to the cursor.
    public mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: deletes from the cursor to the end of the line.
    public mutating func killToEnd() {
        characters.removeSubrange(cursor..<characters.count)
    }

    /// Ctrl-W: deletes the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Replaces the whole text and puts the cursor at its end.
    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Applies an editing key. Returns `false` when the key is not an editing key.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): killToStart()
        case .ctrl("k"): killToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// What to show in a field `width` columns wide: the visible slice of the text and the
    /// cursor's column within it. The slice scrolls horizontally so the cursor stays visible.
    public func visible(width: Int, measure: DisplayWidth = .standard) -> (text: String, cursor: Int) {
        guard width > 1 else { return ("", 0) }
        let widths = characters.map { measure.width(of: $0) }
        let cursorColumn = widths[..<cursor].reduce(0, +)
        let total = widths.reduce(0, +)
        // Keep one column free for the cursor at the end of the text.
        if total + 1 <= width { return (text, cursorColumn) }
        // Start so that the cursor (and the character under it) fits.
        var start = 0
        var startColumn = 0
        let underCursor = cursor < widths.count ? widths[cursor] : 1
        while cursorColumn - startColumn + underCursor > width && start < cursor {
            startColumn += widths[start]
            start += 1
        }
        var out = ""
        var used = 0
        var index = start
        while index < characters.count && used + widths[index] <= width {
            out.append(characters[index])
            used += widths[index]
            index += 1
        }
        return (out, cursorColumn - startColumn)
    }
}
