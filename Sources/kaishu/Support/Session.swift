import ArgumentParser
import Foundation
import KaishuCore

/// `--collector` (or `KAISHU_COLLECTOR`, else the login name): who is writing.
struct CollectorOption: ParsableArguments {
    @Option(name: .long, help: "Who records this (default: KAISHU_COLLECTOR, else the login name).")
    var collector: String?

    var resolved: String {
        let env = ProcessInfo.processInfo.environment
        return collector ?? env["KAISHU_COLLECTOR"] ?? (try? KaishuConfig.resolved())?.collector ?? env["USER"]
            ?? "collector"
    }
}

/// Everything a case-book command needs: the open store, the calendar, today, who writes.
struct Session {
    let store: any CaseStore
    let calendar: BusinessCalendar
    let today: CivilDate
    let collector: String
    /// The claim writes are made under (team store, `--lease`); `nil` for none.
    var lease: Lease? = nil

    /// A write context with a fresh idempotency key unless the caller supplies one (scripts that
    /// retry pass the same `--idempotency-key` so a retried write is not applied twice).
    func context(key: String?) -> WriteContext {
        WriteContext(
            actor: collector, recordedAt: Clock.timestamp(), today: today,
            idempotencyKey: key ?? UUID().uuidString, lease: lease)
    }

    func state(of id: Int64) async throws -> CaseState {
        guard let file = try await store.caseFile(id) else { throw CommandFailure("no case \(id)") }
        return CaseState(file: file, calendar: calendar)
    }

    /// Runs one case action through the workflow inside the store's write transaction.
    @discardableResult
    func perform(_ action: CaseAction, on id: Int64, key: String?) async throws -> CaseState {
        guard try await store.caseFile(id) != nil else { throw CommandFailure("no case \(id)") }
        let calendar = self.calendar
        let today = self.today
        let file = try await store.append(to: id, context: context(key: key)) { file in
            try action.decide(CaseState(file: file, calendar: calendar), today: today)
        }
        return CaseState(file: file, calendar: calendar)
    }
}

/// Parses a date the user typed, naming the option when it is not one.
func parseDate(_ text: String, option: String) throws -> CivilDate {
    guard let date = CivilDate(parsing: text) else {
        throw CommandFailure("\(option): '\(text)' is not a date (e.g. 2026-11-23, 2026/11/23, 令和8年11月23日)")
    }
    return date
}

/// Parses an amount of yen the user typed (`12000`, `12,000`, `¥12,000`, `12,000円`).
func parseYen(_ text: String, option: String) throws -> Money {
    guard let money = Money(parsing: text) else {
        throw CommandFailure("\(option): '\(text)' is not an amount of yen (e.g. 12000 or 12,000)")
    }
    return money
}
