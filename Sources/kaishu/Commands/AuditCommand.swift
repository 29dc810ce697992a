import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu audit`: proof that the case history was not altered, and the corrections it holds.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hash-chained history, print a checkpoint to keep elsewhere, list corrections.",
        discussion: "What each check proves, and what it cannot, is in docs/reliability.md.",
        subcommands: [AuditVerify.self, AuditCheckpoint.self, AuditCorrections.self]
    )
}

/// `kaishu audit verify [--against COUNT:HASH]`.
struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every event's hash and link; report the first event that does not verify.",
        discussion: """
            Exit status 0 when the whole log verifies, 1 when it does not (the first bad event is \
            named on stderr). With --against, also proves that nothing up to that checkpoint was \
            rewritten (a checkpoint printed earlier by `kaishu audit checkpoint`).
            """
    )

    @Option(help: ArgumentHelp("A checkpoint printed earlier by `kaishu audit checkpoint`.", valueName: "COUNT:HASH"))
    var against: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let against, AuditHead(parsing: against) == nil {
            throw ValidationError(
                "--against: '\(against)' is not a checkpoint (COUNT:HASH, a number, a colon, 64 hex digits)")
        }
    }

    func run() async throws {
        try await failing {
            guard store.exists else { throw CommandFailure("\(store.location): there is no case book there") }
            let caseStore = try store.openSQLite()
            let checkpoint = against.flatMap { AuditHead(parsing: $0) }
            let started = ContinuousClock.now
            let result = try caseStore.verifyAudit(against: checkpoint)
            let elapsed = ContinuousClock.now - started
            if output.json {
                try printJSON(AuditVerifyJSON(result, seconds: elapsed.seconds))
            } else if result.isIntact {
                print(
                    "Verified: \(result.events) events, every hash and link intact (\(String(format: "%.2f", elapsed.seconds)) s)."
                )
                print("Head: \(result.head)")
                if let checkpoint {
                    print("The checkpoint \(checkpoint) is part of this history: nothing before it was rewritten.")
                }
            }
            if let problem = result.problem {
                throw CommandFailure("audit failed at \(problem)")
            }
        }
    }
}

struct AuditVerifyJSON: Encodable {
    let ok: Bool
    let events: Int64
    let head: String
    let checkpoint: String?
    let firstBadEvent: Int64?
    let problem: String?
    let detail: String?
    let seconds: Double

    init(_ result: AuditVerification, seconds: Double) {
        ok = result.isIntact
        events = result.events
        head = result.head.description
        checkpoint = result.checkpoint?.description
        firstBadEvent = result.problem?.seq
        problem = result.problem?.kind.rawValue
        detail = result.problem?.detail
        self.seconds = seconds
    }
}

/// `kaishu audit checkpoint`.
struct AuditCheckpoint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the log's head (COUNT:HASH) to keep outside the system: print it, e-mail it.",
        discussion: """
            Later, `kaishu audit verify --against COUNT:HASH` proves that none of the first COUNT \
            events was changed, removed or rewritten since.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await failing {
            guard store.exists else { throw CommandFailure("\(store.location): there is no case book there") }
            let head = try store.openSQLite().auditHead()
            if output.json {
                try printJSON(["count": String(head.count), "hash": head.hash, "checkpoint": head.description])
            } else {
                print(head.description)
            }
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
