import GRDB
import KaishuCore
import KaishuEventLog

extension SQLiteCaseStore: SmallClaimsRegister {
    public func smallClaimsFilings(in year: Int) async throws -> [SmallClaimsFiling] {
        let from = CivilDate(year, 1, 1).iso
        let to = CivilDate(year, 12, 31).iso
        return try await pool.read { db in
            var filings: [Int64: SmallClaimsFiling] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, date, payload FROM events WHERE kind = 'stage-changed' AND date BETWEEN ? AND ?",
                arguments: [from, to])
            while let row = try rows.next() {
                guard case .stageChanged(_, .smallClaims, _, let court?) = try FactJSON.decode(row["payload"]),
                    let date = CivilDate(iso: row["date"] as String)
                else { continue }
                filings[row["seq"]] = SmallClaimsFiling(court: court, filed: date)
            }
            // A filing voided by a correction does not count.
            let corrections = try String.fetchAll(db, sql: "SELECT payload FROM events WHERE kind = 'correction'")
            for payload in corrections {
                if case .correction(let target, _, _) = try FactJSON.decode(payload) { filings[target] = nil }
            }
            return Array(filings.values)
        }
    }
}
