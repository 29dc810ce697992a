import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

extension PostgresCaseStore {
    /// What a copy moved, and what the verification found.
    public struct CopyReport: Hashable, Sendable {
        public var debtors: Int
        public var cases: Int
        public var claims: Int
        public var events: Int
        /// The hash at the head of the chain, the same in source and copy.
        public var headHash: String
    }

    /// Copies a whole case book into this (migrated, empty) one in a single transaction, every row
    /// exactly as stored — events keep their `seq`, payload text and hashes — then verifies: the
    /// chain walks clean from the first event, and the head hash, the last `seq` and the counts
    /// equal the source's. A mismatch throws `TeamStoreError.copyMismatch`.
    public func copy(from source: some CasebookExporting, batchSize: Int = 500) async throws -> CopyReport {
        let head = try source.exportHead()
        // 20 columns × 3000 rows stays under the protocol limit of 65,535 parameters.
        let batch = max(1, min(batchSize, 3000))
        var report = CopyReport(debtors: 0, cases: 0, claims: 0, events: 0, headHash: head.headHash)
        try await transaction { connection in
            let present =
                try await connection.rows(
                    "SELECT (SELECT count(*) FROM cases) + (SELECT seq FROM log_head) AS n", logger: self.logger
                ).first?.value("n", as: Int64.self) ?? 0
            guard present == 0 else { throw TeamStoreError.notEmpty(self.location) }

            var after: Int64 = 0
            while true {
                let rows = try source.exportDebtors(after: after, limit: batch)
                guard let last = rows.last else { break }
                var text = SQLText(
                    "INSERT INTO debtors (id, code, name, kana, phones, email, postal_code, address, domestic) VALUES ")
                text.append(
                    rows.map { d in
                        "("
                            + [
                                text.bind(d.id), text.bind(d.code), text.bind(d.name), text.bind(d.kana),
                                text.bind(d.phones),
                                text.bind(d.email), text.bind(d.postalCode), text.bind(d.address),
                                text.bind(d.domestic),
                            ].joined(separator: ", ") + ")"
                    }.joined(separator: ", "))
                try await connection.run(text.query, logger: self.logger)
                report.debtors += rows.count
                after = last.id
            }

            after = 0
            while true {
                let rows = try source.exportCases(after: after, limit: batch)
                guard let first = rows.first, let last = rows.last else { break }
                var text = SQLText(
                    """
                    INSERT INTO cases (id, debtor_id, collector, stage, status, outstanding, oldest_due, expires,
                        next_action, promise_date, promise_amount, disputed, on_hold, last_contact, tier, version,
                        debtor_name, debtor_code, name_key, search_key) VALUES
                    """)
                text.append(
                    rows.map { c in
                        "("
                            + [
                                text.bind(c.id), text.bind(c.debtorID), text.bind(c.collector), text.bind(c.stage),
                                text.bind(c.status), text.bind(c.outstanding), text.bind(c.oldestDue),
                                text.bind(c.expires),
                                text.bind(c.nextAction), text.bind(c.promiseDate), text.bind(c.promiseAmount),
                                text.bind(c.disputed), text.bind(c.onHold), text.bind(c.lastContact),
                                text.bind(Int16(c.tier)), text.bind(c.version), text.bind(c.debtorName),
                                text.bind(c.debtorCode), text.bind(c.nameKey), text.bind(c.searchKey),
                            ].joined(separator: ", ") + ")"
                    }.joined(separator: ", "))
                try await connection.run(text.query, logger: self.logger)
                report.cases += rows.count

                let claims = try source.exportClaims(caseIDs: first.id...last.id)
                for chunk in stride(from: 0, to: claims.count, by: batch).map({
                    claims[$0..<min($0 + batch, claims.count)]
                }) {
                    var insert = SQLText(
                        "INSERT INTO claims (case_id, invoice, contract_date, due_date, amount, seq) VALUES ")
                    insert.append(
                        chunk.map { c in
                            "("
                                + [
                                    insert.bind(c.caseID), insert.bind(c.invoice), insert.bind(c.contractDate),
                                    insert.bind(c.dueDate), insert.bind(c.amount), insert.bind(c.seq),
                                ].joined(separator: ", ") + ")"
                        }.joined(separator: ", "))
                    try await connection.run(insert.query, logger: self.logger)
                }
                report.claims += claims.count
                after = last.id
            }

            after = 0
            while true {
                let rows = try source.exportEvents(after: after, limit: batch)
                guard let last = rows.last else { break }
                var text = SQLText(
                    "INSERT INTO events (seq, case_id, kind, date, recorded_at, actor, payload, idem_key, prev_hash, hash) VALUES "
                )
                text.append(
                    rows.map { e in
                        "("
                            + [
                                text.bind(e.content.seq), text.bind(e.content.caseID), text.bind(e.content.kind),
                                text.bind(e.content.date), text.bind(e.content.recordedAt), text.bind(e.content.actor),
                                text.bind(e.content.payload), text.bind(e.idempotencyKey),
                                text.bind(e.content.prevHash),
                                text.bind(e.hash),
                            ].joined(separator: ", ") + ")"
                    }.joined(separator: ", "))
                try await connection.run(text.query, logger: self.logger)
                report.events += rows.count
                after = last.content.seq
            }

            var moveHead = SQLText("UPDATE log_head SET seq = ")
            moveHead.append(moveHead.bind(head.lastSeqHandedOut) + ", hash = " + moveHead.bind(head.headHash))
            try await connection.run(moveHead.query, logger: self.logger)
            if let ranked = head.rankedAsOf {
                var meta = SQLText("INSERT INTO meta (key, value) VALUES ('ranked_as_of', ")
                meta.append(meta.bind(ranked) + ") ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                try await connection.run(meta.query, logger: self.logger)
            }
            // New debtors and cases continue after the copied ids.
            for table in ["debtors", "cases"] {
                try await connection.run(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)"
                    ),
                    logger: self.logger)
            }
        }
        try await verifyCopy(of: head, report: report)
        return report
    }

    /// The copy's chain verifies and its head, last `seq` and counts are the source's.
    private func verifyCopy(of head: StoredBookHead, report: CopyReport) async throws {
        if let broken = try await verifyChain() {
            throw TeamStoreError.copyMismatch("the copied chain breaks at event \(broken)")
        }
        let mine = try await exportHead()
        guard mine.headHash == head.headHash, mine.lastSeqHandedOut == head.lastSeqHandedOut else {
            throw TeamStoreError.copyMismatch(
                "head \(mine.lastSeqHandedOut)/\(mine.headHash) differs from the source's \(head.lastSeqHandedOut)/\(head.headHash)"
            )
        }
        guard mine.eventCount == head.eventCount, mine.caseCount == head.caseCount else {
            throw TeamStoreError.copyMismatch(
                "\(mine.caseCount) cases and \(mine.eventCount) events copied, the source holds \(head.caseCount) and \(head.eventCount)"
            )
        }
    }

    /// This book's head, in the same terms as a source's (`StoredBookHead`).
    public func exportHead() async throws -> StoredBookHead {
        try await connected { connection in
            let row = try await connection.rows(
                """
                SELECT (SELECT value FROM meta WHERE key = 'ranked_as_of') AS ranked,
                    l.seq, l.hash, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM cases) AS cases
                FROM log_head l
                """, logger: self.logger
            ).first
            guard let row else { throw TeamStoreError.corrupt("log_head has no row") }
            let ranked = try row.value("ranked", as: String?.self)
            return StoredBookHead(
                rankedAsOf: ranked?.isEmpty == true ? nil : ranked, lastSeqHandedOut: try row.value("seq"),
                headHash: try row.value("hash"), eventCount: try row.value("events"), caseCount: try row.value("cases"))
        }
    }
}
