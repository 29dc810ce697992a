import GRDB
import GRDBSQLite
import Testing

@testable import KaishuStore

@Suite("Many rows per INSERT")
struct BatchedInsertTests {
    func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)")
        }
        return queue
    }

    @Test("every row stores the values it bound: NULL stays NULL, an empty text stays empty, wide text is intact")
    func rowsKeepTheirValues() throws {
        let queue = try table()
        let texts: [String?] = [nil, "", "株式会社ヤマト運輸", "a", String(repeating: "長い備考", count: 400)]
        try queue.write { db in
            let insert = BatchedInsert(db, sql: "INSERT INTO t (id, a, b) VALUES (?, ?, ?)", rowsPerStatement: 4)
            for id in 0..<103 {
                try insert.add { row in
                    row.int(Int64(id))
                    row.text(texts[id % texts.count])
                    row.int(id % 3 == 0 ? nil : Int64(id * 1_000))
                }
            }
            try insert.flush()
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT id, a, b FROM t ORDER BY id") }
        #expect(rows.count == 103)
        for row in rows {
            let id: Int = row["id"]
            #expect(row["a"] as String? == texts[id % texts.count])
            #expect(row["b"] as Int? == (id % 3 == 0 ? nil : id * 1_000))
        }
    }

    @Test("texts larger than the arena's first size, in one statement, are stored whole")
    func arenaGrows() throws {
        let queue = try table()
        let big = (0..<64).map { String(repeating: Character(UnicodeScalar(0x3042 + $0)!), count: 500 + $0) }
        try queue.write { db in
            let insert = BatchedInsert(db, sql: "INSERT INTO t (id, a, b) VALUES (?, ?, ?)", rowsPerStatement: 64)
            for (id, text) in big.enumerated() {
                try insert.add { row in
                    row.int(Int64(id))
                    row.text(text)
                    row.int(Int64(text.utf8.count))
                }
            }
        }
        let stored = try queue.read { db in try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY id") }
        #expect(stored == big)
    }

    @Test("after a statement runs its parameters are cleared, so the cached statement keeps no pointer into the arena")
    func bindingsCleared() throws {
        let queue = try table()
        let expanded = try queue.write { db in
            let sql = "INSERT INTO t (id, a, b) VALUES (?, ?, ?)"
            let insert = BatchedInsert(db, sql: sql, rowsPerStatement: 1)
            try insert.add { row in
                row.int(1)
                row.text("bound once")
                row.int(1)
            }
            let text = sqlite3_expanded_sql(try db.cachedStatement(sql: sql).sqliteStatement)!
            defer { sqlite3_free(text) }
            return String(cString: text)
        }
        #expect(expanded.hasSuffix("VALUES (NULL, NULL, NULL)"))
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT a FROM t WHERE id = 1") } == "bound once")
    }
}
