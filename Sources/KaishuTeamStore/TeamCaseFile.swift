import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

/// Reads a case file (debtor, assignment, every event in log order) and rewrites the cached row.
enum TeamCaseFile {
    static func load(_ connection: PostgresConnection, id: Int64, logger: Logger) async throws -> CaseFile? {
        var header = SQLText(
            """
            SELECT c.collector, d.code, d.name, d.kana, d.phones, d.email, d.postal_code, d.address, d.domestic
            FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.id =
            """)
        header.append(" " + header.bind(id))
        guard let row = try await connection.rows(header.query, logger: logger).first else { return nil }
        let phonesText = try row.value("phones", as: String.self)
        guard let phones = try? JSONDecoder().decode([String].self, from: Data(phonesText.utf8)) else {
            throw TeamStoreError.corrupt("phones '\(phonesText)' are not a JSON list")
        }
        let debtor = Debtor(
            code: try row.value("code"), name: try row.value("name"), kana: try row.value("kana"), phones: phones,
            email: try row.value("email"), postalCode: try row.value("postal_code"), address: try row.value("address"),
            isDomestic: try row.value("domestic"))
        var events: [CaseEvent] = []
        var select = SQLText("SELECT seq, date, recorded_at, actor, payload, hash FROM events WHERE case_id = ")
        select.append(select.bind(id) + " ORDER BY seq")
        for try await event in try await connection.query(select.query, logger: logger) {
            let (seq, dateText, recordedAt, actor, payload, hash) = try event.decode(
                (Int64, String, String, String, String, String).self)
            guard let date = CivilDate(iso: dateText) else {
                throw TeamStoreError.corrupt("event \(seq) has a malformed date")
            }
            let fact: CaseFact
            do {
                fact = try FactJSON.decode(payload)
            } catch {
                throw TeamStoreError.corrupt("event \(seq) has a payload that is not a case fact: \(error)")
            }
            events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: date, recordedAt: recordedAt, actor: actor, fact: fact, hash: hash))
        }
        return CaseFile(id: id, debtor: debtor, collector: try row.value("collector"), events: events)
    }

    /// The statement rewriting a case's cached row after a write (the lease columns are untouched).
    static func updateRow(_ row: CaseRow) -> PostgresQuery {
        var text = SQLText("UPDATE cases SET ")
        let assignments = [
            "collector = " + text.bind(row.collector),
            "stage = " + text.bind(row.stage.rawValue),
            "status = " + text.bind(row.statusColumn),
            "outstanding = " + text.bind(row.outstanding.yen),
            "oldest_due = " + text.bind(row.oldestDueColumn),
            "expires = " + text.bind(row.expiresColumn),
            "next_action = " + text.bind(row.nextAction?.iso),
            "promise_date = " + text.bind(row.promise?.date.iso),
            "promise_amount = " + text.bind(row.promise?.amount.yen),
            "disputed = " + text.bind(row.disputed),
            "on_hold = " + text.bind(row.onHold),
            "last_contact = " + text.bind(row.lastContact?.iso),
            "tier = " + text.bind(Int16(row.tier.rawValue)),
            "version = version + 1",
            "debtor_name = " + text.bind(row.debtorName),
            "debtor_code = " + text.bind(row.debtorCode),
            "name_key = " + text.bind(row.nameKey),
            "search_key = " + text.bind(row.searchKey),
        ]
        text.append(assignments.joined(separator: ", ") + " WHERE id = " + text.bind(row.id))
        return text.query
    }
}
