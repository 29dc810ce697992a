/// A rejected row of a receivables file: where it starts and every problem found in it.
///
/// The CSV reader yields `Result<ImportRecord, ImportRowError>` per row, so the store can import
/// the good rows, list the bad ones, and decide (all-or-nothing or skip-bad) without the reader
/// and the store knowing each other.
public struct ImportRowError: Error, Hashable, Sendable {
    /// The physical line in the file where the row starts (1 = the header line).
    public var line: Int
    /// Every issue of the row, each naming its column when it has one.
    public var issues: [ImportIssue]

    public init(line: Int, issues: [ImportIssue]) {
        self.line = line
        self.issues = issues
    }
}
