import Foundation
import KaishuCore
import KaishuEventLog
import PostgresNIO

/// Reads a case file (debtor, assignment, every event in log order) and rewrites the cached row.
enum TeamCaseFile {
    /// Case `id`'s file in one prepared statement (`CaseFileStatement`); `nil` when there is none.
    static func load(_ connection: PostgresConnection, id: Int64, logger: Logger) async throws -> CaseFile? {
        try file(id: id, rows: try await connection.rows(CaseFileStatement(caseID: id), logger: logger))
    }

    /// The file from rows of `TeamWriteSQL.fileColumns` (the debtor repeated on each, one event
    /// per row in log order, or one row without an event).
    static func file(id: Int64, rows: [PostgresRandomAccessRow]) throws -> CaseFile? {
        guard let row = rows.first else { return nil }
        let phonesText = try row.value("phones", as: String.self)
        guard let phones = try? JSONDecoder().decode([String].self, from: Data(phonesText.utf8)) else {
            throw TeamStoreError.corrupt("phones '\(phonesText)' are not a JSON list")
        }
        let debtor = Debtor(
            code: try row.value("code"), name: try row.value("name"), kana: try row.value("kana"), phones: phones,
            email: try row.value("email"), postalCode: try row.value("postal_code"), address: try row.value("address"),
            isDomestic: try row.value("domestic"))
        var events: [CaseEvent] = []
        events.reserveCapacity(rows.count)
        for event in rows {
            guard let seq = try event.value("seq", as: Int64?.self) else { continue }
            let dateText = try event.value("date", as: String.self)
            guard let date = CivilDate(iso: dateText) else {
                throw TeamStoreError.corrupt("event \(seq) has a malformed date")
            }
            let payload = try event.value("payload", as: String.self)
            let fact: CaseFact
            do {
                fact = try FactJSON.decode(payload)
            } catch {
                throw TeamStoreError.corrupt("event \(seq) has a payload that is not a case fact: \(error)")
            }
            events.append(
                CaseEvent(
                    seq: seq, caseID: id, date: date, recordedAt: try event.value("recorded_at"),
                    actor: try event.value("actor"), fact: fact, hash: try event.value("hash")))
        }
        return CaseFile(id: id, debtor: debtor, collector: try row.value("collector"), events: events)
    }

    /// The cached row's columns a write rewrites (the lease columns are untouched), in the order
    /// `bind(_:into:)` binds them, with their types.
    static let rowColumns: [(name: String, type: PostgresDataType)] = [
        ("collector", .text), ("stage", .text), ("status", .text), ("outstanding", .int8), ("oldest_due", .text),
        ("expires", .text), ("next_action", .text), ("promise_date", .text), ("promise_amount", .int8),
        ("disputed", .bool), ("on_hold", .bool), ("last_contact", .text), ("tier", .int2), ("debtor_name", .text),
        ("debtor_code", .text), ("name_key", .text), ("search_key", .text),
    ]

    static var rowTypes: [PostgresDataType] { rowColumns.map { $0.type } }

    /// `collector = $first, stage = $(first + 1), …`.
    static func rowAssignments(from first: Int) -> String {
        rowColumns.enumerated().map { "\($1.name) = $\(first + $0)" }.joined(separator: ", ")
    }

    static func bind(_ row: CaseRow, into bindings: inout PostgresBindings) {
        bindings.append(row.collector)
        bindings.append(row.stage.rawValue)
        bindings.append(row.statusColumn)
        bindings.append(row.outstanding.yen)
        bindings.append(row.oldestDueColumn)
        bindings.append(row.expiresColumn)
        bindings.append(row.nextAction?.iso)
        bindings.append(row.promise?.date.iso)
        bindings.append(row.promise?.amount.yen)
        bindings.append(row.disputed)
        bindings.append(row.onHold)
        bindings.append(row.lastContact?.iso)
        bindings.append(Int16(row.tier.rawValue))
        bindings.append(row.debtorName)
        bindings.append(row.debtorCode)
        bindings.append(row.nameKey)
        bindings.append(row.searchKey)
    }
}
