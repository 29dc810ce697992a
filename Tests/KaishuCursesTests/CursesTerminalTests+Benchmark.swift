import Foundation
import Glibc
import KaishuCore
import KaishuTUI
import KaishuTestSupport
import Testing

@testable import KaishuCurses

/// The benchmark's two sides, ncurses drawing into a file: the workbench's keystroke → frame
/// harness and the minimal ncurses floor it is compared with. In the adapter's suite because
/// ncurses is one process-wide screen: these tests must not run beside the adapter's.
extension CursesTerminalTests {
    static let size = Size(rows: 24, columns: 80)

    /// 24 rows of 80 columns (four of the characters are two columns wide); the second variant
    /// changes nearly every cell of every row.
    static func frame(highlight: Int, variant: Bool = false) -> MinimalCursesFloor.Frame {
        let rows = (0..<size.rows).map { row in
            let text =
                variant
                ? "\(row) 有限会社 " + String(repeating: "=", count: size.columns)
                : "株式会社 row \(row) " + String(repeating: "-", count: size.columns)
            return String(text.prefix(size.columns - 4))
        }
        return MinimalCursesFloor.Frame(rows: rows, highlighted: [highlight])
    }

    @Test("the floor redraws only what changed: a moved highlight costs a fraction of a new screen")
    func floorBytes() throws {
        defer {
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        let frames = [
            Self.frame(highlight: 2), Self.frame(highlight: 3), Self.frame(highlight: 3),
            Self.frame(highlight: 3, variant: true),
        ]
        let floor = try MinimalCursesFloor.run(frames: frames, size: Self.size)
        #expect(floor.milliseconds.count == 3)
        let (moved, unchanged, everything) = (floor.bytes[0], floor.bytes[1], floor.bytes[2])
        #expect(moved > 0)
        #expect(unchanged < moved / 10)
        #expect(moved * 4 < everything)
    }

    @Test("a frame for the floor keeps every row at full width and marks the rows holding the selection")
    func floorFrame() {
        var screen = Screen(size: Size(rows: 3, columns: 10))
        screen.put("株式", row: 1, column: 0, style: Style(.selection, selected: true))
        screen.put("ab", row: 2, column: 0)
        let frame = MinimalCursesFloor.Frame(screen)
        #expect(frame.rows == ["          ", "株式      ", "ab        "])
        #expect(frame.highlighted == [1])
    }

    @Test("moving the highlight on the workbench sends far less than its first frame; the floor replays its frames")
    func workbenchMovesHighlight() async throws {
        defer {
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        let today = CivilDate(2026, 4, 1)
        let calendar = BusinessCalendar(holidays: JapaneseHolidays())
        let store = InMemoryCaseStore(calendar: calendar)
        await DemoCases.fill(store, count: 120, today: today)
        let configuration = WorkbenchConfiguration(
            today: today, collector: "test", storeDescription: "memory", calendar: calendar, environment: [:])
        let report = try await WorkbenchBenchmark.run(
            store: store, configuration: configuration, size: Self.size, keys: 6)
        #expect(
            report.series.map(\.name) == ["navigate j/k", "page PgDn/PgUp", "open case / back", "type in the note"])
        #expect(report.series.allSatisfy { $0.milliseconds.count == 6 })
        let navigation = try #require(report.series.first)
        #expect(report.navigationFrames.count == 7)
        #expect(report.navigationFrames[1].highlighted != report.navigationFrames[0].highlighted)
        #expect(navigation.bytes.allSatisfy { $0 > 0 && $0 * 3 < report.firstFrameBytes })

        let floor = try MinimalCursesFloor.run(frames: report.navigationFrames, size: Self.size)
        #expect(floor.bytes.count == 6)
        #expect(floor.bytes.allSatisfy { $0 > 0 })
        // The same picture in the theme's colours costs more on the wire than one colour pair.
        let coloured = try MinimalCursesFloor.run(
            frames: report.navigationFrames, size: Self.size, theme: ThemeLibrary.defaultTheme)
        #expect(coloured.bytes.count == 6)
        #expect(coloured.bytes.reduce(0, +) > floor.bytes.reduce(0, +))

        let firstOnly = try await WorkbenchBenchmark.run(
            store: store, configuration: configuration, size: Self.size, keys: 0)
        #expect(firstOnly.series.isEmpty && firstOnly.navigationFrames.isEmpty)
        #expect(firstOnly.firstFrameBytes > 0)
    }
}
