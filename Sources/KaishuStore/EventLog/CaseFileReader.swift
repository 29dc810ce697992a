import Foundation
import GRDB
import KaishuCore
import KaishuEventLog

/// Reads a case file: the debtor, the assignment, and every event in log order.
enum CaseFileReader {
    static func load(_ db: Database, id: Int64) throws -> CaseFile? {
        let header = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT c.collector, d.code, d.name, d.kana, d.phones, d.email, d.postal_code,
                        d.address, d.domestic
                    FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.id = ?
                    """),
            arguments: [id])
        guard let header else { return nil }
        let debtor = Debtor(
            code: header["code"], name: header["name"], kana: header["kana"],
            phones: try decodePhones(header["phones"]), email: header["email"],
            postalCode: header["postal_code"], address: header["address"], isDomestic: header["domestic"])
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT seq, date, recorded_at, actor, payload, hash FROM events WHERE case_id = ? ORDER BY seq"),
            arguments: [id])
        var events: [CaseEvent] = []
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            guard let date = CivilDate(iso: row["date"] as String) else {
                throw StoreError.corrupt("event \(seq) has a malformed date")
            }
            let fact: CaseFact
            do {
                fact = try FactJSON.decode(row["payload"])
            } catch {
                throw StoreError.corrupt("event \(seq) has a payload that is not a case fact: \(error)")
            }
            events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: date, recordedAt: row["recorded_at"], actor: row["actor"],
                    fact: fact, hash: row["hash"]))
        }
        return CaseFile(id: id, debtor: debtor, collector: header["collector"], events: events)
    }

    static func decodePhones(_ text: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("phones '\(text)' are not a JSON list")
        }
    }

    static func encodePhones(_ phones: [String]) -> String {
        var text = "["
        for (index, phone) in phones.enumerated() {
            if index > 0 { text.append(",") }
            JSONText.appendQuoted(phone, to: &text)
        }
        return text + "]"
    }
}
