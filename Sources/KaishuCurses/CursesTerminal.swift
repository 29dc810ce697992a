@preconcurrency internal import CNcursesw
import Glibc
import KaishuTUI

/// The real terminal: ncursesw behind the `Terminal` protocol. The only code that writes to it.
///
/// - Start-up order matters: the locale (UTF-8, or `C.UTF-8` when the environment's is not),
///   Kaishu's signal handlers, then `newterm` (not `initscr`, which exits the process on an
///   unknown `TERM`), `raw` (Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys), `noecho`, keypad,
///   `ESCDELAY` 25 ms, mouse, colours.
/// - Input: `poll` on the terminal and the self-pipe; then every ready key through `get_wch`
///   without blocking. `KEY_RESIZE` (ncurses's own SIGWINCH handling) becomes a resize event.
/// - Output: only the cells that differ from the previous frame (`ScreenDiff`) are written, one
///   `cchar_t` per grapheme cluster; ncurses then sends only what changed on its screen.
/// - `close()` restores the terminal (`endwin`, the shell's modes, the normal screen) and the
///   previous signal handlers. It is idempotent and runs on every exit path.
final class CursesTerminal: Terminal {
    private(set) var size: Size
    let waker: any Waker
    private let pipe: SignalPipe
    private var signals: SignalHandlers?
    private var screenPointer: OpaquePointer?
    private var styles: CursesStyles
    private var previous: Screen?
    private var cursorVisible: Int32 = -1
    private let inputFD: Int32
    private let outputFD: Int32
    private var closed = false
    private let measure: DisplayWidth
    /// Text of a bracketed paste still arriving (`nil` outside a paste).
    private var pasting: String?

    /// Key codes ncurses reports for the bracketed-paste markers (`define_key`).
    static let pasteStart = KEY_MAX + 1
    static let pasteEnd = KEY_MAX + 2

    /// Opens the terminal on `input`/`output` (the process's own terminal by default).
    init(
        theme: Theme, wantsColor: Bool, measure: DisplayWidth = .standard,
        input: UnsafeMutablePointer<FILE>? = nil, output: UnsafeMutablePointer<FILE>? = nil,
        installSignalHandlers: Bool = true
    ) throws {
        CursesTerminal.setUTF8Locale()
        let pipe = try SignalPipe()
        self.pipe = pipe
        self.waker = PipeWaker(fd: pipe.writeEnd)
        self.measure = measure
        if installSignalHandlers { signals = SignalHandlers(pipe: pipe) }
        let inFile = input ?? kc_stdin()
        let outFile = output ?? kc_stdout()
        inputFD = fileno(inFile)
        outputFD = fileno(outFile)
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            signals?.restore()
            pipe.close()
            throw WorkbenchError(
                "the workbench needs a terminal that can move the cursor; TERM is '\(term)'. Run it in a terminal emulator, or use the kaishu subcommands."
            )
        }
        CrashRestore.saveModes(fd: fileno(outFile))
        // On a terminal its real size wins: an exported LINES/COLUMNS (a shell's stale copy)
        // would pin ncurses to that size and resizing would not redraw. Without a terminal
        // (tests and the benchmark draw into a file) the variables give the size.
        if isatty(fileno(outFile)) == 1 {
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        guard let screen = newterm(nil, outFile, inFile) else {
            signals?.restore()
            pipe.close()
            throw WorkbenchError("ncurses does not know the terminal type TERM='\(term)' (is its terminfo installed?)")
        }
        screenPointer = screen
        _ = set_term(screen)
        if installSignalHandlers { CrashRestore.arm() }
        raw()
        noecho()
        nonl()
        _ = keypad(kc_stdscr(), true)
        _ = nodelay(kc_stdscr(), true)
        _ = set_escdelay(25)
        _ = leaveok(kc_stdscr(), false)
        _ = mousemask(
            kc_button1_clicked() | kc_button1_double_clicked() | kc_button4_pressed() | kc_button5_pressed(), nil)
        _ = mouseinterval(200)
        // Bracketed paste: pasted text arrives whole, so a newline in it cannot submit a form
        // (ncurses 6.4 does not decode the markers itself).
        _ = define_key("\u{1B}[200~", CursesTerminal.pasteStart)
        _ = define_key("\u{1B}[201~", CursesTerminal.pasteEnd)
        var depth = ColorDepth.mono
        if wantsColor && has_colors() {
            start_color()
            _ = use_default_colors()
            depth = ColorDepth(colors: Int(kc_colors()))
        }
        styles = CursesStyles(theme: theme, depth: depth)
        size = Size(rows: Int(kc_lines()), columns: Int(kc_cols()))
        setBracketedPaste(true)
    }

    /// The colour depth in use (`mono` without colour).
    var depth: ColorDepth { styles.depth }

    static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: kc_codeset()).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    // MARK: - Input

    func waitForEvents(timeout: Double?) -> [TerminalEvent] {
        // Wake at least every 100 ms: ncurses reports a resize (SIGWINCH) at the next read.
        let limit = min(timeout ?? 0.1, 0.1)
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, 2, Int32(limit * 1000))
        var events: [TerminalEvent] = pipe.drain().map { .signal($0) }
        events += readKeys()
        return events
    }

    private func readKeys() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var value: wint_t = 0
        while events.count < 512 {
            let result = get_wch(&value)
            if result == ERR { break }
            if result == KEY_CODE_YES && Int32(value) == CursesTerminal.pasteStart {
                pasting = ""
            } else if result == KEY_CODE_YES && Int32(value) == CursesTerminal.pasteEnd {
                if let text = pasting, !text.isEmpty { events.append(.input(.paste(text))) }
                pasting = nil
            } else if pasting != nil {
                // Inside a paste: characters are text; line breaks and tabs stay (the editor
                // turns them into spaces), other control characters are dropped.
                if result != KEY_CODE_YES, let scalar = Unicode.Scalar(UInt32(value)) {
                    let v = scalar.value
                    if v == 0x0A || v == 0x0D || v == 0x09 || (v >= 0x20 && !(0x7F...0x9F).contains(v)) {
                        pasting!.unicodeScalars.append(v == 0x0D ? "\n" : scalar)
                    }
                }
            } else if result == KEY_CODE_YES {
                if let event = decodeKeyCode(Int32(value)) { events.append(event) }
            } else if let key = CursesTerminal.decodeCharacter(UInt32(value)) {
                events.append(.input(.key(key)))
            }
        }
        return events
    }

    /// A character from `get_wch` (not a key code) as a `Key`.
    static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return nil
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C...0x1F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    private func decodeKeyCode(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            size = Size(rows: Int(kc_lines()), columns: Int(kc_cols()))
            previous = nil
            return .input(.resize(size))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let at = Point(row: Int(event.y), column: Int(event.x))
            let state = event.bstate
            if state & kc_button4_pressed() != 0 { return .input(.mouse(MouseEvent(.wheelUp, at: at))) }
            if state & kc_button5_pressed() != 0 { return .input(.mouse(MouseEvent(.wheelDown, at: at))) }
            if state & kc_button1_double_clicked() != 0 { return .input(.mouse(MouseEvent(.doubleClick, at: at))) }
            if state & kc_button1_clicked() != 0 { return .input(.mouse(MouseEvent(.click, at: at))) }
            return nil
        case KEY_UP: return .input(.key(.up))
        case KEY_DOWN: return .input(.key(.down))
        case KEY_LEFT: return .input(.key(.left))
        case KEY_RIGHT: return .input(.key(.right))
        case KEY_HOME: return .input(.key(.home))
        case KEY_END: return .input(.key(.end))
        case KEY_NPAGE: return .input(.key(.pageDown))
        case KEY_PPAGE: return .input(.key(.pageUp))
        case KEY_BACKSPACE: return .input(.key(.backspace))
        case KEY_DC: return .input(.key(.delete))
        case KEY_ENTER: return .input(.key(.enter))
        case KEY_BTAB: return .input(.key(.backTab))
        default:
            for n in 1...12 where code == kc_key_f(Int32(n)) { return .input(.key(.function(n))) }
            return nil
        }
    }

    // MARK: - Output

    func draw(_ screen: Screen) {
        guard !closed else { return }
        let diff = ScreenDiff.between(previous, screen)
        if diff.isFull { _ = erase() }
        for run in diff.runs {
            var column = run.column
            while column < run.column + run.width {
                let cell = screen[run.row, column]
                if !cell.isContinuation { put(cell, row: run.row, column: column) }
                column += 1
            }
        }
        previous = screen
        if let cursor = screen.cursor {
            setCursor(1)
            _ = move(Int32(cursor.row), Int32(cursor.column))
        } else {
            setCursor(0)
        }
        _ = refresh()
    }

    private func setCursor(_ visibility: Int32) {
        if cursorVisible != visibility {
            _ = curs_set(visibility)
            cursorVisible = visibility
        }
    }

    /// One cell as one `cchar_t` (a whole grapheme cluster), or a same-width fallback when the
    /// C library measures the cluster differently than Kaishu does (emoji sequences), so the two
    /// cursors never drift apart. Box lines are drawn as Unicode text (U+2500…): the terminal's
    /// alternate character set is not reliable in UTF-8 under tmux and screen.
    private func put(_ cell: Cell, row: Int, column: Int) {
        let (attrs, pair) = styles.attributes(for: cell.style)
        // Most cells hold one scalar the C library measures as we do: no arrays to build.
        let scalars = cell.text.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            let value = wchar_t(bitPattern: only.value)
            if kc_wcwidth(value) == Int32(cell.width) {
                var text: (wchar_t, wchar_t) = (value, 0)
                var cc = cchar_t()
                withUnsafePointer(to: &text) { pointer in
                    pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { wide in
                        _ = kc_setcchar(&cc, wide, attrs, pair)
                    }
                }
                _ = mvadd_wch(Int32(row), Int32(column), &cc)
                return
            }
        }
        // Split the cluster where the C library sees a new spacing character (ｶﾞ is one
        // cluster but two spacing characters for ncurses): each segment is one cchar_t.
        var segments: [(text: [wchar_t], width: Int32)] = []
        var total: Int32 = 0
        var valid = true
        for scalar in cell.text.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            let w = kc_wcwidth(value)
            if w < 0 {
                valid = false
            } else if w > 0 || segments.isEmpty {
                segments.append(([value], w))
                total += w
            } else {
                segments[segments.count - 1].text.append(value)
            }
        }
        let ours = Int32(cell.width)
        if !valid || total != ours || segments.contains(where: { $0.text.count >= Int(kc_ccharw_max()) }) {
            segments = [(ours == 2 ? [wchar_t(0x3000)] : [wchar_t(0x3F)], ours)]  // 　 or ?
        }
        var x = Int32(column)
        for segment in segments {
            var text = segment.text
            text.append(0)
            var cc = cchar_t()
            _ = kc_setcchar(&cc, text, attrs, pair)
            _ = mvadd_wch(Int32(row), x, &cc)
            x += max(1, segment.width)
        }
    }

    // MARK: - Suspend, repaint, bell

    /// Ctrl-Z: give the terminal back to the shell, stop, and repaint everything on `fg`.
    /// Turns the terminal's bracketed-paste mode on or off. Written straight to the terminal:
    /// the mode is independent of what ncurses has buffered.
    private func setBracketedPaste(_ on: Bool) {
        let sequence = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = sequence.withUnsafeBytes { write(outputFD, $0.baseAddress, $0.count) }
    }

    func suspend() {
        setBracketedPaste(false)
        _ = def_prog_mode()
        _ = endwin()
        fflush(kc_stdout())
        // raise, not kill: the calling thread itself stops before the next line runs.
        raise(SIGSTOP)
        // Resumed (SIGCONT): take the terminal back.
        _ = reset_prog_mode()
        setBracketedPaste(true)
        forceRepaint()
        _ = refresh()
    }

    /// `$EDITOR` from the letter pane: the shell's modes while it runs, then the screen back,
    /// as for Ctrl-Z but without stopping the process.
    func releaseTerminal(during body: () -> Void) {
        setBracketedPaste(false)
        _ = def_prog_mode()
        _ = endwin()
        fflush(kc_stdout())
        body()
        _ = reset_prog_mode()
        setBracketedPaste(true)
        forceRepaint()
        _ = refresh()
    }

    func forceRepaint() {
        _ = clearok(kc_curscr(), true)
    }

    func bell() { _ = beep() }

    /// Restores the terminal. Safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        setBracketedPaste(false)
        _ = curs_set(1)
        _ = endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        fflush(kc_stdout())
        signals?.restore()
        signals = nil
        CrashRestore.disarm()
        pipe.close()
    }

    deinit { close() }

    /// The cell ncurses holds at a position (its own virtual screen), for the adapter's tests.
    func readBack(row: Int, column: Int) -> (text: String, attrs: attr_t, pair: Int32)? {
        var buffer = [wchar_t](repeating: 0, count: Int(kc_ccharw_max()) + 1)
        var attrs: attr_t = 0
        var pair: Int32 = 0
        guard kc_read_cell(kc_stdscr(), Int32(row), Int32(column), &buffer, &attrs, &pair) == OK else { return nil }
        var text = ""
        for value in buffer {
            if value == 0 { break }
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        return (text, attrs, pair)
    }
}
