import Foundation
import PostgresNIO

/// A statement built piece by piece with numbered parameters (`$1`, `$2` …): the dynamic SQL of
/// the keyset queue and of batch inserts, still sent with bound values, never spliced text.
struct SQLText {
    var sql = ""
    var binds = PostgresBindings()

    init(_ sql: String = "") { self.sql = sql }

    /// Binds a value and returns its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func bind(_ value: (some PostgresDynamicTypeEncodable)?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func append(_ text: String) { sql += text }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

extension PostgresRandomAccessRow {
    /// The named column decoded as `T` (an `Optional` for nullable columns).
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }
}

extension PostgresConnection {
    /// Runs a statement and returns its rows, ready for by-name access.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}

extension PSQLError {
    /// The server's SQLSTATE, e.g. `23505` for a unique violation.
    var sqlState: String? { serverInfo?[.sqlState] }
    var serverMessage: String? { serverInfo?[.message] }
}

/// Times in messages to collectors: the server's instant, shown in Japan's time zone.
enum MessageTime {
    static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'JST'"
        return formatter.string(from: date)
    }
}
