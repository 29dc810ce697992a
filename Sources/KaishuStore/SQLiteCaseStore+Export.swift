import GRDB
import KaishuEventLog

/// Reading the book's rows as stored, in keyset batches, for `kaishu copy` to another store.
extension SQLiteCaseStore: CasebookExporting {
    /// The book's head: ranking day, highest `seq` handed out, head hash, counts.
    public func exportHead() throws -> StoredBookHead {
        try pool.read { db in
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
            let handedOut = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
            return StoredBookHead(
                rankedAsOf: try Reranking.rankedAsOf(db)?.iso,
                lastSeqHandedOut: max(handedOut, head?["seq"] ?? 0),
                headHash: head?["hash"] ?? EventContent.genesis,
                eventCount: try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0,
                caseCount: try Int64.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0)
        }
    }

    /// Up to `limit` debtors with `id > after`, by id.
    public func exportDebtors(after: Int64, limit: Int) throws -> [StoredDebtor] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, code, name, kana, phones, email, postal_code, address, domestic
                    FROM debtors WHERE id > ? ORDER BY id LIMIT ?
                    """, arguments: [after, limit]
            ).map { row in
                StoredDebtor(
                    id: row["id"], code: row["code"], name: row["name"], kana: row["kana"], phones: row["phones"],
                    email: row["email"], postalCode: row["postal_code"], address: row["address"],
                    domestic: row["domestic"])
            }
        }
    }

    /// Up to `limit` case rows with `id > after`, by id.
    public func exportCases(after: Int64, limit: Int) throws -> [StoredCase] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, debtor_id, collector, stage, status, outstanding, oldest_due, expires, next_action,
                        promise_date, promise_amount, disputed, on_hold, last_contact, tier, version,
                        debtor_name, debtor_code, name_key, search_key
                    FROM cases WHERE id > ? ORDER BY id LIMIT ?
                    """, arguments: [after, limit]
            ).map { row in
                StoredCase(
                    id: row["id"], debtorID: row["debtor_id"], collector: row["collector"], stage: row["stage"],
                    status: row["status"], outstanding: row["outstanding"], oldestDue: row["oldest_due"],
                    expires: row["expires"], nextAction: row["next_action"], promiseDate: row["promise_date"],
                    promiseAmount: row["promise_amount"], disputed: row["disputed"], onHold: row["on_hold"],
                    lastContact: row["last_contact"], tier: row["tier"], version: row["version"],
                    debtorName: row["debtor_name"], debtorCode: row["debtor_code"], nameKey: row["name_key"],
                    searchKey: row["search_key"])
            }
        }
    }

    /// Every claim of the cases with ids in `cases` (one batch of cases at a time).
    public func exportClaims(caseIDs: ClosedRange<Int64>) throws -> [StoredClaim] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT case_id, invoice, contract_date, due_date, amount, seq FROM claims
                    WHERE case_id BETWEEN ? AND ? ORDER BY case_id, invoice
                    """, arguments: [caseIDs.lowerBound, caseIDs.upperBound]
            ).map { row in
                StoredClaim(
                    caseID: row["case_id"], invoice: row["invoice"], contractDate: row["contract_date"],
                    dueDate: row["due_date"], amount: row["amount"], seq: row["seq"])
            }
        }
    }

    /// Up to `limit` events with `seq > after`, in log order, with their stored hashes.
    public func exportEvents(after: Int64, limit: Int) throws -> [StoredEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash
                    FROM events WHERE seq > ? ORDER BY seq LIMIT ?
                    """, arguments: [after, limit]
            ).map { row in
                StoredEvent(
                    content: EventContent(
                        seq: row["seq"], caseID: row["case_id"], kind: row["kind"], date: row["date"],
                        recordedAt: row["recorded_at"], actor: row["actor"], payload: row["payload"],
                        prevHash: row["prev_hash"]),
                    idempotencyKey: row["idem_key"], hash: row["hash"])
            }
        }
    }
}
