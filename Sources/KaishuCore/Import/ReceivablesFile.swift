import Foundation

/// A receivables file exported by an accounting tool: CSV with a header line, in UTF-8 or
/// CP932, read as a stream of `ImportRecord`s.
///
/// Opening the file reads only its start: the encoding (see `EncodingDetection`) and the
/// header, whose columns are matched by `ReceivablesColumn`. A file that cannot be read, is
/// empty, or lacks a required column is refused at once with an `ImportIssue` at line 0.
/// The rows are then read lazily by `records()`, one chunk of the file in memory at a time,
/// so a 90 MB export costs no more memory than a small one.
///
/// ```swift
/// let file = try ReceivablesFile(path: "売掛金.csv")
/// for result in file.records() {
///     switch result {
///     case .success(let record): …            // record.debtor, record.claim
///     case .failure(let rejected): …          // rejected.issues: every problem of the row
///     }
/// }
/// ```
public struct ReceivablesFile: Sendable {
    public static let defaultChunkSize = CSVReader.defaultChunkSize

    private let source: ByteSource
    private let chunkSize: Int
    /// The encoding the file is read in: the one asked for, or the one detected.
    public let detectedEncoding: Encoding
    /// Things worth telling but not wrong: ignored columns, derived debtor codes.
    public let notices: [String]
    /// The header line's cells as the file writes them (trimmed, NFC).
    public let header: [String]
    /// The physical line of the header (1 unless blank lines come first).
    public let headerLine: Int
    /// Which field of a row holds each recognised column.
    public let columns: [ReceivablesColumn: Int]

    /// Opens the file at `path`; `encoding` forces an encoding instead of detecting it.
    public init(path: String, encoding: Encoding? = nil, chunkSize: Int = ReceivablesFile.defaultChunkSize)
        throws(ImportIssue)
    {
        try self.init(source: .path(path), encoding: encoding, chunkSize: chunkSize)
    }

    /// Reads a file held in memory (tests, small uploads).
    public init(data: Data, encoding: Encoding? = nil, chunkSize: Int = ReceivablesFile.defaultChunkSize)
        throws(ImportIssue)
    {
        try self.init(source: .data(data), encoding: encoding, chunkSize: chunkSize)
    }

    init(source: ByteSource, encoding forced: Encoding?, chunkSize: Int) throws(ImportIssue) {
        self.source = source
        self.chunkSize = chunkSize
        let encoding = try EncodingDetection.detect(source, forced: forced, chunkSize: chunkSize).encoding
        detectedEncoding = encoding

        let reader = try CSVReader(source: source, encoding: encoding, chunkSize: chunkSize)
        var first: CSVRecord?
        var sawSeparatorHint = false
        while let record = try reader.nextRecord() {
            if record.problems.isEmpty && record.fields.allSatisfy({ TextFold.trimmed($0).isEmpty }) { continue }
            // Excel may write `sep=,` above the header to name the separator.
            if !sawSeparatorHint && record.fields == ["sep=", ""] {
                sawSeparatorHint = true
                continue
            }
            first = record
            break
        }
        let required = ReceivablesColumn.allCases.filter(\.isRequired).map(\.displayName)
        guard let first else {
            throw ImportIssue(
                line: 0, column: nil,
                reason:
                    "\(source.name) has no header line: it is empty; the header needs at least \(required.joined(separator: ", "))"
            )
        }
        if let problem = first.problems.first {
            throw ImportIssue(
                line: 0, column: nil, reason: "the header (line \(problem.line)) cannot be read: \(problem.message)")
        }
        headerLine = first.line
        header = first.fields.map { TextFold.nfc(TextFold.trimmed($0)) }

        var columns: [ReceivablesColumn: Int] = [:]
        var notices: [String] = []
        var clashes: [String] = []
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else {
                notices.append("column \(index + 1) has no name and is ignored")
                continue
            }
            guard let column = ReceivablesColumn(header: name) else {
                notices.append("column \(index + 1) '\(name)' is not one Kaishu reads and is ignored")
                continue
            }
            if let earlier = columns[column] {
                clashes.append(
                    "columns \(earlier + 1) '\(header[earlier])' and \(index + 1) '\(name)' both give \(column.displayName)"
                )
                continue
            }
            columns[column] = index
        }
        if !clashes.isEmpty {
            throw ImportIssue(line: 0, column: nil, reason: clashes.joined(separator: "; ") + "; keep one of each")
        }
        let missing = ReceivablesColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.displayName).joined(separator: ", ")
            let has = header.filter { !$0.isEmpty }.joined(separator: ", ")
            throw ImportIssue(
                line: 0, column: nil,
                reason:
                    "the header (line \(first.line)) lacks the required column\(missing.count == 1 ? "" : "s") \(names); it has: \(has)"
            )
        }
        if columns[.code] == nil {
            notices.append(
                "there is no \(ReceivablesColumn.code.displayName) column: each debtor's code is derived from its name (AUTO-…)"
            )
        }
        self.columns = columns
        self.notices = notices
    }

    /// The rows after the header, read lazily: each good row as `.success`, each bad row as
    /// `.failure` with all its issues. Blank rows are skipped. Iterating again reads the file
    /// again from the start. If the file cannot be read further, the last element is a
    /// failure saying so, at the line where reading stopped.
    public func records() -> Records { Records(file: self) }

    /// The rows of a `ReceivablesFile`; see `records()`.
    public struct Records: Sequence, Sendable {
        let file: ReceivablesFile

        public func makeIterator() -> Iterator { Iterator(file: file) }

        /// Reads one row at a time; holds the file open until the end is reached.
        public final class Iterator: IteratorProtocol {
            private let file: ReceivablesFile
            private let rows: ReceivablesRowReader
            private var reader: CSVReader?
            private var done = false

            init(file: ReceivablesFile) {
                self.file = file
                self.rows = ReceivablesRowReader(header: file.header, columns: file.columns)
            }

            public func next() -> Result<ImportRecord, ImportRowError>? {
                guard !done else { return nil }
                do {
                    if reader == nil {
                        reader = try CSVReader(
                            source: file.source, encoding: file.detectedEncoding, chunkSize: file.chunkSize)
                    }
                    while let record = try reader!.nextRecord() {
                        if record.line <= file.headerLine { continue }
                        if let result = rows.read(record) { return result }
                    }
                } catch {
                    finish()
                    return .failure(ImportRowError(line: error.line, issues: [error]))
                }
                finish()
                return nil
            }

            private func finish() {
                done = true
                reader = nil  // closes the file
            }
        }
    }
}
