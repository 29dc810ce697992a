import KaishuCore

/// The smallest window the workbench draws in; below it, a message asks for a larger one.
public enum MinimumSize {
    public static let columns = 40
    public static let rows = 10
}

/// Draws the whole workbench for a state: pure, no terminal involved.
///
/// The result is a grid of cells painted with semantic `Role`s; the terminal adapter maps roles
/// to colours through the theme. Tests compare `view(state).text` with golden files.
public func view(_ state: AppState, keys: KeyMap = .standard) -> Screen {
    var screen = Screen(size: state.size, measure: state.config.measure)
    guard state.size.columns >= MinimumSize.columns, state.size.rows >= MinimumSize.rows else {
        TooSmallView.draw(&screen)
        return screen
    }
    switch state.page {
    case .queue: QueueView.draw(&screen, state, keys: keys)
    case .caseDetail: CaseView.draw(&screen, state, keys: keys)
    case .firstRun: FirstRunView.draw(&screen, state, keys: keys)
    }
    if let overlay = state.overlay {
        DialogView.draw(&screen, overlay, state: state, keys: keys)
    }
    if let scroll = state.help {
        HelpView.draw(&screen, scroll: scroll, keys: keys)
    }
    return screen
}

/// Pieces every page shares: the title bar, the hint line and the status line.
enum Chrome {
    static func title(_ screen: inout Screen, _ left: String, right: String = "") {
        let width = screen.size.columns
        screen.fill(row: 0, style: Style(.title))
        let rightWidth = screen.measure.width(of: right)
        screen.put(fitting: " " + left, row: 0, column: 0, width: max(0, width - rightWidth - 1), style: Style(.title))
        if rightWidth > 0, rightWidth + 2 < width {
            screen.put(right, row: 0, column: width - rightWidth - 1, style: Style(.title))
        }
    }

    /// The line above the status line: the flash message if any, else the key hints.
    static func hintLine(_ screen: inout Screen, _ state: AppState, contexts: [KeyContext], keys: KeyMap) {
        let row = screen.size.rows - 2
        screen.fill(row: row, style: .text)
        if let flash = state.flash {
            let role: Role =
                switch flash.kind {
                case .info: .text
                case .success: .success
                case .warning: .warning
                case .error: .error
                }
            screen.put(fitting: " " + flash.text, row: row, column: 0, width: screen.size.columns, style: Style(role))
            return
        }
        var x = 1
        for (key, hint) in keys.hints(in: contexts) {
            let needed = screen.measure.width(of: key) + 1 + screen.measure.width(of: hint) + 2
            if x + needed > screen.size.columns { break }
            x += screen.put(key, row: row, column: x, style: Style(.key))
            x += 1
            x += screen.put(hint, row: row, column: x, style: Style(.muted))
            x += 2
        }
    }

    /// Date, then the counts (what a collector checks at a glance), then the store and the
    /// collector, which are the first to be cut on a narrow window. Counts shorten their labels
    /// when the full ones do not fit.
    static func statusLine(_ screen: inout Screen, _ state: AppState) {
        let row = screen.size.rows - 1
        screen.fill(row: row, style: Style(.status))
        var parts: [(String, Role)] = [(" \(state.today.iso) \(Format.weekday(state.today))", .status)]
        parts += TeamView.urgentStatus(state)
        if let counts = state.counts {
            let full = ["due today ", "near limitation ", "broken promises ", "open "]
            let short = ["due ", "near ", "broken ", "open "]
            let values = [counts.dueToday, counts.nearLimitation, counts.brokenPromises, counts.open]
            let fixedWidth =
                screen.measure.width(of: parts[0].0)
                + screen.measure.width(of: " | \(state.config.collector)")
            let fullWidth = zip(full, values).reduce(0) { $0 + 3 + screen.measure.width(of: $1.0 + String($1.1)) }
            let labels = fixedWidth + fullWidth <= screen.size.columns ? full : short
            for (label, value) in zip(labels, values) {
                parts.append((" | " + label, .status))
                parts.append(("\(value)", label.hasPrefix("open") ? .status : .statusAccent))
            }
        }
        parts += TeamView.claimStatus(state)
        parts.append((" | \(state.config.collector) | \(state.config.storeLabel)", .status))
        var x = 0
        for (text, role) in parts where x < screen.size.columns {
            x += screen.put(text, row: row, column: x, style: Style(role))
        }
    }
}

enum TooSmallView {
    static func draw(_ screen: inout Screen) {
        let size = screen.size
        let message = [
            "Kaishu needs a window of at least \(MinimumSize.columns)x\(MinimumSize.rows).",
            "This one is \(size.columns)x\(size.rows): please make it larger.",
        ]
        var lines: [String] = []
        for text in message { lines += screen.measure.wrap(text, width: max(1, size.columns)) }
        let start = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where start + offset < size.rows {
            screen.put(line, row: start + offset, column: 0, style: Style(.warning))
        }
    }
}
