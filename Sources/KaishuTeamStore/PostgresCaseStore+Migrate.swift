import KaishuCore
import PostgresNIO

extension PostgresCaseStore {
    /// What `migrate` did.
    public struct MigrationReport: Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var grantedTo: String?
    }

    /// Creates or upgrades the schema to this build's version, in one transaction (PostgreSQL's
    /// DDL is transactional: a failed migration leaves the book as it was). Concurrent runs wait
    /// for each other on the version table's lock. With `grantTo`, also grants a collectors'
    /// role what it needs to work the book (`TeamSchema.grants`) and nothing more.
    @discardableResult
    public func migrate(grantTo role: String? = nil) async throws -> MigrationReport {
        let report = try await transaction(checked: false) { connection in
            try await connection.run(
                "CREATE TABLE IF NOT EXISTS kaishu_schema (version integer NOT NULL)", logger: self.logger)
            try await connection.run("LOCK TABLE kaishu_schema IN EXCLUSIVE MODE", logger: self.logger)
            let found =
                try await connection.rows("SELECT max(version) AS v FROM kaishu_schema", logger: self.logger)
                .first?.value("v", as: Int32?.self).map(Int.init) ?? 0
            guard found <= TeamSchema.currentVersion else {
                throw TeamStoreError.schemaVersion(found: found, expected: TeamSchema.currentVersion)
            }
            if found < TeamSchema.currentVersion {
                for version in (found + 1)...TeamSchema.currentVersion {
                    for statement in TeamSchema.migrations[version] ?? [] {
                        try await connection.run(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                    }
                }
                try await connection.run("DELETE FROM kaishu_schema", logger: self.logger)
                var insert = SQLText("INSERT INTO kaishu_schema (version) VALUES (")
                insert.append(insert.bind(Int32(TeamSchema.currentVersion)) + ")")
                try await connection.run(insert.query, logger: self.logger)
            }
            if let role {
                for statement in TeamSchema.grants(to: role) {
                    try await connection.run(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
            }
            return MigrationReport(from: found, to: TeamSchema.currentVersion, grantedTo: role)
        }
        try await checkDurable()
        return report
    }

    /// The schema version the database is at (0: never migrated).
    public func schemaVersion() async throws -> Int {
        try await unchecked { connection in
            let exists =
                try await connection.rows(
                    "SELECT to_regclass('kaishu_schema') IS NOT NULL AS present", logger: self.logger
                ).first?.value("present", as: Bool.self) ?? false
            guard exists else { return 0 }
            return try await connection.rows("SELECT max(version) AS v FROM kaishu_schema", logger: self.logger)
                .first?.value("v", as: Int32?.self).map(Int.init) ?? 0
        }
    }
}
