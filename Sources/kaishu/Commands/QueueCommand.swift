import ArgumentParser
import Foundation
import KaishuCore
import KaishuTUI

/// `kaishu queue`: the queue (the default, `list`), and on a team case book claiming the next case
/// (`next`) and giving one back (`release`).
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Print today's queue, or claim and release cases on a team case book.",
        subcommands: [QueueList.self, QueueNext.self, QueueRelease.self],
        defaultSubcommand: QueueList.self
    )
}

struct QueueList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print today's queue: open cases needing an action, most urgent first (the default).",
        discussion: """
            Order (see docs/queue.md): limitation within 30 days, within 90 days, broken promises, \
            next action due; within each, larger amount first, then longer overdue.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions
    @Option(help: "How many rows to print.") var limit: Int = 50
    @Flag(help: "Every open case in queue order, not only today's.") var all = false
    @Option(help: "Sort order: urgency, expiry, amount or debtor.") var order: QueueOrder = .urgency
    @Option(help: "Only debtors whose name, kana or code contains this text.") var filter: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await failing {
            let today = try day.resolve()
            let caseStore = try store.open()
            let page = try await caseStore.queue(
                QueueQuery(
                    today: today, scope: all ? .all : .today, order: order, filter: filter, position: .first,
                    limit: limit))
            if output.json {
                try printJSON(page.rows.map { QueueRowJSON($0, today: today) })
                return
            }
            print(QueueTable.render(page.rows, today: today))
            if page.rows.isEmpty { print("Nothing in the queue for \(today).") }
        }
    }
}

extension QueueOrder: ExpressibleByArgument {}

/// The stable JSON shape of a queue row (scripts and tests depend on it).
struct QueueRowJSON: Encodable {
    let id: Int64
    let debtor: String
    let debtorCode: String
    let outstanding: Money
    let stage: Stage
    let expires: CivilDate?
    let daysLeft: Int?
    let daysPastDue: Int
    let nextAction: CivilDate?
    let lastContact: CivilDate?
    let tier: String
    let promise: Promise?
    let disputed: Bool
    let onHold: Bool
    let collector: String?
    let claimedBy: String?
    let claimExpires: Date?

    init(_ row: QueueRow, today: CivilDate) {
        id = row.id
        debtor = row.debtorName
        debtorCode = row.debtorCode
        outstanding = row.outstanding
        stage = row.stage
        expires = row.expires
        daysLeft = row.daysLeft(today: today)
        daysPastDue = row.daysPastDue(today: today)
        nextAction = row.nextAction
        lastContact = row.lastContact
        tier = row.tier.label
        promise = row.promise
        disputed = row.disputed
        onHold = row.onHold
        collector = row.collector
        claimedBy = row.claimedBy
        claimExpires = row.claimExpires
    }

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey {
            case id, debtor, debtorCode, outstanding, stage, expires, daysLeft, daysPastDue, nextAction,
                lastContact, tier, promise, disputed, onHold, collector, claimedBy, claimExpires
        }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(debtor, forKey: .debtor)
        try c.encode(debtorCode, forKey: .debtorCode)
        try c.encode(outstanding, forKey: .outstanding)
        try c.encode(stage, forKey: .stage)
        try c.encode(expires, forKey: .expires)  // null while a court proceeding is pending
        try c.encode(daysLeft, forKey: .daysLeft)
        try c.encode(daysPastDue, forKey: .daysPastDue)
        try c.encode(nextAction, forKey: .nextAction)
        try c.encode(lastContact, forKey: .lastContact)
        try c.encode(tier, forKey: .tier)
        try c.encode(promise, forKey: .promise)
        try c.encode(disputed, forKey: .disputed)
        try c.encode(onHold, forKey: .onHold)
        try c.encode(collector, forKey: .collector)
        // Team case book only: present while another collector holds the case.
        try c.encodeIfPresent(claimedBy, forKey: .claimedBy)
        try c.encodeIfPresent(claimExpires.map { Clock.timestamp(now: $0) }, forKey: .claimExpires)
    }
}

/// The plain-text queue for a terminal or a pipe.
enum QueueTable {
    static func render(_ rows: [QueueRow], today: CivilDate) -> String {
        var lines: [String] = []
        // A team case book shows who holds a claimed case ("taken"); a SQLite book never has one.
        let showsClaims = rows.contains { $0.claimedBy != nil }
        let header =
            ["", "id", "debtor", "outstanding", "stage", "overdue", "left", "next"] + (showsClaims ? ["taken by"] : [])
        var table = [header]
        for row in rows {
            let mark: String
            switch row.tier {
            case .limitationCritical: mark = "!!"
            case .limitationNear: mark = "!"
            case .brokenPromise: mark = "P"
            case .actionDue: mark = "*"
            case .later: mark = ""
            }
            table.append(
                [
                    mark, String(row.id), row.debtorName, row.outstanding.grouped, row.stage.label,
                    "\(row.daysPastDue(today: today))d",
                    row.daysLeft(today: today).map { "\($0)d" } ?? "court",
                    row.nextAction?.iso ?? "-",
                ] + (showsClaims ? [row.claimedBy ?? ""] : []))
        }
        let rightAligned: Set<Int> = [1, 3, 5, 6]
        let widths = (0..<header.count).map { column in
            table.map { DisplayWidth.standard.width(of: $0[column]) }.max() ?? 0
        }
        for cells in table {
            let padded = cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.standard.width(of: cell))
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }
            lines.append(padded.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}
