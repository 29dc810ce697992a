import KaishuCore
import PostgresNIO

/// The queue's reads, prepared: one statement per shape — order × direction × from a cursor or
/// from the start (16 in all) — each a type, because postgres-nio names a prepared statement by
/// its type (`TeamQueueSQL.preparedSQL` has the SQL; the scope, filter, limit and cursor are
/// bound values, so they share the shape's plan).
struct TeamQueueStatement<Order: TeamQueueOrderShape, Way: TeamQueueWayShape, Start: TeamQueueStartShape>:
    TeamPreparedStatement
{
    /// Short and distinct: the server cuts names at 63 bytes.
    static var name: String {
        "kaishu_queue_\(Order.order.rawValue)_\(Way.backward ? "back" : "forth")_\(Start.keyed ? "from" : "edge")"
    }
    static var sql: String { TeamQueueSQL(Order.order).preparedSQL(backward: Way.backward, keyed: Start.keyed) }
    static var bindingDataTypes: [PostgresDataType] { TeamQueueSQL(Order.order).parameterTypes(keyed: Start.keyed) }
    let bindings: PostgresBindings
}

protocol TeamQueueOrderShape: Sendable { static var order: QueueOrder { get } }
protocol TeamQueueWayShape: Sendable { static var backward: Bool { get } }
protocol TeamQueueStartShape: Sendable { static var keyed: Bool { get } }

enum TeamQueueShape {
    enum Urgency: TeamQueueOrderShape { static var order: QueueOrder { .urgency } }
    enum Expiry: TeamQueueOrderShape { static var order: QueueOrder { .expiry } }
    enum Amount: TeamQueueOrderShape { static var order: QueueOrder { .amount } }
    enum Debtor: TeamQueueOrderShape { static var order: QueueOrder { .debtor } }
    enum Forward: TeamQueueWayShape { static var backward: Bool { false } }
    enum Backward: TeamQueueWayShape { static var backward: Bool { true } }
    enum FromCursor: TeamQueueStartShape { static var keyed: Bool { true } }
    enum FromEdge: TeamQueueStartShape { static var keyed: Bool { false } }

    /// Runs the shape's statement with `bindings` (from `TeamQueueSQL.bindings`).
    static func rows(
        _ connection: PostgresConnection, order: QueueOrder, backward: Bool, keyed: Bool,
        bindings: PostgresBindings, logger: Logger
    ) async throws -> [PostgresRandomAccessRow] {
        switch order {
        case .urgency: return try await rows(Urgency.self, connection, backward, keyed, bindings, logger)
        case .expiry: return try await rows(Expiry.self, connection, backward, keyed, bindings, logger)
        case .amount: return try await rows(Amount.self, connection, backward, keyed, bindings, logger)
        case .debtor: return try await rows(Debtor.self, connection, backward, keyed, bindings, logger)
        }
    }

    private static func rows<Order: TeamQueueOrderShape>(
        _: Order.Type, _ connection: PostgresConnection, _ backward: Bool, _ keyed: Bool,
        _ bindings: PostgresBindings, _ logger: Logger
    ) async throws -> [PostgresRandomAccessRow] {
        switch (backward, keyed) {
        case (false, true):
            return try await connection.rows(
                TeamQueueStatement<Order, Forward, FromCursor>(bindings: bindings), logger: logger)
        case (false, false):
            return try await connection.rows(
                TeamQueueStatement<Order, Forward, FromEdge>(bindings: bindings), logger: logger)
        case (true, true):
            return try await connection.rows(
                TeamQueueStatement<Order, Backward, FromCursor>(bindings: bindings), logger: logger)
        case (true, false):
            return try await connection.rows(
                TeamQueueStatement<Order, Backward, FromEdge>(bindings: bindings), logger: logger)
        }
    }
}
