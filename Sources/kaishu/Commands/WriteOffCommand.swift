import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore

/// `kaishu writeoff --candidates`: open cases whose balance may be written off for tax purposes
/// (法人税基本通達9-6-1〜9-6-3, LEGAL.md §9), and `kaishu writeoff ID` to record one.
struct WriteOffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writeoff",
        abstract: "List write-off candidates (法人税基本通達9-6), or write one case off.",
        discussion: """
            With --candidates: every open case Kaishu can show to be eligible, with the ground and \
            the amount. With a case id: checks eligibility and records the write-off (the case \
            closes as written-off; the books keep the memo value of ¥1 under 9-6-3).
            """
    )

    @Argument(help: "A case to write off.") var id: Int64?
    @Flag(help: "List the candidates instead.") var candidates = false
    @Option(help: "Why (recorded with the write-off).") var reason: String?
    @OptionGroup var write: WriteOptions

    func validate() throws {
        if candidates == (id != nil) { throw ValidationError("give either --candidates or a case id") }
    }

    struct Candidate: Encodable {
        let id: Int64
        let debtor: String
        let outstanding: Money
        let ground: String
        let writeOffAmount: Money
        let remainingBookValue: Money
        let reasons: [String]
    }

    func run() async throws {
        try await failing {
            let session = try write.session()
            if let id {
                let state = try await session.state(of: id)
                let assessment = CaseLegalPosition(state: state, today: session.today).writeOff
                guard assessment.eligible else {
                    throw Refusal(
                        "case \(id) is not eligible for write-off: " + assessment.notMet.joined(separator: "; "))
                }
                let why = reason ?? assessment.reasons.joined(separator: "; ")
                try await write.perform({ _ in .resolve(.writtenOff, reason: why) }, on: id)
                return
            }
            guard let book = session.store as? SQLiteCaseStore else {
                throw CommandFailure("the candidate list reads a SQLite case book")
            }
            var found: [Candidate] = []
            for caseID in try await book.openCaseIDs(oldestDueOnOrBefore: session.today.adding(years: -1)) {
                let state = try await session.state(of: caseID)
                let assessment = CaseLegalPosition(state: state, today: session.today).writeOff
                guard assessment.eligible, let ground = assessment.ground else { continue }
                found.append(
                    Candidate(
                        id: caseID, debtor: state.debtor.name, outstanding: state.outstanding, ground: ground.rawValue,
                        writeOffAmount: assessment.writeOffAmount, remainingBookValue: assessment.remainingBookValue,
                        reasons: assessment.reasons))
            }
            if write.output.json { return try printJSON(found) }
            for candidate in found {
                print(
                    "\(candidate.id)\t\(candidate.debtor)\t\(candidate.outstanding)\t\(candidate.ground)\twrite off \(candidate.writeOffAmount), keep \(candidate.remainingBookValue)"
                )
            }
            let total = found.reduce(Money.zero) { $0 + $1.writeOffAmount }
            print("\(found.count) candidate(s), \(total) in all.")
        }
    }
}
