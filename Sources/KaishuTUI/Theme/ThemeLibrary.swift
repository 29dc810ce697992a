import Foundation

/// Finding a theme by name, and deciding whether to use colour at all.
///
/// `--theme NAME` looks in this order: a path to a `.toml` file (when NAME contains `/` or ends
/// in `.toml`), `$XDG_CONFIG_HOME/kaishu/themes/NAME.toml` (`~/.config/...`), then the themes
/// shipped with Kaishu (`default`, `light`, `dark`, `high-contrast`, `monochrome`).
public enum ThemeLibrary {
    /// The shipped theme names, sorted.
    public static var builtinNames: [String] { Theme.builtinSources.keys.sorted() }

    /// The built-in default theme (always parses: a test guards it).
    public static let defaultTheme: Theme = {
        // swiftlint:disable:next force_try
        try! Theme.parse(Theme.builtinSources["default"]!, file: "themes/default.toml")
    }()

    /// A shipped theme by name.
    public static func builtin(_ name: String) throws -> Theme {
        guard let source = Theme.builtinSources[name] else {
            throw ThemeFileError(
                file: name, line: 0,
                message: "no theme named '\(name)'; available: \(builtinNames.joined(separator: ", "))")
        }
        return try Theme.parse(source, file: "themes/\(name).toml")
    }

    /// Resolves `--theme NAME` (see the type's documentation). `nil` gives the default.
    public static func load(
        _ name: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Theme {
        guard let name, !name.isEmpty else { return defaultTheme }
        if name.contains("/") || name.hasSuffix(".toml") {
            return try loadFile(name)
        }
        if let directory = userThemeDirectory(environment: environment) {
            let path = directory + "/" + name + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try loadFile(path) }
        }
        return try builtin(name)
    }

    /// Reads a theme file; roles it leaves out come from the default theme.
    public static func loadFile(_ path: String) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeFileError(file: path, line: 0, message: "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeFileError(file: path, line: 0, message: "the theme file is not UTF-8 text")
        }
        return try Theme.parse(text, file: path, base: defaultTheme)
    }

    /// `$XDG_CONFIG_HOME/kaishu/themes`, or `~/.config/kaishu/themes`.
    public static func userThemeDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return config + "/kaishu/themes"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/kaishu/themes"
        }
        return nil
    }
}

/// `--color auto|always|never`.
public enum ColorChoice: String, Hashable, Sendable, CaseIterable {
    /// Colour when the terminal has it and `NO_COLOR` is not set.
    case auto
    /// Colour whenever the terminal has it, even with `NO_COLOR`.
    case always
    /// The themes' monochrome attributes only.
    case never

    /// Whether to start colour, given the environment (no-color.org: `NO_COLOR` present and
    /// not empty turns colour off; an explicit `always` wins over it).
    public func wantsColor(environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            return true
        }
    }
}
