import Foundation
import KaishuCore
import KaishuTeamStore

/// The user's settings: `$XDG_CONFIG_HOME/kaishu/config.json` (`~/.config/kaishu/config.json`).
/// Every key is optional; options and environment variables win over the file. JSON, like
/// `letters.json` beside it, so one format serves every file in the folder (docs/config.md).
struct KaishuConfig: Sendable {
    /// The file as written.
    struct File: Decodable {
        struct Calendar: Decodable {
            /// Yearly closed days `MM-DD` and one-off closures `YYYY-MM-DD`; absent: 12-29 … 01-03.
            var closed: [String]?
        }
        struct Contact: Decodable {
            /// `HH:MM-HH:MM`, e.g. `21:00-08:00`.
            var quietHours: String?
            var weeklyCap: Int?
        }
        struct Team: Decodable {
            /// Seconds a claim lasts without renewal (300).
            var leaseSeconds: Int?
            /// Seconds between an open case's renewals (100); under half of `leaseSeconds`.
            var heartbeatSeconds: Int?
        }
        var store: String?
        var collector: String?
        var theme: String?
        var calendar: Calendar?
        var contact: Contact?
        var team: Team?
    }

    var store: String?
    var collector: String?
    var theme: String?
    var calendar: BusinessCalendar = .japan
    var contact: ContactPolicy = .standard
    /// Claims on a team case book: the lease and the heartbeat (`team.*`).
    var team: LeaseTimings = .standard

    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/kaishu/config.json"
    }

    /// Reads the file if there is one; a malformed file is an error naming the file and the field.
    static func load(path: String = KaishuConfig.path()) throws -> KaishuConfig {
        guard let data = FileManager.default.contents(atPath: path) else { return KaishuConfig() }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CommandFailure("\(path): \(field): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw CommandFailure(
                "\(path): not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))")
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        var config = KaishuConfig(store: file.store, collector: file.collector, theme: file.theme)
        do {
            config.calendar = try BusinessCalendar.japan(configured: file.calendar?.closed)
        } catch let refusal as Refusal {
            throw CommandFailure("\(path): calendar.\(refusal.reason)")
        }
        if let text = file.contact?.quietHours {
            let parts = text.split(separator: "-").map { LocalTime(parsing: $0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let start = parts[0], let end = parts[1] else {
                throw CommandFailure("\(path): contact.quietHours: '\(text)' is not HH:MM-HH:MM (e.g. 21:00-08:00)")
            }
            config.contact.quietHours = QuietHours(start: start, end: end)
        }
        if let cap = file.contact?.weeklyCap {
            guard cap > 0 else { throw CommandFailure("\(path): contact.weeklyCap must be at least 1") }
            config.contact.weeklyCap = cap
        }
        if let team = file.team {
            do {
                config.team = try LeaseTimings(leaseSeconds: team.leaseSeconds, heartbeatSeconds: team.heartbeatSeconds)
            } catch let refusal as Refusal {
                throw CommandFailure("\(path): \(refusal.reason)")
            }
        }
        return config
    }

    /// The configuration of this run, read once.
    static let current: Result<KaishuConfig, CommandFailure> = {
        do { return .success(try load()) } catch let failure as CommandFailure { return .failure(failure) } catch {
            return .failure(CommandFailure("\(path()): \(error)"))
        }
    }()

    static func resolved() throws -> KaishuConfig { try current.get() }
}
