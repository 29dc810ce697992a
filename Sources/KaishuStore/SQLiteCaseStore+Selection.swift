import GRDB
import KaishuCore
import KaishuEventLog

extension SQLiteCaseStore {
    /// Open cases whose oldest open invoice fell due on or before `day`, by id: the only cases
    /// that can have gone a year without a transaction (the write-off candidates' pre-filter).
    public func openCaseIDs(oldestDueOnOrBefore day: CivilDate) async throws -> [Int64] {
        try await pool.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT id FROM cases WHERE status = 'open' AND oldest_due <= ? ORDER BY id",
                arguments: [day.iso])
        }
    }
}
