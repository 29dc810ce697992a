import Foundation
import GRDB
import KaishuStore

/// The invariants checked after every crash: the file is sound, every acknowledged write is there,
/// nothing is there twice, the hash chain verifies.
struct BookChecks {
    /// Writes acknowledged by the driver: kind and idempotency key.
    var acknowledged: [(kind: String, key: String)] = []

    func check(_ path: String) throws -> [String] {
        var failures: [String] = []
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let quick = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if quick != ["ok"] { failures.append("quick_check: \(quick.joined(separator: "; "))") }
            let keys = Set(try String.fetchAll(db, sql: "SELECT idem_key FROM events WHERE idem_key LIKE 'drive-%'"))
            let invoices = Dictionary(
                try Row.fetchAll(
                    db, sql: "SELECT invoice, count(*) FROM claims WHERE invoice LIKE 'drive-%' GROUP BY invoice"
                )
                .map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
            for write in acknowledged {
                if write.kind == "import" {
                    if invoices["\(write.key)-1"] != 1 || invoices["\(write.key)-2"] != 1 {
                        failures.append("acknowledged import \(write.key) is not wholly present")
                    }
                } else if !keys.contains(write.key) {
                    failures.append("acknowledged \(write.kind) \(write.key) is missing")
                }
            }
            // An import is all or nothing: both invoices of a key, or neither.
            let imported = Set(invoices.keys.map { String($0.dropLast(2)) })
            for key in imported where invoices["\(key)-1"] != invoices["\(key)-2"] {
                failures.append("import \(key) is half present")
            }
            let twice = try Row.fetchAll(
                db,
                sql: """
                    SELECT payload, count(*) FROM events
                    WHERE payload LIKE '%drive-%' GROUP BY payload HAVING count(*) > 1
                    """)
            for row in twice { failures.append("written twice: \(row[0] as String)") }
        }
        try queue.close()
        let verification = try SQLiteCaseStore(path: path, calendar: .japan).verifyAudit()
        if let problem = verification.problem { failures.append("chain: \(problem)") }
        return failures
    }
}
