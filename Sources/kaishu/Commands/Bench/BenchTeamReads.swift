import Foundation
import KaishuCore
import KaishuTeamStore
import PostgresNIO

/// Queue pages on the team book: `PostgresCaseStore.queue` (the ranking check, the keyset ranges
/// after a cursor as one prepared statement, the one-row look back, 50 rows decoded into
/// `QueueRow`s, through the pool)
/// against the same statements (`TeamStatements`) on one bare connection, every cell received and
/// none decoded — at the same random positions, alternating so both see the same cache.
struct TeamPageBench {
    struct Position: Sendable {
        var tier: Int64
        var outstanding: Int64
        var oldestDue: String
        var id: Int64

        var cursor: QueueCursor {
            QueueCursor(order: .urgency, key: [String(tier), String(outstanding), oldestDue], id: id)
        }
    }

    let work: TeamBenchWork

    /// Random open cases, by id: random places in the queue.
    static func samplePositions(
        _ raw: PostgresConnection, count: Int, seed: UInt64, logger: Logger
    ) async throws -> [Position] {
        let maxID =
            try await raw.query("SELECT coalesce(max(id), 0) FROM cases", logger: logger).collect()
            .first?.decode(Int64.self) ?? 0
        var generator = SeededGenerator(seed: seed)
        var positions: [Position] = []
        var attempts = 0
        while positions.count < count && attempts < count * 20 && maxID > 0 {
            attempts += 1
            let from = Int64.random(in: 1...maxID, using: &generator)
            let rows = try await raw.query(
                """
                SELECT tier, outstanding, oldest_due, id FROM cases WHERE id >= \(from) AND status = 'open'
                ORDER BY id LIMIT 1
                """, logger: logger
            ).collect()
            guard let row = rows.first else { continue }
            let (tier, outstanding, oldestDue, id) = try row.decode((Int16, Int64, String, Int64).self)
            positions.append(Position(tier: Int64(tier), outstanding: outstanding, oldestDue: oldestDue, id: id))
        }
        return positions
    }

    func run(raw: PostgresConnection, positions: [Position], into report: inout BenchReport) async throws {
        var kaishu = Samples()
        var floor = Samples()
        var sink = 0
        for position in positions.prefix(20) {
            sink &+= try await page(after: position).rows.count
            sink &+= try await floorPage(raw, after: position)
        }
        for run in 0..<work.runs {
            let position = positions[run % positions.count]
            let (page, seconds) = try await measureAsync { try await self.page(after: position) }
            kaishu.add(seconds)
            sink &+= page.rows.count
            let (bytes, floorSeconds) = try await measureAsync { try await floorPage(raw, after: position) }
            floor.add(floorSeconds)
            sink &+= bytes
        }
        if sink == 42 { print("") }  // keeps the reads observable
        report.figures += BenchFigure.percentiles(
            "queue page, 50 rows decoded", scale: work.scale, unit: .microseconds, kaishu: kaishu, floor: floor,
            floorName: "same statements, one bare connection", targets: (2, 3),
            note: "\(kaishu.count) pages at \(positions.count) random positions")
    }

    private func page(after position: Position) async throws -> QueuePage {
        try await work.team.queue(
            QueueQuery(today: work.today, scope: .all, order: .urgency, position: .after(position.cursor), limit: 50))
    }

    /// What `queue(_:)` sends for a page after `position`: the ranking check, the forward ranges
    /// (one statement, 51 rows asked), then the look back from the page's first row.
    private func floorPage(_ raw: PostgresConnection, after position: Position) async throws -> Int {
        let logger = work.logger
        _ = try await raw.query(TeamStatements.rankedCheck, logger: logger).collect()
        var rows = 0
        var bytes = 0
        var first: [PostgresCell]?
        for statement in try TeamStatements.urgencyRange(from: position.cursor, backward: false, limit: 51)
        where rows < 51 {
            for try await row in try await raw.query(statement, logger: logger) where rows < 51 {
                if first == nil { first = Array(row) }
                for cell in row { bytes &+= cell.bytes?.readableBytes ?? 0 }
                rows += 1
            }
        }
        // Row columns: id 0, outstanding 3, oldest_due 6, tier 14 (`TeamQueueSQL.rowColumns`).
        let back = try first.map { cells in
            Position(
                tier: Int64(try cells[14].decode(Int16.self)), outstanding: try cells[3].decode(Int64.self),
                oldestDue: try cells[6].decode(String.self), id: try cells[0].decode(Int64.self))
        }
        for statement in try TeamStatements.urgencyRange(
            from: (back ?? position).cursor, backward: true, inclusive: back == nil, limit: 1)
        {
            if try await !raw.query(statement, logger: logger).collect().isEmpty { break }
        }
        return bytes
    }
}

/// Note saves on the team book: a call note through the full write path (BEGIN; the case row
/// locked and the ranking, lease, key and case file read in one statement; the workflow's
/// decision; the chain's head locked; the chain extended and the case row rewritten in one
/// statement; one durable COMMIT)
/// against a one-row INSERT committed on its own (one durable commit) on one bare connection,
/// alternating.
struct TeamNoteBench {
    let work: TeamBenchWork

    func run(raw: PostgresConnection, caseIDs: [Int64], into report: inout BenchReport) async throws {
        let logger = work.logger
        _ = try await raw.query(
            """
            CREATE TABLE IF NOT EXISTS kaishu_bench_floor_notes (
                seq bigserial PRIMARY KEY, case_id bigint NOT NULL, payload text NOT NULL, hash text NOT NULL)
            """, logger: logger
        ).collect()
        var kaishu = Samples()
        var floor = Samples()
        var refused = 0
        let warmUp = min(5, work.notes)
        for run in 0..<(warmUp + work.notes) {
            let id = caseIDs[run % caseIDs.count]
            let text = "先方経理の田中様と通話。今月末に振込予定とのこと。請求書を再送する。#\(run)"
            do {
                let (_, seconds) = try await measureAsync { try await save(text, on: id) }
                if run >= warmUp { kaishu.add(seconds) }
            } catch is Refusal {
                refused += 1
                continue
            }
            let payload = #"{"contact":{"_0":{"channel":"phone","outcome":"callback","text":"\#(text)"}}}"#
            let hash = String(repeating: "0", count: 64)
            let (_, floorSeconds) = try await measureAsync {
                try await raw.query(
                    """
                    INSERT INTO kaishu_bench_floor_notes (case_id, payload, hash) VALUES (\(id), \(payload), \(hash))
                    """, logger: logger
                ).collect()
            }
            if run >= warmUp { floor.add(floorSeconds) }
        }
        _ = try await raw.query("DROP TABLE kaishu_bench_floor_notes", logger: logger).collect()
        guard kaishu.count > 0 else { throw CommandFailure("every note was refused (\(refused))") }
        report.figures += BenchFigure.percentiles(
            "note save, committed", scale: work.scale, unit: .milliseconds, kaishu: kaishu, floor: floor,
            floorName: "1-row INSERT, autocommit, bare connection", targets: (1.3, 2),
            note: "\(kaishu.count) notes\(refused > 0 ? ", \(refused) refused by the workflow" : "")")
    }

    private func save(_ text: String, on id: Int64) async throws {
        let today = work.today
        let calendar = work.team.calendar
        let context = WriteContext(
            actor: "bench", recordedAt: Clock.timestamp(), today: today, idempotencyKey: UUID().uuidString)
        let log = ContactLog(outcome: .callback, channel: .phone, text: text, time: nil)
        _ = try await work.team.append(to: id, context: context) { file in
            try CaseAction.logContact(log, on: today).decide(CaseState(file: file, calendar: calendar), today: today)
        }
    }
}
