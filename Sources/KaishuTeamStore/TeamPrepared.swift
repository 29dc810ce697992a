import PostgresNIO

/// A statement the store prepares once per pooled connection and then only binds and executes.
///
/// postgres-nio keeps, per connection, which statement names it has prepared (`Statement.name`,
/// the type's name): the first use on a connection sends Parse + Describe, every later use only
/// Bind + Execute, and the server reuses the plan rather than parsing and planning each call.
/// Parameter types are given (`bindingDataTypes`), not inferred from the first call's values, so
/// a `NULL` bound on the first call cannot leave a parameter typed "unknown".
///
/// Rows are read by column name (`PostgresRandomAccessRow`), as the rest of the store reads them.
protocol TeamPreparedStatement: PostgresPreparedStatement where Row == PostgresRandomAccessRow {
    var bindings: PostgresBindings { get }
}

extension TeamPreparedStatement {
    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRandomAccessRow { row.makeRandomAccess() }
}

extension PostgresConnection {
    /// Executes a prepared statement and returns its rows.
    func rows<Statement: TeamPreparedStatement>(
        _ statement: Statement, logger: Logger
    ) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await execute(statement, logger: logger) { rows.append(row) }
        return rows
    }
}

/// `BEGIN`, `COMMIT` and `ROLLBACK` prepared like any other statement: each is a round trip
/// either way, but without a Parse on every transaction.
struct BeginStatement: TeamPreparedStatement {
    static let sql = "BEGIN"
    let bindings = PostgresBindings()
}

struct CommitStatement: TeamPreparedStatement {
    static let sql = "COMMIT"
    let bindings = PostgresBindings()
}

struct RollbackStatement: TeamPreparedStatement {
    static let sql = "ROLLBACK"
    let bindings = PostgresBindings()
}

/// The day the book is ranked for (`meta.ranked_as_of`): the check a queue read starts with.
struct RankedAsOfStatement: TeamPreparedStatement {
    static let sql = TeamReranking.rankedAsOfSQL
    static let bindingDataTypes: [PostgresDataType] = [.text]
    let bindings: PostgresBindings

    init() {
        var bindings = PostgresBindings()
        bindings.append(TeamReranking.key)
        self.bindings = bindings
    }
}
