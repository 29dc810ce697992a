/// A key the user pressed, decoded from the terminal.
///
/// Characters (including Japanese ones from an input method) arrive as `.char`; control
/// combinations as `.ctrl("c")`; the rest are named. The ncurses adapter decodes `get_wch`
/// into these, and key tables and tests speak only this type.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case function(Int)

    /// A key that produces text in an input field.
    public var isTypable: Bool {
        if case .char = self { return true }
        return false
    }

    /// How the key is written in help and docs: `j`, `Enter`, `Ctrl-C`, `PgDn`.
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(String(c).uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

/// A mouse event, in screen coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case doubleClick
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var at: Point

    public init(_ kind: Kind, at: Point) {
        self.kind = kind
        self.at = at
    }
}

/// Everything the terminal can report.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text from a bracketed paste, delivered whole so a pasted newline cannot submit a form.
    case paste(String)
    case resize(Size)
}
