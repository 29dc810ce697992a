import ArgumentParser
import Foundation
import KaishuCore
import KaishuCurses
import KaishuTUI

/// Keystroke → frame on the workbench (issues 3 and 7): the real update → view → ncurses path
/// (`WorkbenchBenchmark`) on one case book, against a minimal ncurses program drawing the same
/// change (`MinimalCursesFloor`).
///
/// The case book is opened as `kaishu` opens it for the workbench (`StoreOptions.open()`: the
/// configured calendar, the SQLite store), inside the first-frame clock. The first frame is taken
/// twice, each time with a new store, terminal and runtime: the first launch in the process pays
/// one-time costs (terminfo, theme, Swift metadata, SQLite's schema); the second is the warm
/// first frame issue 3's 100 ms target is about. Process start itself is not included.
struct WorkbenchBench {
    let book: String
    let today: CivilDate
    /// Keys measured per scenario.
    let keys: Int
    let size = Size(rows: 24, columns: 80)

    struct Result {
        var firstLaunch: WorkbenchBenchmark.Report
        var warm: WorkbenchBenchmark.Report
        var floor: WorkbenchBenchmark.Series
        /// The minimal program drawing the same cells in the workbench's colours.
        var colouredFloor: WorkbenchBenchmark.Series

        var navigation: WorkbenchBenchmark.Series? { warm.series.first { $0.name == "navigate j/k" } }
    }

    func run() async throws -> Result {
        let options = try StoreOptions.parse(["--store", book])
        let config = try KaishuConfig.resolved()
        let configuration = WorkbenchConfiguration(
            today: today, collector: try CollectorOption.parse([]).resolved,
            storeDescription: options.location.description, themeName: config.theme, color: .always,
            calendar: config.calendar)
        let firstLaunch = try await WorkbenchBenchmark.run(
            opening: { try options.open() }, configuration: configuration, size: size, keys: 0)
        let warm = try await WorkbenchBenchmark.run(
            opening: { try options.open() }, configuration: configuration, size: size, keys: keys)
        let floor = try MinimalCursesFloor.run(frames: warm.navigationFrames, size: size)
        let theme = try ThemeLibrary.load(config.theme, environment: configuration.environment)
        let coloured = try MinimalCursesFloor.run(frames: warm.navigationFrames, size: size, theme: theme)
        return Result(firstLaunch: firstLaunch, warm: warm, floor: floor, colouredFloor: coloured)
    }

    /// The table rows for one book.
    static func figures(_ result: Result, scale: String) -> [BenchFigure] {
        var figures: [BenchFigure] = []
        let floorName = "minimal ncurses, same change"
        for series in result.warm.series {
            let isNavigation = series.name == "navigate j/k"
            for (label, p) in [("p50", 50.0), ("p99", 99.0), ("max", 100.0)] {
                figures.append(
                    BenchFigure(
                        metric: "keystroke → frame, \(series.name), \(label)", scale: scale, unit: .milliseconds,
                        kaishu: series.percentile(p), floor: isNavigation ? result.floor.percentile(p) : nil,
                        floorName: isNavigation ? floorName : "(absolute)", target: p == 99 ? 2 : nil,
                        note: series.name == "open case / back"
                            ? "\(series.milliseconds.count) keys, 80×24, until the case file is loaded and drawn"
                            : "\(series.milliseconds.count) keys, 80×24, the frame drawn for the key",
                        absolute: true))
            }
            if series.settledMilliseconds != series.milliseconds {
                figures.append(
                    BenchFigure(
                        metric: "key → its prefetches loaded and drawn, \(series.name), p99", scale: scale,
                        unit: .milliseconds, kaishu: series.settledPercentile(99), floor: nil,
                        floorName: "(absolute)", target: nil,
                        note: "not what the collector waits for; the screen changed after the load on "
                            + "\(series.changedAfterLoad) of \(series.milliseconds.count) keys",
                        absolute: true))
            }
            if isNavigation {
                figures.append(
                    BenchFigure(
                        metric: "bytes written per navigation key (mean)", scale: scale, unit: .bytes,
                        kaishu: mean(series.bytes), floor: mean(result.floor.bytes), floorName: floorName,
                        target: 1.5,
                        note: "max per key: Kaishu \(series.bytes.max() ?? 0), floor \(result.floor.bytes.max() ?? 0)"))
                figures.append(
                    BenchFigure(
                        metric: "bytes written per navigation key (mean)", scale: scale, unit: .bytes,
                        kaishu: mean(series.bytes), floor: mean(result.colouredFloor.bytes),
                        floorName: "minimal ncurses, same cells and colours", target: 1.5,
                        note: "the same change as the same picture: the theme's colours per style run"))
            }
        }
        figures.append(
            BenchFigure(
                metric: "first frame with the queue, first launch in the process", scale: scale, unit: .milliseconds,
                kaishu: result.firstLaunch.firstFrameMilliseconds, floor: nil, floorName: "(absolute)", target: nil,
                note: "includes one-time terminfo, theme and schema loading; complete with the counts: "
                    + String(format: "%.1f ms", result.firstLaunch.completeFrameMilliseconds)))
        figures.append(
            BenchFigure(
                metric: "first frame with the queue, warm (second launch)", scale: scale, unit: .milliseconds,
                kaishu: result.warm.firstFrameMilliseconds, floor: nil, floorName: "(absolute)", target: 100,
                note: "open the case book, start ncurses, load the first queue page, draw"))
        figures.append(
            BenchFigure(
                metric: "first screen complete with status counts, warm", scale: scale, unit: .milliseconds,
                kaishu: result.warm.completeFrameMilliseconds, floor: nil, floorName: "(absolute)", target: 100,
                note: "as above, until the status line's four counts are in too; "
                    + "\(result.warm.firstFrameBytes) bytes written"))
        return figures
    }

    /// Larger book ÷ smaller book, for "independent of the number of cases".
    static func scaleFigures(small: (size: Int, result: Result), large: (size: Int, result: Result)) -> [BenchFigure] {
        let scale = "\(large.size.formattedCount) ÷ \(small.size.formattedCount)"
        var figures: [BenchFigure] = []
        if let smallNav = small.result.navigation, let largeNav = large.result.navigation {
            figures.append(
                BenchFigure(
                    metric: "navigation key p99, larger ÷ smaller book", scale: scale, unit: .ratio,
                    kaishu: largeNav.percentile(99) / smallNav.percentile(99), floor: nil, floorName: "(absolute)",
                    target: 1.5,
                    note: String(
                        format: "the floor's own ratio: %.2f",
                        large.result.floor.percentile(99) / small.result.floor.percentile(99))))
        }
        figures.append(
            BenchFigure(
                metric: "first frame with the queue (warm), larger ÷ smaller book", scale: scale, unit: .ratio,
                kaishu: large.result.warm.firstFrameMilliseconds / small.result.warm.firstFrameMilliseconds,
                floor: nil, floorName: "(absolute)", target: 1.5))
        figures.append(
            BenchFigure(
                metric: "first screen complete (warm), larger ÷ smaller book", scale: scale, unit: .ratio,
                kaishu: large.result.warm.completeFrameMilliseconds / small.result.warm.completeFrameMilliseconds,
                floor: nil, floorName: "(absolute)", target: 1.5))
        return figures
    }

    private static func mean(_ values: [Int]) -> Double {
        values.isEmpty ? .nan : Double(values.reduce(0, +)) / Double(values.count)
    }
}
