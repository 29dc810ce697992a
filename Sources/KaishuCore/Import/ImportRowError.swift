/// A row of a receivables file that cannot be imported, with every reason at once.
///
/// A collector fixing an export in Excel wants the whole list, not one error per attempt, so
/// validation goes on after the first bad field and `issues` holds them all, in column order.
public struct ImportRowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The physical line where the row starts.
    public var line: Int
    public var issues: [ImportIssue]

    public init(line: Int, issues: [ImportIssue]) {
        self.line = line
        self.issues = issues
    }

    /// One issue per line: `line 14, column 支払期日: '2023-02-30' is not a date: …`.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
