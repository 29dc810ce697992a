import Foundation
@_exported import KaishuClusterSupport
import KaishuCore
import KaishuEventLog
import KaishuStore
import KaishuTeamStore
import Testing

/// Shared fixtures: the calendar, "today", demo books, write contexts.
enum TeamFixture {
    static let calendar = BusinessCalendar(holidays: NoHolidays())
    static let today = CivilDate(2025, 6, 2)

    struct NoHolidays: HolidayCalendar {
        func holidayName(on date: CivilDate) -> String? { nil }
    }

    /// A migrated, empty team book in a fresh database.
    static func emptyStore() async throws -> PostgresCaseStore {
        let cluster = try TestCluster.get()
        let database = try cluster.makeDatabase()
        let store = try PostgresCaseStore(url: database.url, calendar: calendar)
        try await store.migrate()
        return store
    }

    /// A SQLite demo book of `cases` cases and its copy in a fresh team book.
    static func demoPair(cases: Int, seed: UInt64 = 7) async throws -> (
        sqlite: SQLiteCaseStore, team: PostgresCaseStore
    ) {
        let sqlite = try SQLiteCaseStore.temporary(calendar: calendar)
        _ = try DemoCasebook.generate(into: sqlite, cases: cases, seed: seed, today: today)
        let team = try await emptyStore()
        _ = try await team.copy(from: sqlite)
        return (sqlite, team)
    }

    static func context(
        _ key: String, actor: String = "sato", today: CivilDate = today, lease: Lease? = nil
    ) -> WriteContext {
        WriteContext(
            actor: actor, recordedAt: "\(today.iso)T10:00:00.000+09:00", today: today, idempotencyKey: key, lease: lease
        )
    }

    /// A call note as a write's decision (no workflow rules in the way: the store is under test).
    static func note(_ text: String, on date: CivilDate = today) -> @Sendable (CaseFile) throws -> [EventDraft] {
        { _ in [EventDraft(date: date, fact: .contact(ContactLog(outcome: .noAnswer, text: text)))] }
    }
}
