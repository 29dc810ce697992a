/// One record of a CSV file, as RFC 4180 reads it: its fields, decoded and unquoted, and where
/// in the file it was.
///
/// A record whose text breaks the format still comes out, with what could be read and its
/// `problems`, so a reader can report every bad row of a file rather than stop at the first.
public struct CSVRecord: Hashable, Sendable {
    /// The physical line (1-based) where the record starts. A quoted field may hold line
    /// breaks, so a record can span several lines.
    public var line: Int
    /// The physical line where the record ends.
    public var endLine: Int
    /// The fields in order. An empty line gives no fields (as Python's `csv` reads it);
    /// a line with only commas gives empty strings.
    public var fields: [String]
    /// What was wrong with the record's text, in the order met.
    public var problems: [CSVProblem]

    public init(line: Int, endLine: Int, fields: [String], problems: [CSVProblem] = []) {
        self.line = line
        self.endLine = endLine
        self.fields = fields
        self.problems = problems
    }
}

/// A place where the text breaks RFC 4180 or cannot be decoded.
public struct CSVProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A quoted field runs to the end of the file.
        case unterminatedQuote
        /// A double quote inside a field that did not start with one (`ab"c`).
        case strayQuote
        /// Text between a closing quote and the next comma (`"ab"c`).
        case textAfterClosingQuote
        /// A field longer than the reader's limit; the rest of it was dropped.
        case fieldTooLong(limit: Int)
        /// More fields than the reader's limit; the rest were dropped.
        case tooManyFields(limit: Int)
        /// Bytes that are not valid in the file's encoding (shown as U+FFFD).
        case invalidBytes(encoding: String, bytes: [UInt8])
    }

    /// The physical line (1-based).
    public var line: Int
    /// The character position in that line (1-based, counted in Unicode scalars).
    public var column: Int
    /// The field's index in its record (0-based); `nil` for undecodable bytes, which are
    /// found before the line is split into fields.
    public var field: Int?
    public var kind: Kind

    public init(line: Int, column: Int, field: Int?, kind: Kind) {
        self.line = line
        self.column = column
        self.field = field
        self.kind = kind
    }

    /// What happened and what to do, without the line (callers add line and column name).
    public var message: String {
        switch kind {
        case .unterminatedQuote:
            return "the double quote at character \(column) is never closed: the file ends inside this field"
        case .strayQuote:
            return "stray double quote at character \(column) in a field that is not quoted; "
                + "quote the whole field and double the quote (\"a \"\"b\"\" c\")"
        case .textAfterClosingQuote:
            return "text after the closing double quote at character \(column); "
                + "a quoted field must end at a comma or the end of the line"
        case .fieldTooLong(let limit):
            return "the field starting at character \(column) is longer than \(limit / (1 << 20)) MiB; "
                + "a closing double quote is probably missing"
        case .tooManyFields(let limit):
            return "more than \(limit) fields"
        case .invalidBytes(let encoding, let bytes):
            var shown = bytes.prefix(6).map { "0x" + String($0, radix: 16, uppercase: true) }
            if bytes.count > 6 { shown.append("…") }
            let noun = bytes.count == 1 ? "byte" : "bytes"
            let verb = bytes.count == 1 ? "is" : "are"
            return "\(noun) \(shown.joined(separator: " ")) at character \(column) \(verb) not valid \(encoding)"
        }
    }

    public var description: String { "line \(line): \(message)" }
}
