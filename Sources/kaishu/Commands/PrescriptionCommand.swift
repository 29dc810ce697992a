import ArgumentParser
import Foundation
import KaishuCore

/// `kaishu prescription`: the limitation engine as a calculator for one claim, no case book.
struct PrescriptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prescription",
        abstract: "Compute when one claim's limitation (消滅時効) completes, and why.",
        discussion: """
            Dates are YYYY-MM-DD. Events apply in date order, in whatever order given.

            Event kinds (--event KIND:DATE, repeatable):
              ack        the debtor acknowledged the debt: renewal (民法152条)
              payment    a partial payment: an acknowledgment, renewal
              demand     a demand reached the debtor: 6 months, once (民法150条)
              agreement  a written agreement to negotiate (民法151条);
                         agreement:DATE:UNTIL for an agreed shorter period
              refusal    a written refusal to go on negotiating
              filed      a suit, payment order or mediation was filed
              judgment   a judgment or equivalent became final: 10 years
              withdrawn  the proceeding ended without confirming the right

            Kinds (--kind) matter only for contracts before 2020-04-01:
              commercial 5 years (default), civil 10, medical 3,
              construction 3, retail 2, craft 2, tuition 2,
              transport 1, hospitality 1, rental 1

            Examples:
              kaishu prescription --contract 2022-04-15 --due 2022-04-30
              kaishu prescription --contract 2022-04-15 --due 2022-04-30 \\
                --event demand:2027-03-01
              kaishu prescription --contract 2019-06-01 --due 2019-06-30 \\
                --kind retail --json
            """
    )

    @Option(name: .long, help: "Contract date: it decides old or new law.")
    var contract: String

    @Option(name: .long, help: "Due date; omit when none was agreed (counting then starts after the contract date).")
    var due: String?

    @Option(name: .long, help: "When the creditor learned it could claim (default: when it could).")
    var known: String?

    @Option(name: .long, help: "Kind of claim, for old-law periods (see below).")
    var kind: String = ClaimKind.commercial.rawValue

    @Option(name: .customLong("event"), help: "A legal fact, KIND:DATE (see below); repeatable.")
    var events: [String] = []

    @OptionGroup var day: TodayOption
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await failing {
            let terms = try PrescriptionInput.terms(
                contract: contract, due: due, known: known, kind: kind)
            let facts = try events.map(PrescriptionInput.fact(from:))
            let today = try day.resolve()
            let limitation = Prescription.compute(terms, facts: facts, holidays: JapaneseHolidays())
            if output.json {
                try printJSON(PrescriptionReport(limitation, today: today))
            } else {
                print(PrescriptionReport.text(limitation, today: today), terminator: "")
            }
        }
    }
}

/// Reads the command's options into the engine's inputs, refusing bad input with the option
/// and the reason (exit code 1).
enum PrescriptionInput {
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw CommandFailure("\(option): '\(text)' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    static func terms(contract: String, due: String?, known: String?, kind: String) throws -> ClaimTerms {
        let contractDate = try date(contract, option: "--contract")
        let dueDate = try due.map { try date($0, option: "--due") }
        let knownDate = try known.map { try date($0, option: "--known") }
        if let dueDate, dueDate < contractDate {
            throw CommandFailure(
                "--due: \(dueDate) is before the contract date \(contractDate); a claim cannot fall due before its contract"
            )
        }
        if let knownDate, knownDate < contractDate {
            throw CommandFailure(
                "--known: \(knownDate) is before the contract date \(contractDate); the creditor cannot know of a claim before it exists"
            )
        }
        guard let claimKind = ClaimKind(rawValue: kind) else {
            let kinds = ClaimKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure("--kind: '\(kind)' is not a kind of claim; use one of \(kinds)")
        }
        return ClaimTerms(contractDate: contractDate, dueDate: dueDate, knownDate: knownDate, kind: claimKind)
    }

    static let eventKinds = ["ack", "payment", "demand", "agreement", "refusal", "filed", "judgment", "withdrawn"]

    /// `KIND:DATE`, or `agreement:DATE:UNTIL`.
    static func fact(from text: String) throws -> LegalFact {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let option = "--event '\(text)'"
        guard parts.count >= 2 else {
            throw CommandFailure("\(option): expected KIND:DATE, e.g. demand:2027-03-01")
        }
        let kind = parts[0].lowercased()
        guard eventKinds.contains(kind) else {
            throw CommandFailure(
                "\(option): unknown event kind '\(parts[0])'; use one of \(eventKinds.joined(separator: ", "))")
        }
        guard parts.count == 2 || (kind == "agreement" && parts.count == 3) else {
            let form = kind == "agreement" ? "agreement:DATE or agreement:DATE:UNTIL" : "\(kind):DATE"
            throw CommandFailure("\(option): expected \(form)")
        }
        let date = try date(parts[1], option: option)
        switch kind {
        case "ack": return .acknowledgment(date)
        case "payment": return .payment(date)
        case "demand": return .demand(date)
        case "agreement":
            let until = try parts.count == 3 ? self.date(parts[2], option: option) : nil
            if let until, until < date {
                throw CommandFailure(
                    "\(option): the agreed negotiation period cannot end (\(until)) before the agreement (\(date))")
            }
            return .agreement(date, until: until)
        case "refusal": return .refusal(date)
        case "filed": return .filed(date)
        case "judgment": return .judgment(date)
        default: return .withdrawn(date)
        }
    }
}

/// The command's output: exactly `law`, `start`, `expires`, `daysLeft`, `basis` in JSON, with
/// `expires` and `daysLeft` null while a court proceeding is pending.
struct PrescriptionReport: Encodable {
    var law: GoverningLaw
    var start: CivilDate
    var expires: CivilDate?
    var daysLeft: Int?
    var basis: [String]

    init(_ limitation: Limitation, today: CivilDate) {
        law = limitation.law
        start = limitation.start
        expires = limitation.expires
        daysLeft = limitation.daysLeft(today: today)
        basis = limitation.basis
    }

    private enum CodingKeys: String, CodingKey { case law, start, expires, daysLeft, basis }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(law, forKey: .law)
        try container.encode(start, forKey: .start)
        try container.encode(expires, forKey: .expires)  // null while pending
        try container.encode(daysLeft, forKey: .daysLeft)
        try container.encode(basis, forKey: .basis)
    }

    static func text(_ limitation: Limitation, today: CivilDate) -> String {
        var lines: [String] = []
        let law = limitation.law == .old ? "old (contract before 2020-04-01)" : "new (contract on/after 2020-04-01)"
        lines.append("law        \(law)")
        lines.append("start      \(limitation.start)")
        if let expires = limitation.expires, let left = limitation.daysLeft(today: today) {
            lines.append("expires    \(expires) (prescription completes at the end of this day)")
            let status: String
            if limitation.acknowledgedAfterCompletion {
                status = "expired — collectable only if the debtor does not invoke prescription"
            } else if left > 0 {
                status = "\(left) \(left == 1 ? "day" : "days") left as of \(today)"
            } else if left == 0 {
                status = "today (\(today)) is the last day"
            } else {
                status = "expired \(-left) \(left == -1 ? "day" : "days") ago as of \(today)"
            }
            lines.append("status     \(status)")
        } else {
            lines.append("expires    none while the court proceeding is pending")
        }
        lines.append("")
        lines.append("basis:")
        for (index, line) in limitation.basis.enumerated() {
            lines.append("  \(index + 1). \(line)")
        }
        if !limitation.otherReadings.isEmpty {
            lines.append("")
            lines.append("other readings (not applied):")
            for reading in limitation.otherReadings {
                lines.append("  \(reading.expires)  \(reading.reading)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
