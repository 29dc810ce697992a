import Foundation
import GRDB
import KaishuEventLog

/// The head of the event log at a moment: how many events it held and the hash of the last one.
///
/// Why a collector keeps it outside the system (printed, e-mailed, in an accountant's file): the
/// hash chain alone proves that no event was changed *relative to the rest of the log*, but
/// someone with write access to the file could rewrite the history and recompute every hash
/// after it. A head kept elsewhere pins the first `count` events: any rewrite before it changes
/// the hash at that position. Written `COUNT:HASH`.
public struct AuditHead: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Events in the log, the head included (events are numbered 1, 2, 3 … without gaps).
    public var count: Int64
    /// The hash of event number `count` (64 zeros for an empty log).
    public var hash: String

    public init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// Reads `COUNT:HASH` as `audit checkpoint` prints it.
    public init?(parsing text: some StringProtocol) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int64(parts[0]), count >= 0 else { return nil }
        let hash = parts[1].lowercased()
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        self.init(count: count, hash: hash)
    }

    public var description: String { "\(count):\(hash)" }
}

/// Why a log does not verify, at the first event where it shows.
public struct AuditProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The event's stored hash is not the hash of its stored content: a field was changed.
        case contentChanged
        /// The event does not name the previous event's hash: an event before it was removed,
        /// inserted or moved, or its link was changed.
        case brokenLink
        /// The log ends before the highest number SQLite handed out: its tail was cut off.
        case missingTail
        /// The log holds fewer events than the checkpoint: it was cut back below it.
        case shorterThanCheckpoint
        /// The event at the checkpoint's position has another hash: history up to the checkpoint
        /// was rewritten (even if the rewritten chain is consistent in itself).
        case checkpointMismatch
    }

    public var kind: Kind
    /// The first event that does not verify (for `shorterThanCheckpoint`, the first one missing).
    public var seq: Int64
    public var detail: String

    public var description: String { "event #\(seq): \(detail)" }
}

/// The outcome of walking the whole log.
public struct AuditVerification: Hashable, Sendable, Codable {
    /// Events read.
    public var events: Int64
    /// The head as found (the last event read).
    public var head: AuditHead
    /// The checkpoint checked against, if any.
    public var checkpoint: AuditHead?
    /// The first problem, or `nil` when every hash and link verifies (and the checkpoint matches).
    public var problem: AuditProblem?

    public var isIntact: Bool { problem == nil }
}

extension SQLiteCaseStore {
    /// The current head of the event log, to be kept outside the system.
    public func auditHead() throws -> AuditHead {
        try pool.read { db in
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            let hash = try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY seq DESC LIMIT 1")
            return AuditHead(count: count, hash: hash ?? EventContent.genesis)
        }
    }

    /// Walks the whole event log in order, recomputing every hash and link from the stored
    /// columns; with a `checkpoint`, also checks that the event at its position still has its
    /// hash. Reports the first event that does not verify. Reads in one snapshot, so a note saved
    /// meanwhile is either wholly in or wholly out.
    public func verifyAudit(against checkpoint: AuditHead? = nil) throws -> AuditVerification {
        try pool.read { db in try AuditWalker.walk(db, checkpoint: checkpoint) }
    }

    /// Writes, for every event in order, exactly the bytes its hash is computed over (see
    /// `EventContent`), and returns how many bytes: the input a plain `sha256sum` needs to do the
    /// same hashing work as `verifyAudit()` — the floor `kaishu bench` compares against.
    @discardableResult
    public func writeAuditHashInput(to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw StoreError.cannotOpen(path: path, reason: "cannot create the file")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "cannot write the file")
        }
        defer { try? handle.close() }
        return try pool.read { db in
            var total = 0
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            let rows = try Row.fetchCursor(db, sql: AuditWalker.selectSQL)
            while let row = try rows.next() {
                let content = AuditWalker.content(of: row)
                buffer.append(contentsOf: content.hashInput)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    total += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            return total + buffer.count
        }
    }
}

/// The audit walk, with reasons (ChainVerifier answers only "where").
enum AuditWalker {
    static let selectSQL =
        "SELECT seq, case_id, kind, date, recorded_at, actor, payload, prev_hash, hash FROM events ORDER BY seq"

    static func content(of row: Row) -> EventContent {
        EventContent(
            seq: row[0], caseID: row[1], kind: row[2], date: row[3], recordedAt: row[4], actor: row[5],
            payload: row[6], prevHash: row[7])
    }

    static func walk(_ db: Database, checkpoint: AuditHead?) throws -> AuditVerification {
        let rows = try Row.fetchCursor(db, sql: selectSQL)
        var previous = EventContent.genesis
        var lastSeq: Int64 = 0
        var count: Int64 = 0
        var problem: AuditProblem?
        if let checkpoint, checkpoint.count == 0, checkpoint.hash != EventContent.genesis {
            problem = AuditProblem(
                kind: .checkpointMismatch, seq: 0, detail: "a checkpoint of 0 events has the hash of an empty log")
        }
        while problem == nil, let row = try rows.next() {
            let content = content(of: row)
            let stored: String = row[8]
            count += 1
            if content.hash != stored {
                problem = AuditProblem(
                    kind: .contentChanged, seq: content.seq,
                    detail: "its stored hash is not the hash of its content: a field of this event was changed")
            } else if content.prevHash != previous {
                problem = AuditProblem(
                    kind: .brokenLink, seq: content.seq,
                    detail: "it does not link to the event before it (#\(lastSeq)): "
                        + "an event was removed, inserted or moved before this one")
            } else if let checkpoint, count == checkpoint.count, stored != checkpoint.hash {
                problem = AuditProblem(
                    kind: .checkpointMismatch, seq: content.seq,
                    detail: "the checkpoint \(checkpoint) says event number \(count) has another hash: "
                        + "the history up to the checkpoint was rewritten")
            }
            previous = stored
            lastSeq = content.seq
        }
        if problem == nil {
            let handedOut = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
            if handedOut > lastSeq {
                problem = AuditProblem(
                    kind: .missingTail, seq: lastSeq + 1,
                    detail:
                        "the log ends at #\(lastSeq) but events up to #\(handedOut) were written: its tail was cut off")
            } else if let checkpoint, count < checkpoint.count {
                problem = AuditProblem(
                    kind: .shorterThanCheckpoint, seq: lastSeq + 1,
                    detail:
                        "the log holds \(count) events but the checkpoint \(checkpoint) counts \(checkpoint.count): "
                        + "events were removed")
            }
        }
        return AuditVerification(
            events: count, head: AuditHead(count: count, hash: previous), checkpoint: checkpoint, problem: problem)
    }
}
