import ArgumentParser
import Foundation
import KaishuCore
import KaishuStore
import KaishuTeamStore

/// `--today` (or `KAISHU_TODAY`): the date every computation is relative to. The core never
/// reads a clock; this is the one place "today" enters, defaulting to the date in Asia/Tokyo.
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: "The date to work as of (YYYY-MM-DD); also KAISHU_TODAY.")
    var today: String?

    /// Whether "today" was given rather than read from the clock: the wall-clock time of day
    /// then means nothing for the date being worked, so time-of-day checks need `--time`.
    var isInjected: Bool { today != nil || ProcessInfo.processInfo.environment["KAISHU_TODAY"] != nil }

    func resolve() throws -> CivilDate {
        if let text = today ?? ProcessInfo.processInfo.environment["KAISHU_TODAY"] {
            guard let date = CivilDate(iso: text) else {
                throw ValidationError("--today: '\(text)' is not a date (YYYY-MM-DD)")
            }
            return date
        }
        return Clock.todayInTokyo()
    }
}

/// `--json`: machine-readable output on stdout.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false
}

/// The wall clock, read only at the program's edge.
enum Clock {
    static func todayInTokyo(now: Date = Date()) -> CivilDate { JapanTime.today(now) }

    /// The time of day in Japan, for the quiet-hours check.
    static func localTimeInTokyo(now: Date = Date()) -> LocalTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return LocalTime(parts.hour!, parts.minute!)
    }

    /// ISO 8601 with offset, for `recordedAt`.
    static func timestamp(now: Date = Date()) -> String { JapanTime.timestamp(now) }
}

/// Prints a value as JSON: sorted keys, so output is stable for scripts and tests.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// A refused action or bad input: message on stderr, exit code 1 (usage errors exit 2).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning refusals and bad input into exit code 1 with the reason on stderr.
    func failing(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let refusal as Refusal {
            FileHandle.standardError.write(Data("kaishu: \(refusal.reason)\n".utf8))
            throw ExitCode(1)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("kaishu: \(failure.message)\n".utf8))
            throw ExitCode(1)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("kaishu: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as TeamStoreError {
            FileHandle.standardError.write(Data("kaishu: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
