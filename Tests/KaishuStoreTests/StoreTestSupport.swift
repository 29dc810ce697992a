import Foundation
import GRDB
import KaishuCore
import KaishuEventLog

@testable import KaishuStore

/// A calendar with weekends and the company's closed days but no public holidays: the store's
/// tests need a calendar for the fold, not the Japanese one.
struct NoHolidays: HolidayCalendar {
    func holidayName(on date: CivilDate) -> String? { nil }
}

enum Fixture {
    static let calendar = BusinessCalendar(holidays: NoHolidays())
    static let today = CivilDate(2025, 6, 2)

    static func store() throws -> SQLiteCaseStore { try SQLiteCaseStore.temporary(calendar: calendar) }

    static func context(_ key: String, today: CivilDate = today, actor: String = "sato") -> WriteContext {
        WriteContext(actor: actor, recordedAt: "\(today.iso)T10:00:00.000+09:00", today: today, idempotencyKey: key)
    }

    static func record(
        line: Int, code: String, name: String, kana: String? = nil, invoice: String,
        due: CivilDate = CivilDate(2024, 3, 31), amount: Money = 110_000
    ) -> ImportRecord {
        ImportRecord(
            line: line,
            debtor: Debtor(code: code, name: name, kana: kana, phones: ["03-1234-5678"], address: "東京都港区芝浦1丁目1番1号"),
            claim: Claim(invoice: invoice, contractDate: due.adding(days: -30), dueDate: due, amount: amount))
    }

    /// A book with the given debtors, one invoice each, imported as of `today`.
    static func store(debtors names: [String], today: CivilDate = today) throws -> SQLiteCaseStore {
        let store = try store()
        let records = names.enumerated().map { index, name in
            Result<ImportRecord, ImportRowError>.success(
                record(line: index + 2, code: "D\(index + 1)", name: name, invoice: "INV-\(index + 1)"))
        }
        let report = try store.importReceivables(
            records, mode: .allOrNothing, source: "test.csv", context: context("seed", today: today))
        precondition(report.committed)
        return store
    }

    /// A folder removed when the value goes away.
    final class TemporaryFolder {
        let path: String
        init() throws {
            path = NSTemporaryDirectory() + "kaishu-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }
}

extension SQLiteCaseStore {
    /// Every open case's queue row, read straight from the table (test reference).
    func allOpenRows(order: QueueOrder = .urgency) throws -> [QueueRow] {
        try pool.read { db in
            let sql = QueueSQL(order)
            return try Row.fetchAll(db, sql: "SELECT \(QueueSQL.rowColumns) FROM cases WHERE status = 'open'")
                .map { try sql.queueRow($0, order: order) }
        }
    }
}
