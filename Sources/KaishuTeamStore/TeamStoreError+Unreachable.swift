import KaishuCore

/// Which of the team store's errors mean "the server is not there right now": a failed
/// connection, and the server's own connection-class errors (SQLSTATE class 08, and 57P01–57P03:
/// the server is shutting down or not yet accepting connections). Everything else is an answer.
extension TeamStoreError: StoreFailure {
    public var storeUnreachable: Bool {
        switch self {
        case .cannotConnect: true
        case .server(_, let sqlState, _): sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
        default: false
        }
    }
}
