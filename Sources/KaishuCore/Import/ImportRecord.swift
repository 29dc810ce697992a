/// One good row of a receivables file: the debtor it names and the invoice it adds.
public struct ImportRecord: Hashable, Sendable {
    /// The physical line in the file where the record starts (1 = the header line).
    public var line: Int
    public var debtor: Debtor
    public var claim: Claim

    public init(line: Int, debtor: Debtor, claim: Claim) {
        self.line = line
        self.debtor = debtor
        self.claim = claim
    }
}

/// Why a row (or the file) was rejected: the line, the column as the file names it, and a reason
/// a person can act on. `line` 0 means the file as a whole (unreadable encoding, no header …).
public struct ImportIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        if line == 0 { return reason }
        if let column { return "line \(line), column \(column): \(reason)" }
        return "line \(line): \(reason)"
    }
}
