/// Why the workbench could not start (no terminal, unknown `TERM`, a bad theme …).
public struct WorkbenchError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
