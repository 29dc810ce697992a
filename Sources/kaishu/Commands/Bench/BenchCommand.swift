import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu bench`: Kaishu's speed as measured facts. Every figure is printed next to a floor
/// measured in the same run, on the same machine and the same data, and the ratio the target
/// of issue 7 is stated in. Run it on a release build (`swift build -c release`); docs/performance.md
/// holds the latest table and how it was made.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure Kaishu against floors measured in the same run (queue, notes, import, audit, workbench; team).",
        subcommands: [BenchRun.self, BenchDrive.self, BenchTeam.self],
        defaultSubcommand: BenchRun.self
    )
}

struct BenchRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the benchmark and print the table (the default).",
        discussion: """
            Generates demo case books of each --sizes (deterministic, seed 1) and receivables files \
            of each --import-rows, in --dir (a temporary folder by default, removed afterwards). \
            An existing book of the right size in --dir is reused.
            """)

    /// The figure groups.
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case queue, notes, `import`, audit, workbench
    }

    @Option(help: "Case book sizes, comma-separated.") var sizes: String = "100000,1000000"
    @Option(help: "Import file sizes in rows, comma-separated.") var importRows: String = "100000,1000000"
    @Option(help: "Queue pages measured per size.") var runs: Int = 2000
    @Option(help: "Note saves measured per size.") var notes: Int = 200
    @Option(help: "Workbench keys measured per scenario and size.") var keys: Int = 1000
    @Flag(help: "Small sizes, few runs: a check that everything works, not a measurement.") var quick = false
    @Option(help: "Sections to run, comma-separated: queue, notes, import, audit, workbench (default: all).")
    var only: String?
    @Option(help: "Working folder (kept). Default: a temporary folder, removed afterwards.") var dir: String?
    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await failing {
            let today = try day.resolve()
            let sizes = try quick ? [2_000, 20_000] : numbers(self.sizes, option: "--sizes")
            let importRows = try quick ? [2_000, 20_000] : numbers(self.importRows, option: "--import-rows")
            let runs = quick ? 300 : self.runs
            let notes = quick ? 30 : self.notes
            let keys = quick ? 100 : self.keys
            guard keys > 0 else { throw CommandFailure("--keys: '\(keys)' is not a positive number") }
            let sections =
                try only.map { text in
                    try text.split(separator: ",").map { name in
                        guard let section = Section(rawValue: String(name)) else {
                            let names = Section.allCases.map(\.rawValue).joined(separator: ", ")
                            throw CommandFailure("--only: '\(name)' is not a section (\(names))")
                        }
                        return section
                    }
                } ?? Section.allCases
            let folder = dir ?? NSTemporaryDirectory() + "kaishu-bench-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }

            var report = BenchReport(machine: BenchMachine.describe(folder: folder), command: CommandLine.arguments)
            let progress =
                output.json
                ? { (_: String) in }
                : { (line: String) in
                    FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
                }
            var queueP50: [(size: Int, kaishu: Double, floor: Double)] = []
            var workbench: [(size: Int, result: WorkbenchBench.Result)] = []
            if !sections.filter({ $0 != .import }).isEmpty {
                for size in sizes {
                    let scale = "\(size.formattedCount) cases"
                    let book = "\(folder)/bench-\(size).sqlite"
                    if !FileManager.default.fileExists(atPath: book) {
                        progress("generating \(scale)…")
                        let (summary, seconds) = try measure {
                            try DemoCasebook.create(at: book, cases: size, seed: 1, today: today, calendar: .japan)
                        }
                        report.info.append(
                            "demo \(scale): \(summary.events) events generated in \(String(format: "%.1f", seconds)) s")
                    }
                    let store = try SQLiteCaseStore(path: book, calendar: .japan)
                    guard try store.caseCount() == size else {
                        throw CommandFailure("\(book) holds another number of cases; remove it or choose another --dir")
                    }
                    let raw = try RawSQLite(path: book)
                    let positions = try QueueBench.samplePositions(raw, count: 500, seed: 11)
                    guard !positions.isEmpty else { throw CommandFailure("the demo book has no open cases") }
                    if sections.contains(.queue) {
                        progress("queue pages at \(scale)…")
                        let result = try await QueueBench(store: store, today: today, runs: runs).run(
                            raw: raw, positions: positions)
                        report.figures += BenchFigure.percentiles(
                            "queue page, 50 rows decoded", scale: scale, unit: .microseconds, kaishu: result.kaishu,
                            floor: result.floor, floorName: "same keyset SQL, SQLite C API", targets: (2, 3),
                            note: "\(result.kaishu.count) pages at \(result.positions) random positions")
                        queueP50.append((size, result.kaishu.percentile(50), result.floor.percentile(50)))
                    }
                    if sections.contains(.workbench) {
                        progress("workbench keys at \(scale)…")
                        let result = try await WorkbenchBench(book: book, today: today, keys: keys).run()
                        report.figures += WorkbenchBench.figures(result, scale: scale)
                        workbench.append((size, result))
                    }
                    if sections.contains(.notes) {
                        progress("note saves at \(scale)…")
                        let ids = positions.map(\.id)
                        let result = try await NoteBench(store: store, today: today, runs: notes, folder: folder).run(
                            caseIDs: ids)
                        report.figures += BenchFigure.percentiles(
                            "note save, committed at FULL", scale: scale, unit: .milliseconds, kaishu: result.kaishu,
                            floor: result.floor, floorName: "1-row INSERT+COMMIT, WAL, FULL", targets: (1.3, 2),
                            note: "\(result.kaishu.count) notes")
                        if let one = try NoteBench.countSyncs(book: book, notes: 1, today: today),
                            let many = try NoteBench.countSyncs(book: book, notes: 41, today: today),
                            many.saved > one.saved
                        {
                            let saved = Double(many.saved - one.saved)
                            report.figures.append(
                                BenchFigure(
                                    metric: "WAL fsyncs per note", scale: scale, unit: .count,
                                    kaishu: Double(many.wal - one.wal) / saved, floor: nil,
                                    floorName: "strace -f -e fsync,fdatasync", target: 1,
                                    note:
                                        "(\(many.saved) notes − \(one.saved)) in one process each; database-file syncs per note: "
                                        + String(format: "%.2f", Double(many.database - one.database) / saved)))
                        } else {
                            report.info.append("fsyncs per note not counted: strace is not available")
                        }
                    }
                    if sections.contains(.audit) {
                        progress("audit verification at \(scale)…")
                        let input = "\(folder)/audit-input-\(size).bin"
                        defer { unlink(input) }
                        let bytes = try store.writeAuditHashInput(to: input)
                        var kaishu = Samples()
                        var floor = Samples()
                        // Three runs (the median) on books up to 200,000 cases; one on larger ones.
                        let audits = size <= 200_000 ? 3 : 1
                        for _ in 0..<audits {
                            let (result, seconds) = try measure { try store.verifyAudit() }
                            guard result.isIntact else {
                                throw CommandFailure("the benchmark book does not verify: \(result.problem!)")
                            }
                            kaishu.add(seconds)
                            floor.add(try ChildRun.checked(["sha256sum", input]).seconds)
                        }
                        report.figures.append(
                            BenchFigure(
                                metric: "audit verify, whole log\(audits == 3 ? " (median of 3)" : "")", scale: scale,
                                unit: .seconds,
                                kaishu: kaishu.percentile(50), floor: floor.percentile(50),
                                floorName: "sha256sum over the same bytes", target: 3,
                                note: "\(try store.auditHead().count) events, \(bytes / 1_000_000) MB hashed"))
                    }
                }
            }
            if queueP50.count >= 2, let small = queueP50.first, let large = queueP50.last, large.size > small.size {
                report.figures.append(
                    BenchFigure(
                        metric: "queue page p50, larger ÷ smaller book",
                        scale: "\(large.size.formattedCount) ÷ \(small.size.formattedCount)",
                        unit: .ratio, kaishu: large.kaishu / small.kaishu, floor: nil, floorName: "(absolute)",
                        target: 1.5,
                        note: "the floor's own ratio: \(String(format: "%.2f", large.floor / small.floor))"))
            }
            if workbench.count >= 2, let small = workbench.first, let large = workbench.last, large.size > small.size {
                report.figures += WorkbenchBench.scaleFigures(small: small, large: large)
            }
            if sections.contains(.import) {
                let bench = ImportBench(folder: folder, today: today)
                for cp932 in [false, true] {
                    let encoding = cp932 ? "CP932" : "UTF-8"
                    let tiny = "\(folder)/import-10-\(encoding).csv"
                    try ImportBench.writeCSV(rows: 10, cp932: cp932, to: tiny)
                    let baseline = try bench.kaishuImport(tiny, cp932: cp932, name: "baseline")
                    unlink(tiny)
                    for rows in importRows {
                        let scale = "\(rows.formattedCount) rows \(encoding)"
                        progress("import \(scale)…")
                        let csv = "\(folder)/import-\(rows)-\(encoding).csv"
                        try ImportBench.writeCSV(rows: rows, cp932: cp932, to: csv)
                        defer { unlink(csv) }
                        let size = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
                        let kaishu = try bench.kaishuImport(csv, cp932: cp932, name: "import-\(rows)")
                        let floor = try bench.floorImport(csv, cp932: cp932, name: "import-\(rows)")
                        let floorSeconds = floor.sqlite.seconds + (floor.iconv?.seconds ?? 0)
                        report.figures.append(
                            BenchFigure(
                                metric: "CSV import, validated, events, indexes", scale: scale, unit: .seconds,
                                kaishu: kaishu.seconds, floor: floorSeconds,
                                floorName: cp932
                                    ? "iconv + sqlite3 .import + 10 indexes" : "sqlite3 .import + 10 indexes",
                                target: 2, note: "\(size / 1_000_000) MB file"))
                        report.figures.append(
                            BenchFigure(
                                metric: "import peak RSS above baseline", scale: scale, unit: .megabytes,
                                kaishu: kaishu.peakMB - baseline.peakMB, floor: nil, floorName: "(absolute)",
                                target: 64,
                                note: String(
                                    format:
                                        "peak %.0f MB, baseline (10-row import) %.0f MB; sqlite3 .import peak %.0f MB",
                                    kaishu.peakMB, baseline.peakMB, floor.sqlite.peakMB)))
                    }
                }
            }
            try report.emit(json: output.json)
        }
    }

    private func numbers(_ text: String, option: String) throws -> [Int] {
        try text.split(separator: ",").map {
            guard let value = Int($0.replacingOccurrences(of: "_", with: "")), value > 0 else {
                throw CommandFailure("\(option): '\($0)' is not a positive number")
            }
            return value
        }
    }
}

/// Everything one run measured.
struct BenchReport: Encodable {
    var machine: String
    var command: [String]
    var figures: [BenchFigure] = []
    var info: [String] = []

    /// Prints the report: JSON for machines, else the machine, the table, each figure's note and
    /// the remarks.
    func emit(json: Bool) throws {
        if json { return try printJSON(self) }
        print(machine)
        print("")
        print(benchTable(figures))
        print("")
        for figure in figures {
            if let note = figure.note { print("- \(figure.metric), \(figure.scale): \(note)") }
        }
        for line in info { print("- \(line)") }
    }
}

/// Which machine the figures come from: CPU, cores, memory, the filesystem under the work folder,
/// SQLite's version, and whether this is a release build.
enum BenchMachine {
    static func describe(folder: String) -> String {
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let cpu =
            read("/proc/cpuinfo").split(separator: "\n")
            .first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces)
            ?? "unknown CPU"
        let memory =
            read("/proc/meminfo").split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }.map { "\($0 / 1_048_576) GB" }
            ?? "?"
        let filesystem =
            (try? ChildRun.run(["df", "-T", folder]).output.split(separator: "\n").last
                .map { $0.split(separator: " ", omittingEmptySubsequences: true) }.map { "\($0[1]) on \($0[0])" })
            ?? nil
        #if DEBUG
            let build = "DEBUG build (figures are not representative; use swift build -c release)"
        #else
            let build = "release build"
        #endif
        let sqlite = (try? RawSQLite(path: ":memory:", create: true).scalarText("SELECT sqlite_version()")) ?? nil
        return "Machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) RAM; "
            + "\(filesystem ?? "unknown filesystem"); SQLite \(sqlite ?? "?"); \(build)."
    }
}

extension Int {
    /// `1000000` → `1,000,000`.
    var formattedCount: String { ImportBench.grouped(self) }
}
