/// What can go wrong with the case book itself (as opposed to a refused action, `Refusal`).
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The writer connection is not at `synchronous = FULL`: a committed note could be lost on power
    /// failure. Kaishu refuses to run rather than acknowledge writes it cannot keep.
    case notDurable(path: String, synchronous: Int?)
    /// The case book file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// A queue cursor from another order, or with values that are not this order's.
    case badCursor(String)
    /// A stored value Kaishu cannot read back (an unknown stage, a malformed date …).
    case corrupt(String)
    /// A bulk writer (the demo generator) needs an empty case book.
    case notEmpty(path: String)

    public var description: String {
        switch self {
        case .notDurable(let path, let value):
            "\(path): the case book is not durable (PRAGMA synchronous is \(value.map(String.init) ?? "unknown"), expected 2 = FULL)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the case book: \(reason)"
        case .badCursor(let reason):
            "bad queue position: \(reason)"
        case .corrupt(let reason):
            "the case book holds a value Kaishu cannot read: \(reason)"
        case .notEmpty(let path):
            "\(path) already holds cases"
        }
    }
}
