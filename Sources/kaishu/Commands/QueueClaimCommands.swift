import ArgumentParser
import Foundation
import KaishuCore
import KaishuTeamStore

/// `kaishu queue next`: claims the next free case of today's queue on a team case book.
struct QueueNext: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Claim the next free case in queue order (team case book) and print it.",
        discussion: """
            The claim is a lease: other collectors' queues show the case as taken and skip it until \
            it is released (`kaishu queue release ID`) or lapses after --ttl seconds (default: \
            `team.leaseSeconds` in config.json, else 300). Writes may carry \
            the printed lease token (`kaishu case note ID --lease TOKEN`) so that a write after the \
            claim was lost is refused. Prints null (JSON) or a message when nothing is free.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption
    @OptionGroup var collector: CollectorOption
    @OptionGroup var output: OutputOptions
    @Option(help: "How long the claim lasts without renewal, in seconds (default: team.leaseSeconds, else 300).")
    var ttl: Int?

    func validate() throws {
        if let ttl, ttl <= 0 { throw ValidationError("--ttl must be at least 1 second") }
    }

    func run() async throws {
        try await failing {
            let today = try day.resolve()
            let lease = try ttl.map { Duration.seconds($0) } ?? KaishuConfig.resolved().team.lease
            let team = try store.openPostgres()
            let who = collector.resolved
            guard
                let claimed = try await teamErrors({
                    try await team.claimNext(collector: who, today: today, ttl: lease)
                })
            else {
                if output.json { print("null") } else { print("Nothing free in today's queue for \(today).") }
                return
            }
            if output.json {
                try printJSON(ClaimedRowJSON(claimed, today: today))
                return
            }
            print(QueueTable.render([claimed.row], today: today))
            print(
                "Claimed case \(claimed.row.id) for \(who) until \(Clock.timestamp(now: claimed.lease.expiresAt)) "
                    + "(lease \(claimed.lease.token)).")
        }
    }
}

/// `kaishu queue release ID`: gives a claimed case back to the queue.
struct QueueRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Give a case you claimed back to the queue (team case book).")

    @Argument(help: "Case id.") var id: Int64
    @OptionGroup var store: StoreOptions
    @OptionGroup var collector: CollectorOption

    func run() async throws {
        try await failing {
            let team = try store.openPostgres()
            let who = collector.resolved
            let released = try await teamErrors { try await team.release(caseID: id, collector: who) }
            guard released else { throw CommandFailure("\(who) holds no claim on case \(id)") }
            print("Released case \(id).")
        }
    }
}

/// A claimed row: the queue row's JSON plus the lease.
struct ClaimedRowJSON: Encodable {
    let row: QueueRowJSON
    let leaseToken: Int64
    let leaseExpires: String

    init(_ claimed: ClaimedCase, today: CivilDate) {
        row = QueueRowJSON(claimed.row, today: today)
        leaseToken = claimed.lease.token
        leaseExpires = Clock.timestamp(now: claimed.lease.expiresAt)
    }

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        enum Key: String, CodingKey { case leaseToken, leaseExpires }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(leaseToken, forKey: .leaseToken)
        try c.encode(leaseExpires, forKey: .leaseExpires)
    }
}

/// Turns the team store's own errors into command failures (exit 1 with the reason).
func teamErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as TeamStoreError {
        throw CommandFailure(error.description)
    }
}
