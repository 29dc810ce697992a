/// An RFC 4180 CSV parser that is fed UTF-8 bytes in pieces of any size.
///
/// It is a state machine: the quote state, the field being read and the line count carry
/// over from one `feed` to the next, so a file can be read in chunks with memory that does
/// not grow with the file — a quoted field may hold commas, doubled quotes and line breaks
/// and still be split anywhere between two chunks.
///
/// What it reads:
/// - fields separated by `,`, records by CRLF, LF or a lone CR;
/// - a field that starts with `"` is quoted: it ends at the next `"` not doubled, and may
///   contain `,`, `""` (one quote) and line breaks, kept as they are;
/// - an empty line is a record with no fields (as Python's `csv` reads it).
///
/// Departures from the format are recorded as `CSVProblem`s on the record, and reading
/// continues the way Python's `csv` does (a stray quote is kept as text, text after a
/// closing quote is appended), so every bad row of a file can be reported at once.
///
/// Line numbers are physical lines, counting CRLF, LF and CR as one break each, including
/// breaks inside quoted fields. Columns in problems are 1-based Unicode scalar positions.
public struct CSVParser: Sendable {
    /// Longer fields are cut and reported: without a limit one missing closing quote would
    /// make the rest of a 90 MB file a single field held in memory.
    public static let defaultMaxFieldBytes = 8 << 20
    /// More fields in one record are dropped and reported, for the same reason.
    public static let defaultMaxFields = 10_000

    public let maxFieldBytes: Int
    public let maxFields: Int

    private enum State: Sendable { case fieldStart, unquoted, quoted, afterQuote }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private var state = State.fieldStart
    /// The current physical line.
    public private(set) var line = 1
    private var recordLine = 1
    private var recordHasContent = false
    private var fields: [String] = []
    private var fieldBytes: [UInt8] = []
    private var fieldOverflow = false
    private var fieldsOverflow = false
    private var problems: [CSVProblem] = []
    /// The previous feed ended with a CR: an LF first in this feed completes that break.
    private var pendingCR = false
    private var quoteLine = 0
    private var quoteColumn = 0
    /// Scalars of the current line that arrived in earlier feeds.
    private var carriedColumns = 0

    // Per-feed positions (valid during one `feed`).
    private var segmentStart = 0
    private var closedSegment: Range<Int>? = nil
    private var columnIndex = 0
    private var columnValue = 1

    public init(maxFieldBytes: Int = CSVParser.defaultMaxFieldBytes, maxFields: Int = CSVParser.defaultMaxFields) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
    }

    /// Parses a whole text at once (tests, small inputs).
    public static func records(in text: String) -> [CSVRecord] {
        var parser = CSVParser()
        var records: [CSVRecord] = []
        parser.feed(Array(text.utf8), into: &records)
        parser.finish(into: &records)
        return records
    }

    /// Feeds the next bytes of the file; completed records are appended to `records`.
    public mutating func feed(_ bytes: [UInt8], into records: inout [CSVRecord]) {
        bytes.withUnsafeBufferPointer { feed($0, into: &records) }
    }

    /// Feeds the next bytes of the file; completed records are appended to `records`.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [CSVRecord]) {
        let n = bytes.count
        var i = 0
        segmentStart = 0
        closedSegment = nil
        columnIndex = 0
        columnValue = carriedColumns + 1
        if pendingCR {
            pendingCR = false
            if n > 0 && bytes[0] == Self.lf {
                // The LF of a CRLF whose CR ended the previous feed: already counted. Inside a
                // quoted field it is still content (the segment starts at 0 and keeps it).
                i = 1
                startLine(at: 1)
            }
        }

        while i < n {
            switch state {
            case .fieldStart:
                let byte = bytes[i]
                if byte == Self.quote {
                    recordHasContent = true
                    quoteLine = line
                    quoteColumn = column(at: i, in: bytes)
                    state = .quoted
                    i += 1
                    segmentStart = i
                } else if byte == Self.comma {
                    recordHasContent = true
                    endField(bytes, segment: nil)
                    i += 1
                } else if byte == Self.cr || byte == Self.lf {
                    if recordHasContent { endField(bytes, segment: nil) }
                    endRecord(into: &records)
                    i = lineBreak(at: i, in: bytes)
                } else {
                    recordHasContent = true
                    state = .unquoted
                    segmentStart = i
                    i += 1
                }

            case .unquoted:
                while i < n {
                    let byte = bytes[i]
                    if byte == Self.comma || byte == Self.quote || byte == Self.cr || byte == Self.lf { break }
                    i += 1
                }
                guard i < n else { break }
                let byte = bytes[i]
                if byte == Self.quote {
                    problems.append(
                        CSVProblem(line: line, column: column(at: i, in: bytes), field: fields.count, kind: .strayQuote)
                    )
                    i += 1  // kept as text: the segment goes on
                    continue
                }
                endField(bytes, segment: segmentStart..<i)
                state = .fieldStart
                if byte == Self.comma {
                    i += 1
                } else {
                    endRecord(into: &records)
                    i = lineBreak(at: i, in: bytes)
                }

            case .quoted:
                while i < n {
                    let byte = bytes[i]
                    if byte == Self.quote { break }
                    if byte == Self.lf {
                        line += 1
                        startLine(at: i + 1)
                    } else if byte == Self.cr {
                        line += 1
                        if i + 1 < n {
                            if bytes[i + 1] == Self.lf { i += 1 }
                        } else {
                            pendingCR = true
                        }
                        startLine(at: i + 1)
                    }
                    i += 1
                }
                guard i < n else { break }
                closedSegment = segmentStart..<i
                state = .afterQuote
                i += 1

            case .afterQuote:
                let byte = bytes[i]
                if byte == Self.quote {
                    // A doubled quote: one quote character, and the field goes on.
                    if let closed = closedSegment { append(bytes, closed) }
                    closedSegment = nil
                    append(quote: ())
                    state = .quoted
                    i += 1
                    segmentStart = i
                } else if byte == Self.comma || byte == Self.cr || byte == Self.lf {
                    endField(bytes, segment: closedSegment)
                    closedSegment = nil
                    state = .fieldStart
                    if byte == Self.comma {
                        i += 1
                    } else {
                        endRecord(into: &records)
                        i = lineBreak(at: i, in: bytes)
                    }
                } else {
                    problems.append(
                        CSVProblem(
                            line: line, column: column(at: i, in: bytes), field: fields.count,
                            kind: .textAfterClosingQuote))
                    if let closed = closedSegment { append(bytes, closed) }
                    closedSegment = nil
                    state = .unquoted
                    segmentStart = i
                    i += 1
                }
            }
        }

        // Keep what the open field has read so far; the buffer is gone after this call.
        switch state {
        case .unquoted, .quoted: append(bytes, segmentStart..<n)
        case .afterQuote: if let closed = closedSegment { append(bytes, closed) }
        case .fieldStart: break
        }
        closedSegment = nil
        carriedColumns = column(at: n, in: bytes) - 1
    }

    /// Ends the input: the last record (if the file does not end with a line break) and an
    /// unterminated quoted field are delivered now.
    public mutating func finish(into records: inout [CSVRecord]) {
        switch state {
        case .quoted:
            problems.append(
                CSVProblem(line: quoteLine, column: quoteColumn, field: fields.count, kind: .unterminatedQuote))
            endField(nil, segment: nil)
            endRecord(into: &records)
        case .unquoted, .afterQuote:
            endField(nil, segment: nil)
            endRecord(into: &records)
        case .fieldStart:
            if recordHasContent {
                endField(nil, segment: nil)
                endRecord(into: &records)
            }
        }
        state = .fieldStart
        pendingCR = false
    }

    // MARK: - Steps

    /// Consumes the line break at `i` (CR, LF or CRLF) outside a quoted field and returns the
    /// index after it. The next record starts on the next line.
    private mutating func lineBreak(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var next = i + 1
        if bytes[i] == Self.cr {
            if next < bytes.count {
                if bytes[next] == Self.lf { next += 1 }
            } else {
                pendingCR = true
            }
        }
        line += 1
        recordLine = line
        startLine(at: next)
        return next
    }

    private mutating func startLine(at index: Int) {
        columnIndex = index
        columnValue = 1
        carriedColumns = 0
    }

    /// The 1-based scalar column of the byte at `index` in the current line. Calls within a
    /// line come in increasing order, so counting resumes where the last call stopped.
    private mutating func column(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var k = columnIndex
        var value = columnValue
        while k < index {
            if bytes[k] & 0xC0 != 0x80 { value += 1 }
            k += 1
        }
        columnIndex = index
        columnValue = value
        return value
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let room = maxFieldBytes - fieldBytes.count
        if range.count <= room {
            fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        } else {
            if room > 0 {
                fieldBytes.append(
                    contentsOf: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<(range.lowerBound + room)]))
            }
            overflow()
        }
    }

    private mutating func append(quote: Void) {
        if fieldBytes.count < maxFieldBytes { fieldBytes.append(Self.quote) } else { overflow() }
    }

    private mutating func overflow() {
        guard !fieldOverflow else { return }
        fieldOverflow = true
        let quoted = state == .quoted || state == .afterQuote
        problems.append(
            CSVProblem(
                line: quoted ? quoteLine : line, column: quoted ? quoteColumn : 1, field: fields.count,
                kind: .fieldTooLong(limit: maxFieldBytes)))
    }

    private mutating func endField(_ bytes: UnsafeBufferPointer<UInt8>?, segment: Range<Int>?) {
        let value: String
        if let bytes, let segment, fieldBytes.isEmpty, segment.count <= maxFieldBytes {
            value = String(decoding: UnsafeBufferPointer(rebasing: bytes[segment]), as: UTF8.self)
        } else {
            if let bytes, let segment { append(bytes, segment) }
            value = fieldBytes.isEmpty ? "" : String(decoding: fieldBytes, as: UTF8.self)
            fieldBytes.removeAll(keepingCapacity: fieldBytes.capacity <= 1 << 16)
        }
        fieldOverflow = false
        if fields.count < maxFields {
            fields.append(value)
        } else if !fieldsOverflow {
            fieldsOverflow = true
            problems.append(
                CSVProblem(line: line, column: 1, field: fields.count, kind: .tooManyFields(limit: maxFields)))
        }
    }

    private mutating func endRecord(into records: inout [CSVRecord]) {
        records.append(CSVRecord(line: recordLine, endLine: line, fields: fields, problems: problems))
        fields.removeAll(keepingCapacity: true)
        problems.removeAll()
        recordHasContent = false
        fieldsOverflow = false
    }
}
