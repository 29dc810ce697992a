/// What can go wrong with the team's case book itself (a refused action is a `Refusal`).
public enum TeamStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `--store` value is not a usable `postgres://` URL.
    case badURL(String, String)
    /// The server could not be reached or refused the login.
    case cannotConnect(String, String)
    /// The database's schema is older (or newer) than this build's: run `kaishu migrate`.
    case schemaVersion(found: Int, expected: Int)
    /// Commits would not be durable (`synchronous_commit` is off).
    case notDurable(String)
    /// A stored value Kaishu cannot read back.
    case corrupt(String)
    /// A queue cursor from another order or with foreign values.
    case badCursor(String)
    /// `kaishu copy` needs an empty target.
    case notEmpty(String)
    /// A copy whose result does not match its source.
    case copyMismatch(String)
    /// The server refused a statement (SQLSTATE and constraint kept for callers that handle some).
    case server(message: String, sqlState: String, constraint: String?)

    public var description: String {
        switch self {
        case .badURL(let url, let why): "\(url): not a PostgreSQL URL Kaishu can use: \(why)"
        case .cannotConnect(let url, let why): "\(url): cannot connect: \(why)"
        case .schemaVersion(let found, let expected):
            found < expected
                ? "the case book's schema is at version \(found), this kaishu needs \(expected): run `kaishu migrate`"
                : "the case book's schema is at version \(found), newer than this kaishu knows (\(expected)): upgrade kaishu"
        case .notDurable(let value):
            "the server runs with synchronous_commit = \(value): a saved note could be lost on a crash; Kaishu needs it on"
        case .corrupt(let why): "the case book holds a value Kaishu cannot read: \(why)"
        case .badCursor(let why): "bad queue position: \(why)"
        case .notEmpty(let what): "\(what) already holds cases; copy into an empty, migrated case book"
        case .copyMismatch(let why): "the copy does not match its source: \(why)"
        case .server(let message, let state, _): "the server refused: \(message) (SQLSTATE \(state))"
        }
    }
}
