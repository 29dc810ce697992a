import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu audit corrections ID`: every correction recorded on a case — who made it, when, which
/// event it corrected, what that event originally said, what stands instead, and why. The log
/// keeps both; this is the list an auditor asks for.
struct AuditCorrections: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections",
        abstract: "List a case's corrections: who, when, what was corrected, the original value, why.")

    @Argument(help: "Case id.") var id: Int64
    @Flag(help: "Print CSV (RFC 4180, UTF-8, CRLF) for a spreadsheet.") var csv = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if csv && output.json { throw ValidationError("--csv and --json cannot be combined") }
    }

    func run() async throws {
        try await failing {
            guard store.exists else { throw CommandFailure("\(store.location): there is no case book there") }
            guard let file = try await store.openSQLite().caseFile(id) else { throw CommandFailure("no case \(id)") }
            let entries = CorrectionEntry.entries(in: file)
            if output.json {
                try printJSON(entries)
            } else if csv {
                FileHandle.standardOutput.write(Data(CorrectionEntry.csv(entries).utf8))
            } else if entries.isEmpty {
                print("Case \(id): no corrections.")
            } else {
                for entry in entries {
                    print(
                        "#\(entry.seq) \(entry.recordedAt) by \(entry.actor): corrected #\(entry.corrects) (\(entry.originalKind), \(entry.originalDate))"
                    )
                    print(
                        "    original:  \(entry.original)  [recorded \(entry.originalRecordedAt) by \(entry.originalActor)]"
                    )
                    print("    now:       \(entry.replacement ?? "voided")")
                    print("    reason:    \(entry.reason)")
                }
            }
        }
    }
}

/// One correction, with the event it corrects as it was originally recorded.
struct CorrectionEntry: Encodable, Equatable {
    let seq: Int64
    let recordedAt: String
    let actor: String
    let date: String
    let corrects: Int64
    let originalKind: String
    let originalDate: String
    let originalRecordedAt: String
    let originalActor: String
    let original: String
    let replacement: String?
    let reason: String

    static func entries(in file: CaseFile) -> [CorrectionEntry] {
        let bySeq = Dictionary(file.events.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
        return file.events.compactMap { event in
            guard case .correction(let target, let replacement, let reason) = event.fact else { return nil }
            let original = bySeq[target]
            return CorrectionEntry(
                seq: event.seq, recordedAt: event.recordedAt, actor: event.actor, date: event.date.iso,
                corrects: target, originalKind: original?.fact.kind ?? "unknown",
                originalDate: original?.date.iso ?? "",
                originalRecordedAt: original?.recordedAt ?? "", originalActor: original?.actor ?? "",
                original: original?.fact.summary ?? "event #\(target) is not in this case",
                replacement: replacement?.fact.summary, reason: reason)
        }
    }

    static let csvHeader = [
        "correction", "recorded_at", "actor", "date", "corrects", "original_kind", "original_date",
        "original_recorded_at", "original_actor", "original", "replacement", "reason",
    ]

    static func csv(_ entries: [CorrectionEntry]) -> String {
        func field(_ text: String) -> String {
            let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [csvHeader.joined(separator: ",")]
        for entry in entries {
            lines.append(
                [
                    String(entry.seq), entry.recordedAt, entry.actor, entry.date, String(entry.corrects),
                    entry.originalKind, entry.originalDate, entry.originalRecordedAt, entry.originalActor,
                    entry.original, entry.replacement ?? "", entry.reason,
                ].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
