import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu bench drive`: scripted saves for the kill test and the fsync count — notes, payments,
/// escalations and small imports — each printed as `ack KIND KEY` only after it is committed.
///
/// Operation `i` is the same for the same `--seed` whatever happened before, and its write
/// carries the idempotency key `drive-SEED-i`; restarting with `--from i` after a crash retries the
/// write that was in flight, which must then not be applied twice.
struct BenchDrive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drive",
        abstract: "Run scripted saves against a case book, printing each acknowledged write (kill tests).",
        shouldDisplay: false)

    enum Mix: String, ExpressibleByArgument {
        /// Call notes only (the fsync count).
        case notes
        /// Notes, payments, escalations and imports.
        case all
    }

    @Option(help: "Seed of the script.") var seed: UInt64 = 1
    @Option(help: "First operation number (to resume after a crash).") var from: Int = 0
    @Option(help: "How many operations (0: until killed).") var count: Int = 0
    @Option(help: "notes or all.") var mix: Mix = .all
    @Option(help: "Where the import files are written (default: next to the case book).") var importDir: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var day: TodayOption

    func run() async throws {
        try await failing {
            guard store.exists else { throw CommandFailure("\(store.location): there is no case book there") }
            let caseStore = try store.openSQLite()
            let today = try day.resolve()
            let cases = Int64(try caseStore.caseCount())
            guard cases > 0 else { throw CommandFailure("the case book holds no cases to drive") }
            guard case .sqlite(let path) = store.location else { return }
            let folder = importDir ?? (path as NSString).deletingLastPathComponent
            var index = from
            while count == 0 || index < from + count {
                let operation = DriveOperation(seed: seed, index: index, mix: mix, cases: cases)
                let outcome = try await operation.perform(on: caseStore, today: today, folder: folder)
                FileHandle.standardOutput.write(Data("\(outcome) \(operation.kind.rawValue) \(operation.key)\n".utf8))
                index += 1
            }
        }
    }
}

/// One scripted write, derived from the seed and its number only.
struct DriveOperation {
    enum Kind: String {
        case note, pay, escalate, `import`
    }

    let key: String
    let kind: Kind
    let caseID: Int64
    let index: Int

    init(seed: UInt64, index: Int, mix: BenchDrive.Mix, cases: Int64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xBF58_476D_1CE4_E5B9
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        key = "drive-\(seed)-\(index)"
        self.index = index
        let roll = next() % 100
        switch mix {
        case .notes: kind = .note
        case .all: kind = roll < 55 ? .note : roll < 70 ? .pay : roll < 88 ? .escalate : .import
        }
        caseID = 1 + Int64(next() % UInt64(cases))
    }

    /// The invoices an import operation adds (two, for a debtor of its own).
    var invoices: [String] { ["\(key)-1", "\(key)-2"] }

    /// `ack` once committed, `refused` when the workflow refused it (nothing written).
    func perform(on store: SQLiteCaseStore, today: CivilDate, folder: String) async throws -> String {
        let context = WriteContext(
            actor: "driver", recordedAt: Clock.timestamp(), today: today, idempotencyKey: key)
        let action: CaseAction
        switch kind {
        case .note:
            action = .logContact(
                ContactLog(outcome: .leftMessage, channel: .phone, text: "留守電 \(key)、折り返し依頼", time: nil),
                on: today)
        case .pay:
            action = .pay(amount: Money(100), on: today)
        case .escalate:
            action = .escalate(to: nil, reason: "driver \(key)", court: nil, override: false)
        case .import:
            return try importFile(into: store, context: context, folder: folder)
        }
        let calendar = store.calendar
        do {
            _ = try await store.append(to: caseID, context: context) { file in
                try action.decide(CaseState(file: file, calendar: calendar), today: today)
            }
            return "ack"
        } catch is Refusal {
            return "refused"
        }
    }

    private func importFile(into store: SQLiteCaseStore, context: WriteContext, folder: String) throws -> String {
        let path = "\(folder)/\(key).csv"
        let text = """
            取引先コード,取引先名,請求書番号,取引日,支払期日,金額\r
            \(key),株式会社ドライブ商事,\(invoices[0]),2025-04-01,2025-04-30,"120,000"\r
            \(key),株式会社ドライブ商事,\(invoices[1]),2025-05-01,2025-05-31,80000\r

            """
        // Written whole before it is read: a retried import reads the same file.
        if !FileManager.default.fileExists(atPath: path) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        let file = try ReceivablesFile(path: path)
        let report = try store.importReceivables(
            file.records(), mode: .allOrNothing, source: "\(key).csv", context: context)
        return report.committed ? "ack" : "refused"
    }
}
