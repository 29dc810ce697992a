import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu import FILE`: the accounting export of unpaid invoices into the case book.
/// All or nothing unless `--skip-bad`; see docs/import.md.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import unpaid invoices from a CSV export (UTF-8 or CP932): every row, or nothing.",
        discussion: "Column names, formats and every message are in docs/import.md."
    )

    @Argument(help: "The CSV file (弥生, freee, Money Forward or Kaishu's own columns).")
    var file: String
    @Option(help: "Read the file as utf8 or cp932 instead of detecting it.")
    var encoding: String?
    @Flag(help: "Check the whole file and report what would be imported; change nothing.")
    var dryRun = false
    @Flag(help: "Import the good rows and list the rejected ones (exit status 1 if any).")
    var skipBad = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var collector: CollectorOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if dryRun && skipBad { throw ValidationError("--dry-run and --skip-bad cannot be combined") }
        if let encoding, ReceivablesFile.Encoding(name: encoding) == nil {
            throw ValidationError("--encoding: '\(encoding)' is not an encoding Kaishu reads; use utf8 or cp932")
        }
    }

    func run() async throws {
        try await failing {
            let forced = encoding.flatMap { ReceivablesFile.Encoding(name: $0) }
            let receivables: ReceivablesFile
            do {
                receivables = try ReceivablesFile(path: file, encoding: forced)
            } catch {
                throw CommandFailure("\(file): \(error)")
            }
            let caseStore = try store.openSQLite()
            let today = try day.resolve()
            let mode: ImportMode = dryRun ? .dryRun : skipBad ? .skipBad : .allOrNothing
            let context = WriteContext(
                actor: collector.resolved, recordedAt: Clock.timestamp(), today: today,
                idempotencyKey: "import-" + UUID().uuidString)
            let source = (file as NSString).lastPathComponent
            let report = try caseStore.importReceivables(
                receivables.records(), mode: mode, source: source, context: context)
            let result = ImportResultJSON(
                report, file: file, encoding: receivables.detectedEncoding, notices: receivables.notices, mode: mode)
            if output.json {
                try printJSON(result)
            } else {
                result.printText()
            }
            if !report.rejected.isEmpty { throw ExitCode(1) }
        }
    }
}

/// What an import reports, for people and for scripts (`--json`).
struct ImportResultJSON: Encodable {
    struct Rejection: Encodable {
        let line: Int
        let column: String?
        let reason: String
        let message: String
    }

    let file: String
    let encoding: String
    let mode: String
    let committed: Bool
    let rowsRead: Int
    let casesOpened: Int
    let claimsAdded: Int
    let duplicatesSkipped: Int
    let casesReopened: Int
    let rejected: [Rejection]
    let notices: [String]

    init(
        _ report: ImportReport, file: String, encoding: ReceivablesFile.Encoding, notices: [String],
        mode: ImportMode
    ) {
        self.file = file
        self.encoding = encoding.rawValue
        self.mode = mode.rawValue
        self.notices = notices
        committed = report.committed
        rowsRead = report.rowsRead
        casesOpened = report.casesOpened
        claimsAdded = report.claimsAdded
        duplicatesSkipped = report.duplicatesSkipped
        casesReopened = report.casesReopened
        rejected = report.rejected.flatMap { row in
            row.issues.map {
                Rejection(line: $0.line, column: $0.column, reason: $0.reason, message: $0.description)
            }
        }
    }

    func printText() {
        for notice in notices { print("note: \(notice)") }
        for rejection in rejected {
            FileHandle.standardError.write(Data((rejection.message + "\n").utf8))
        }
        let what =
            "\(casesOpened) new case(s), \(claimsAdded) invoice(s) added, "
            + "\(duplicatesSkipped) already in the case book, \(casesReopened) closed case(s) reopened"
        let rows = "\(rowsRead) row(s) read from \(file) (\(encoding))"
        switch (mode, committed) {
        case ("dryRun", _):
            print("Dry run — nothing changed. \(rows); would import: \(what).")
            if !rejected.isEmpty { print("\(rejected.count) problem(s) listed above would stop the import.") }
        case (_, true):
            print("Imported. \(rows): \(what).")
            if !rejected.isEmpty { print("\(rejected.count) problem(s) listed above: those rows were skipped.") }
        default:
            print("Nothing imported: \(rejected.count) problem(s) listed above. Fix them, or use --skip-bad.")
        }
    }
}
