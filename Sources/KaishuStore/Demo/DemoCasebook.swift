import Dispatch
import Foundation
import GRDB
import KaishuCore
import KaishuEventLog

/// A deterministic, realistic demo case book: the same seed, size and today give the same book,
/// byte for byte (hashes included).
///
/// The bulk path is built for a million cases: everything is written in one transaction, many
/// rows per statement; the queue's secondary indexes are dropped first and built once at the end,
/// which is much faster than maintaining them row by row; the hash chain is computed as the
/// events are written. Case rows still come from folding each case's events with `CaseState`,
/// exactly as an ordinary write does.
public enum DemoCasebook {
    /// What was generated.
    public struct Summary: Hashable, Sendable, Codable {
        public var cases: Int
        public var claims: Int
        public var events: Int
        /// Cases per stage (by the stage's stored name).
        public var stages: [String: Int]
    }

    /// Creates a demo case book at `path`, complete or not at all.
    ///
    /// A new file is built beside `path` without a journal (there is nothing to roll back to:
    /// a failed build is simply deleted), synced, switched to WAL and only then renamed to
    /// `path`, so no reader ever sees half a book. Writing every page once, instead of into the
    /// WAL and again at the checkpoint, takes about a third off a million-case demo. An existing
    /// file is filled in place instead, in one transaction, if it holds no cases.
    public static func create(
        at path: String, cases count: Int, seed: UInt64, today: CivilDate, calendar: BusinessCalendar,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        if FileManager.default.fileExists(atPath: path) {
            let store = try SQLiteCaseStore(path: path, calendar: calendar)
            return try generate(into: store, cases: count, seed: seed, today: today, progress: progress)
        }
        let building = path + ".building-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: building) }
        try SQLiteCaseStore.createPrivateFile(at: building)
        let summary: Summary
        do {
            var configuration = Configuration()
            configuration.label = "kaishu.demo"
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in
                // No journal while building; FULL still syncs the file when the load commits.
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA cache_size = -262144")
            }
            let queue = try DatabaseQueue(path: building, configuration: configuration)
            try CasebookSchema.migrator.migrate(queue)
            summary = try queue.inDatabase { db in
                var loaded: Summary?
                try db.inTransaction {
                    loaded = try load(
                        db, book: path, cases: count, seed: seed, today: today, calendar: calendar, progress: progress)
                    return .commit
                }
                let summary = loaded!
                // The mode a case book is opened in; recorded in the file's header.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.cannotOpen(path: building, reason: "could not switch the new book to WAL")
                }
                return summary
            }
            try queue.close()
        }
        guard rename(building, path) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        try syncFolder(of: path)
        return summary
    }

    /// Writes `count` demo cases into `store`, which must hold no cases, and ranks the queue as of
    /// `today`, in one transaction. `progress` is called with the number of cases written so far,
    /// every 50,000 cases.
    public static func generate(
        into store: SQLiteCaseStore, cases count: Int, seed: UInt64, today: CivilDate,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        try store.pool.writeWithoutTransaction { db in
            // A larger page cache while bulk loading and building indexes; restored afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            // The pragma is a no-op inside a transaction, hence here; see `load`.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var summary: Summary?
            try db.inTransaction {
                summary = try load(
                    db, book: store.path, cases: count, seed: seed, today: today, calendar: store.calendar,
                    progress: progress)
                return .commit
            }
            return summary!
        }
    }

    /// The load itself, inside a transaction on a connection that does not enforce foreign keys:
    /// the writer makes every id itself and stores rows in batches, so a child row may reach its
    /// table before its parent's batch (the tests check the keys of generated books).
    private static func load(
        _ db: Database, book path: String, cases count: Int, seed: UInt64, today: CivilDate, calendar: BusinessCalendar,
        progress: ((Int) -> Void)?
    ) throws -> Summary {
        let factory = DemoCaseFactory(seed: seed, today: today)
        var summary = Summary(cases: 0, claims: 0, events: 0, stages: [:])
        let hasCases = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases)") ?? false
        let hasEvents = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events)") ?? false
        if hasCases || hasEvents { throw StoreError.notEmpty(path: path) }
        for index in CasebookSchema.queueIndexes {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
        }
        var writer = try DemoWriter(db: db)
        // Cases are prepared in batches on other threads, two batches ahead of this one: each
        // batch generates and folds its cases, then, once the batch before it has, extends the
        // hash chain over its events and lays out every row's values. This thread only binds
        // and steps statements — SQLite's part, the one that cannot be shared.
        let batch = 2_048
        let lookahead = 2
        var pending: [DemoBatch] = []
        var last: DemoBatch?
        var queued = 0
        func enqueue() {
            while pending.count < lookahead && queued < count {
                let range = queued..<min(count, queued + batch)
                let next = DemoBatch.prepare(
                    range, factory: factory, calendar: calendar, today: today,
                    chain: last.map(DemoBatch.Chain.after) ?? .start(writer.chainStart))
                pending.append(next)
                last = next
                queued = range.upperBound
            }
        }
        enqueue()
        var written = 0
        while written < count {
            let current = pending.removeFirst().wait()
            enqueue()
            for prepared in current {
                try writer.write(prepared)
                summary.cases += 1
                summary.claims += prepared.claimCount
                summary.events += prepared.eventCount
                summary.stages[prepared.stage.rawValue, default: 0] += 1
                written += 1
                if written % 50_000 == 0 { progress?(written) }
            }
        }
        try writer.flush()
        for index in CasebookSchema.queueIndexes {
            try db.execute(sql: index.sql)
        }
        try Reranking.setRankedAsOf(db, today)
        return summary
    }

    /// Makes a rename in `path`'s folder durable.
    private static func syncFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError.cannotOpen(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StoreError.cannotOpen(path: folder, reason: String(cString: strerror(errno)))
        }
    }
}
