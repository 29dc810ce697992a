@preconcurrency internal import CNcursesw
import Foundation
import Glibc
import KaishuCore
import KaishuTUI

/// Keystroke-to-frame timings of the real update → view → ncurses path, and the bytes ncurses
/// sends per keystroke, without a terminal: ncurses draws into a temporary file (`newterm` with
/// `TERM=xterm-256color`, a fixed window size), keys are fed straight to the runtime. A key's
/// time runs to the frame the collector sees for it: after the case file for Enter on a case, at
/// once for keys that only prefetch the next queue page (their loads are awaited afterwards, timed
/// separately as `settledMilliseconds`, and any change they make to the screen is counted).
///
/// It measures the app's slice of the latency (issue 7's targets: p99 ≤ 2 ms per navigation
/// key, first frame ≤ 100 ms warm); run it on a release build. The store is any `CaseStore`,
/// so the same harness runs over the SQLite case book.
public enum WorkbenchBenchmark {
    /// One measured scenario.
    public struct Series: Sendable, CustomStringConvertible {
        public var name: String
        /// Milliseconds per key, sorted: from the key to the frame the collector sees for it.
        /// For keys whose frame needs the store (opening a case) that is after the load; for
        /// keys that only start a prefetch (the next queue page), the frame drawn at once.
        public var milliseconds: [Double]
        /// Bytes ncurses wrote per key, the frames drawn when its loads arrived included.
        public var bytes: [Int]
        /// Milliseconds per key until every store load it started was done and drawn, sorted.
        /// Equal to `milliseconds` for keys that start none or whose frame waits for them.
        public var settledMilliseconds: [Double] = []
        /// Keys whose screen changed again when their loads arrived, after the timed frame: 0
        /// means the timed frame was the final picture every time.
        public var changedAfterLoad = 0

        public init(name: String, milliseconds: [Double], bytes: [Int]) {
            self.name = name
            self.milliseconds = milliseconds
            self.bytes = bytes
        }

        public func settledPercentile(_ p: Double) -> Double {
            Series.percentile(p, of: settledMilliseconds.isEmpty ? milliseconds : settledMilliseconds)
        }

        static func percentile(_ p: Double, of sorted: [Double]) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
            return sorted[max(0, index)]
        }

        public func percentile(_ p: Double) -> Double { Series.percentile(p, of: milliseconds) }

        public var description: String {
            let meanBytes = bytes.isEmpty ? 0 : bytes.reduce(0, +) / bytes.count
            let label = name.padding(toLength: 18, withPad: " ", startingAt: 0)
            return label
                + String(
                    format: " n=%5d  p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  bytes/key %6d",
                    milliseconds.count, percentile(50), percentile(99), milliseconds.last ?? 0, meanBytes)
                + String(
                    format: "  loads done p99 %7.3f ms  changed after load %d", settledPercentile(99),
                    changedAfterLoad)
        }
    }

    public struct Report: Sendable, CustomStringConvertible {
        /// From start to the first frame showing the loaded queue (its rows, or the message that
        /// there are none). With `run(opening:)` the clock starts before the case book is opened,
        /// so it covers the launch minus process start.
        public var firstFrameMilliseconds: Double
        /// From start until every start-up load is in and drawn: the queue and the status line's
        /// counts, which arrive separately and may come later than the rows.
        public var completeFrameMilliseconds: Double = 0
        /// Everything the terminal received up to the complete first screen.
        public var firstFrameBytes: Int
        public var series: [Series]
        /// What the screen showed before the first navigation key and after each one (recorded
        /// outside the timed window): the change a minimal ncurses program redraws for the floor
        /// (`MinimalCursesFloor`). Empty when no keys were measured.
        public var navigationFrames: [MinimalCursesFloor.Frame] = []

        public var description: String {
            String(
                format: "first frame        %.3f ms (complete %.3f ms), %d bytes\n", firstFrameMilliseconds,
                completeFrameMilliseconds, firstFrameBytes)
                + series.map(\.description).joined(separator: "\n")
        }
    }

    /// Runs the scenarios: moving down and up, paging, opening a case and going back, typing a
    /// note. `keys` is the number of measured keys per scenario; 0 measures the first frame only.
    public static func run(
        store: any CaseStore, configuration: WorkbenchConfiguration, size: Size = Size(rows: 24, columns: 80),
        keys: Int = 1000
    ) async throws -> Report {
        try await run(opening: { store }, configuration: configuration, size: size, keys: keys)
    }

    /// The same, opening the case book inside the first-frame clock: `open` runs after the clock
    /// starts, as a launch opens its store before it can draw.
    public static func run(
        opening open: () throws -> any CaseStore, configuration: WorkbenchConfiguration,
        size: Size = Size(rows: 24, columns: 80), keys: Int = 1000
    ) async throws -> Report {
        let capture = try CaptureTerminal(size: size, name: "bench")
        defer { capture.close() }
        let start = DispatchTime.now().uptimeNanoseconds
        let store = try open()
        let theme = try ThemeLibrary.load(configuration.themeName, environment: configuration.environment)
        let terminal = try CursesTerminal(
            theme: theme, wantsColor: true, input: capture.input, output: capture.output, installSignalHandlers: false)
        defer { terminal.close() }
        let session = SessionConfig(
            today: configuration.today, collector: configuration.collector,
            storeLabel: configuration.storeDescription, sessionID: configuration.sessionID,
            pageSize: configuration.pageSize)
        // Drafts on, as in the workbench, into a throwaway folder: typing pays for keeping them.
        let draftFolder = URL(fileURLWithPath: NSTemporaryDirectory() + "kaishu-bench-drafts-\(getpid())")
        defer { try? FileManager.default.removeItem(at: draftFolder) }
        let drafts = configuration.drafts ?? DraftStore(folder: draftFolder)
        let runtime = Runtime(
            state: AppState(config: session, size: terminal.size), terminal: terminal, store: store,
            calendar: configuration.calendar, timestamp: { "2000-01-01T00:00:00+09:00" }, drafts: drafts)
        defer { drafts.flush() }

        func written() -> Int { capture.written() }
        func settle() async {
            while true {
                await runtime.runner.waitUntilIdle()
                if !runtime.step(timeout: 0) && runtime.runner.pendingCount == 0 { return }
            }
        }
        var frames: [MinimalCursesFloor.Frame] = []
        /// `waitForLoads`: the key's frame is the one drawn after its store loads (a case opening
        /// shows "Loading…" until then). Otherwise the frame drawn at once is the key's frame, as
        /// the collector sees it; the loads it started (a prefetched queue page) are then awaited
        /// and drawn outside that time, counted in `settledMilliseconds` and `changedAfterLoad`.
        func measure(
            _ name: String, recording: Bool = false, waitForLoads: Bool = false, _ keysFor: (Int) -> [Key]
        ) async -> Series {
            var times: [Double] = []
            var settledTimes: [Double] = []
            var changed = 0
            var bytes: [Int] = []
            if recording { frames = [MinimalCursesFloor.Frame(view(runtime.state, keys: runtime.keys))] }
            for index in 0..<keys {
                for key in keysFor(index) {
                    let before = written()
                    let start = DispatchTime.now().uptimeNanoseconds
                    // As the loop does: the frame for the key at once, then one per load that arrives.
                    runtime.dispatch(.input(.key(key)))
                    runtime.draw()
                    if waitForLoads && runtime.runner.pendingCount > 0 { await settle() }
                    let end = DispatchTime.now().uptimeNanoseconds
                    times.append(Double(end - start) / 1_000_000)
                    if !waitForLoads && runtime.runner.pendingCount > 0 {
                        let shown = view(runtime.state, keys: runtime.keys)
                        await settle()
                        if view(runtime.state, keys: runtime.keys) != shown { changed += 1 }
                        settledTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                    } else {
                        settledTimes.append(Double(end - start) / 1_000_000)
                    }
                    bytes.append(written() - before)
                    if recording { frames.append(MinimalCursesFloor.Frame(view(runtime.state, keys: runtime.keys))) }
                }
            }
            var series = Series(name: name, milliseconds: times.sorted(), bytes: bytes)
            series.settledMilliseconds = settledTimes.sorted()
            series.changedAfterLoad = changed
            return series
        }

        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        runtime.start()
        // Turn the loop as the workbench does (each turn draws what arrived) until a frame shows
        // the queue, then until the rest of the start-up loads are in.
        func queueShown() -> Bool {
            let queue = runtime.state.queue
            return queue.reload == nil && (queue.loaded || queue.error != nil)
        }
        var shownAt: Double?
        while shownAt == nil && elapsed() < 60_000 {
            if !runtime.step(timeout: 0) {
                // A suspension, not a blocking sleep: the loads run on the same executor.
                try? await Task.sleep(nanoseconds: 100_000)
            } else if queueShown() {
                shownAt = elapsed()
            }
        }
        await settle()
        let completeFrame = elapsed()
        let firstFrame = shownAt ?? completeFrame
        // Everything the terminal received up to the complete first screen (the file starts empty).
        let firstBytes = written()
        guard keys > 0 else {
            return Report(
                firstFrameMilliseconds: firstFrame, completeFrameMilliseconds: completeFrame,
                firstFrameBytes: firstBytes, series: [])
        }

        var series: [Series] = []
        series.append(
            await measure("navigate j/k", recording: true) { index in
                [(index / 40) % 2 == 0 ? .char("j") : .char("k")]
            })
        series.append(await measure("page PgDn/PgUp") { index in [(index / 10) % 2 == 0 ? .pageDown : .pageUp] })
        series.append(
            await measure("open case / back", waitForLoads: true) { index in [index % 2 == 0 ? .enter : .escape] })
        runtime.dispatch(.input(.key(.char("c"))))
        runtime.dispatch(.input(.key(.char("1"))))
        series.append(
            await measure("type in the note") { index in
                let text = Array("入金予定の確認をしました")
                return [index % 30 == 29 ? .ctrl("u") : .char(text[index % text.count])]
            })
        runtime.dispatch(.input(.key(.escape)))
        return Report(
            firstFrameMilliseconds: firstFrame, completeFrameMilliseconds: completeFrame, firstFrameBytes: firstBytes,
            series: series, navigationFrames: frames)
    }
}
