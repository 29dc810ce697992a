@preconcurrency internal import CNcursesw
import Foundation
import Glibc
import KaishuTUI

/// The floor issue 7 sets the workbench's bytes per navigation key against: the cheapest
/// ncurses program that draws the same change.
///
/// It replays the frames the workbench showed (`WorkbenchBenchmark.Report.navigationFrames`) as
/// plain text, with one colour pair for the highlighted row and nothing else: no roles, no
/// theme, no screen model, no diff of its own. Before each key it already knows which rows
/// changed (text or highlight; computed outside the clock, as a hand-written program knows it
/// un-highlights one row and highlights another) and redraws only those with `mvaddstr`, then
/// calls `refresh`, which sends what differs from ncurses's idea of the screen. The terminal is
/// set up as the workbench's is (`newterm` into a temporary file, `TERM=xterm-256color`, the
/// same size, raw, no echo, no newline translation, cursor hidden, colours on), so the two byte
/// counts differ only by how each draws.
///
/// Given a theme, it draws the same cells in the same colours instead (each row's style runs
/// through the theme, as the workbench maps them): the same picture, so the bytes it sends are
/// what the change costs on the wire at the least, and what Kaishu sends beyond that is the
/// renderer's own overhead.
///
/// The time per key it reports is a floor too (ncurses's own cost for the change), but issue 3's
/// time target is absolute (p99 ≤ 2 ms), not a ratio to it.
public enum MinimalCursesFloor {
    /// Text of one style on one row, from `column`.
    public struct Run: Sendable, Hashable {
        public var column: Int
        public var text: String
        public var style: Style
    }

    /// One frame as the minimal program draws it.
    public struct Frame: Sendable, Hashable {
        /// Every screen row as text, full width (trailing blanks kept, so a highlight reaches
        /// the right edge as the workbench's does).
        public var rows: [String]
        /// Rows drawn highlighted.
        public var highlighted: Set<Int>
        /// Each row's style runs (empty for a frame made from text alone).
        public var runs: [[Run]]

        public init(rows: [String], highlighted: Set<Int>, runs: [[Run]] = []) {
            self.rows = rows
            self.highlighted = highlighted
            self.runs = runs
        }

        /// A workbench frame's text, with the rows holding a selected cell as highlighted.
        public init(_ screen: Screen) {
            var rows: [String] = []
            var highlighted = Set<Int>()
            var runs: [[Run]] = []
            for row in 0..<screen.size.rows {
                var line = ""
                var lineRuns: [Run] = []
                for column in 0..<screen.size.columns {
                    let cell = screen[row, column]
                    if cell.style.selected { highlighted.insert(row) }
                    guard !cell.isContinuation else { continue }
                    line += cell.text
                    if let last = lineRuns.last, last.style == cell.style {
                        lineRuns[lineRuns.count - 1].text += cell.text
                    } else {
                        lineRuns.append(Run(column: column, text: cell.text, style: cell.style))
                    }
                }
                rows.append(line)
                runs.append(lineRuns)
            }
            self.init(rows: rows, highlighted: highlighted, runs: runs)
        }
    }

    /// Draws `frames[0]` untimed, then each following frame as one key: the changed rows
    /// redrawn and `refresh`. Returns the time and the bytes ncurses wrote per key. With a
    /// `theme`, rows are drawn in the workbench's colours from the frames' style runs; without,
    /// as plain text with one colour pair for the highlighted row.
    public static func run(
        frames: [Frame], size: Size, theme: Theme? = nil, name: String = "minimal ncurses"
    ) throws -> WorkbenchBenchmark.Series {
        guard let first = frames.first else {
            return WorkbenchBenchmark.Series(name: name, milliseconds: [], bytes: [])
        }
        let capture = try CaptureTerminal(size: size, name: "floor")
        defer { capture.close() }
        CursesTerminal.setUTF8Locale()
        guard let screen = newterm(nil, capture.output, capture.input) else {
            throw WorkbenchError("ncurses does not know the terminal type xterm-256color (is its terminfo installed?)")
        }
        defer {
            _ = endwin()
            delscreen(screen)
        }
        _ = set_term(screen)
        raw()
        noecho()
        nonl()
        _ = curs_set(0)
        _ = start_color()
        _ = use_default_colors()
        if theme == nil { _ = init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE)) }
        let plain = kc_a_normal()
        let highlight: Int16 = 1
        var styles = theme.map { CursesStyles(theme: $0, depth: ColorDepth(colors: Int(kc_colors()))) }

        /// One `mvaddstr` in one attribute and colour pair.
        struct Segment {
            var row: Int32
            var column: Int32
            var attributes: attr_t
            var pair: Int16
            var text: [CChar]
        }
        func line(_ row: Int, of frame: Frame) -> [Segment] {
            guard styles != nil, frame.runs.indices.contains(row) else {
                let pair = frame.highlighted.contains(row) ? highlight : 0
                let text = Array(frame.rows[row].utf8CString)
                return [Segment(row: Int32(row), column: 0, attributes: plain, pair: pair, text: text)]
            }
            return frame.runs[row].map { run in
                let (attributes, pair) = styles!.attributes(for: run.style)
                return Segment(
                    row: Int32(row), column: Int32(run.column), attributes: attributes, pair: Int16(pair),
                    text: Array(run.text.utf8CString))
            }
        }
        func draw(_ segments: [Segment]) {
            for segment in segments {
                _ = attr_set(segment.attributes, segment.pair, nil)
                _ = segment.text.withUnsafeBufferPointer { mvaddstr(segment.row, segment.column, $0.baseAddress) }
            }
            _ = refresh()
        }
        func written() -> Int { capture.written() }

        func runs(_ frame: Frame, _ row: Int) -> [Run] { frame.runs.indices.contains(row) ? frame.runs[row] : [] }
        draw(first.rows.indices.flatMap { line($0, of: first) })
        // What changed at each key, worked out before the clock runs.
        let changes: [[Segment]] = zip(frames, frames.dropFirst()).map { old, new in
            new.rows.indices.filter { row in
                !old.rows.indices.contains(row) || old.rows[row] != new.rows[row]
                    || old.highlighted.contains(row) != new.highlighted.contains(row)
                    || (styles != nil && runs(old, row) != runs(new, row))
            }.flatMap { line($0, of: new) }
        }
        var times: [Double] = []
        var bytes: [Int] = []
        times.reserveCapacity(changes.count)
        bytes.reserveCapacity(changes.count)
        for segments in changes {
            let before = written()
            let start = DispatchTime.now().uptimeNanoseconds
            draw(segments)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1_000_000)
            bytes.append(written() - before)
        }
        return WorkbenchBenchmark.Series(name: name, milliseconds: times.sorted(), bytes: bytes)
    }
}
