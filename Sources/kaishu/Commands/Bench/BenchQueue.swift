import Foundation
import GRDBSQLite
import KaishuCore
import KaishuStore

/// Queue pages: `SQLiteCaseStore.queue` (50 rows decoded into `QueueRow`s, through GRDB and the
/// async port) against the same keyset statements stepped through the raw C API, at the same
/// random positions, alternating so both see the same cache.
struct QueueBench {
    struct Result {
        var kaishu: Samples
        var floor: Samples
        /// Open cases whose positions were sampled (for the report).
        var positions: Int
    }

    /// The statements `QueueSQL` issues for a page of the urgency order after a cursor, deepest
    /// range first (see QueueSQL's doc comment); the floor runs them until it has 50 rows.
    static let columns = """
        id, debtor_name, debtor_code, outstanding, stage, expires, oldest_due, next_action, \
        last_contact, promise_date, promise_amount, disputed, on_hold, collector, tier, name_key
        """
    static let ranges = [
        "tier = ?1 AND outstanding = ?2 AND oldest_due = ?3 AND id > ?4",
        "tier = ?1 AND outstanding = ?2 AND oldest_due > ?3",
        "tier = ?1 AND outstanding < ?2",
        "tier > ?1",
    ]
    static func statement(_ range: String) -> String {
        "SELECT \(columns) FROM cases INDEXED BY cases_queue_urgency WHERE status = 'open' AND \(range) "
            + "ORDER BY tier, outstanding DESC, oldest_due, id LIMIT ?5"
    }

    struct Position {
        var tier: Int64
        var outstanding: Int64
        var oldestDue: String
        var id: Int64
    }

    let store: SQLiteCaseStore
    let today: CivilDate
    let runs: Int

    /// Random open cases, by id: random places in the queue.
    static func samplePositions(_ raw: RawSQLite, count: Int, seed: UInt64) throws -> [Position] {
        let maxID = Int64(try raw.scalarText("SELECT max(id) FROM cases") ?? "0") ?? 0
        let lookup = try raw.prepare(
            "SELECT tier, outstanding, oldest_due, id FROM cases WHERE id >= ?1 AND status = 'open' ORDER BY id LIMIT 1"
        )
        var generator = SeededGenerator(seed: seed)
        var positions: [Position] = []
        var attempts = 0
        while positions.count < count && attempts < count * 20 && maxID > 0 {
            attempts += 1
            lookup.reset()
            lookup.bind(1, Int64.random(in: 1...maxID, using: &generator))
            guard lookup.run() == SQLITE_ROW else { continue }
            positions.append(
                Position(
                    tier: sqlite3_column_int64(lookup.handle, 0), outstanding: sqlite3_column_int64(lookup.handle, 1),
                    oldestDue: String(cString: sqlite3_column_text(lookup.handle, 2)),
                    id: sqlite3_column_int64(lookup.handle, 3)))
        }
        return positions
    }

    func run(raw: RawSQLite, positions: [Position]) async throws -> Result {
        let statements = try QueueBench.ranges.map { try raw.prepare(QueueBench.statement($0)) }
        var kaishu = Samples()
        var floor = Samples()
        var sink: Int64 = 0
        // Warm up both paths (and make sure the book is ranked as of today: no write in the loop).
        for position in positions.prefix(20) {
            _ = try await page(after: position)
            sink &+= floorPage(statements, after: position)
        }
        for run in 0..<runs {
            let position = positions[run % positions.count]
            let (page, seconds) = try await measureAsync { try await self.page(after: position) }
            kaishu.add(seconds)
            sink &+= Int64(page.rows.count)
            let (checksum, floorSeconds) = measure { floorPage(statements, after: position) }
            floor.add(floorSeconds)
            sink &+= checksum
        }
        if sink == 42 { print("") }  // keeps the reads observable
        return Result(kaishu: kaishu, floor: floor, positions: positions.count)
    }

    private func page(after position: Position) async throws -> QueuePage {
        let cursor = QueueCursor(
            order: .urgency, key: [String(position.tier), String(position.outstanding), position.oldestDue],
            id: position.id)
        return try await store.queue(
            QueueQuery(today: today, scope: .all, order: .urgency, position: .after(cursor), limit: 50))
    }

    /// 50 rows from the position, every column read, through the C API.
    private func floorPage(_ statements: [RawSQLite.Statement], after position: Position) -> Int64 {
        var rows = 0
        var checksum: Int64 = 0
        for statement in statements where rows < 50 {
            statement.reset()
            statement.bind(1, position.tier)
            statement.bind(2, position.outstanding)
            statement.bind(3, position.oldestDue)
            statement.bind(4, position.id)
            statement.bind(5, Int64(50 - rows))
            let read = statement.readAll(columns: 16, limit: 50 - rows)
            rows += read.rows
            checksum &+= read.checksum
        }
        return checksum
    }
}

/// SplitMix64: a small seeded generator, so a benchmark samples the same positions every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
