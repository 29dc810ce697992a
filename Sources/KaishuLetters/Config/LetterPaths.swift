import Foundation

/// Where the letters' configuration, the user's templates and unsent mail live, following the
/// XDG base directories (DESIGN.md "Where things live").
public struct LetterPaths: Hashable, Sendable {
    /// `$XDG_CONFIG_HOME/kaishu` (default `~/.config/kaishu`).
    public var configDirectory: URL
    /// `$XDG_DATA_HOME/kaishu` (default `~/.local/share/kaishu`).
    public var dataDirectory: URL
    /// The home folder, for `~/` in configured paths.
    public var home: URL

    public init(configDirectory: URL, dataDirectory: URL, home: URL) {
        self.configDirectory = configDirectory
        self.dataDirectory = dataDirectory
        self.home = home
    }

    /// The folders for this environment (pass `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        configDirectory = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("kaishu", isDirectory: true)
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("kaishu", isDirectory: true)
        self.home = home
    }

    /// `letters.json` in the config folder.
    public var configFile: URL { configDirectory.appendingPathComponent("letters.json") }

    /// The user's template overrides: a file here with a default template's name wins.
    public var templatesDirectory: URL { configDirectory.appendingPathComponent("templates", isDirectory: true) }

    /// Where messages are written when no sendmail command is configured.
    public func outbox(for config: LetterConfig) -> URL {
        if let configured = config.email.outbox {
            let expanded =
                configured.hasPrefix("~/")
                ? home.appendingPathComponent(String(configured.dropFirst(2))).path : configured
            return URL(fileURLWithPath: expanded, isDirectory: true)
        }
        return dataDirectory.appendingPathComponent("outbox", isDirectory: true)
    }
}

extension LetterConfig {
    /// Reads `file`; a missing file gives the built-in placeholder configuration.
    ///
    /// - Throws: `LetterError.config` naming the file, the key path and what is wrong.
    public static func load(from file: URL) throws -> LetterConfig {
        guard FileManager.default.fileExists(atPath: file.path) else { return .placeholder }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LetterError.config(file: file.path, reason: "cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, file: file.path)
    }

    /// Decodes a configuration, naming `file` in errors.
    public static func decode(_ data: Data, file: String) throws -> LetterConfig {
        do {
            return try JSONDecoder().decode(LetterConfig.self, from: data)
        } catch let error as DecodingError {
            throw LetterError.config(file: file, reason: error.readable)
        } catch {
            throw LetterError.config(file: file, reason: "is not valid JSON (\(error.localizedDescription))")
        }
    }
}

extension DecodingError {
    /// "at company.name: …" rather than Foundation's dump of the context.
    var readable: String {
        func path(_ context: Context, _ extra: CodingKey? = nil) -> String {
            let keys = (context.codingPath + (extra.map { [$0] } ?? [])).map {
                $0.intValue.map { "[\($0)]" } ?? $0.stringValue
            }
            let joined = keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            return joined.isEmpty ? "at the top level" : "at \(joined)"
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "\(path(context, key)): missing (required in this section)"
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }
}
