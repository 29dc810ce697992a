/// How each `Role` looks: a colour pair with attributes, and a monochrome fallback.
///
/// Themes live in `themes/*.toml` (see docs/themes.md):
///
///     name = "default"
///     [palette]
///     accent = "#5fafd7"
///     [roles]
///     selection = { fg = "black", bg = "accent", attrs = ["bold"], mono = ["reverse"] }
///
/// Every role must say how it looks without colour (`mono`), because `NO_COLOR`, `--color never`
/// and colourless terminals use only those attributes. A user theme may leave roles out; they
/// are taken from the built-in default theme.
public struct Theme: Hashable, Sendable {
    public struct RoleStyle: Hashable, Sendable {
        public var fg: Color
        public var bg: Color
        public var attributes: Set<TextAttribute>
        public var mono: Set<TextAttribute>

        public init(
            fg: Color = .default, bg: Color = .default, attributes: Set<TextAttribute> = [],
            mono: Set<TextAttribute> = []
        ) {
            self.fg = fg
            self.bg = bg
            self.attributes = attributes
            self.mono = mono
        }
    }

    public var name: String
    public var description: String
    public var roles: [Role: RoleStyle]

    public init(name: String, description: String = "", roles: [Role: RoleStyle]) {
        self.name = name
        self.description = description
        self.roles = roles
    }

    public subscript(role: Role) -> RoleStyle { roles[role] ?? RoleStyle() }

    /// Reads a theme file. Roles the file leaves out come from `base` (normally the built-in
    /// default); with `base == nil` every role is required, as for the files in `themes/`.
    public static func parse(_ text: String, file: String, base: Theme? = nil) throws -> Theme {
        let document = try TOMLDocument.parse(text, file: file)
        func fail(_ line: Int, _ message: String) -> ThemeFileError {
            ThemeFileError(file: file, line: line, message: message)
        }
        var name = file
        var description = ""
        for entry in document.sections[""] ?? [] {
            switch (entry.key, entry.value) {
            case ("name", .string(let s)): name = s
            case ("description", .string(let s)): description = s
            default: throw fail(entry.line, "unknown top-level key \(entry.key) (expected name, description)")
            }
        }
        var palette: [String: Color] = [:]
        for entry in document.sections["palette"] ?? [] {
            guard case .string(let spec) = entry.value, let color = Color(spec: spec) else {
                throw fail(
                    entry.line, "palette colour \(entry.key) must be a colour like \"#5fafd7\", \"red\" or \"208\"")
            }
            palette[entry.key] = color
        }
        for section in document.sections.keys where !["", "palette", "roles"].contains(section) {
            let line = document.sections[section]?.first?.line ?? 0
            throw fail(line, "unknown section [\(section)] (expected [palette] and [roles])")
        }
        var roles = base?.roles ?? [:]
        for entry in document.sections["roles"] ?? [] {
            guard let role = Role(rawValue: entry.key) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(entry.line, "unknown role \(entry.key); roles are: \(known)")
            }
            guard case .table(let fields) = entry.value else {
                throw fail(
                    entry.line, "role \(entry.key) must be an inline table like { fg = \"red\", mono = [\"bold\"] }")
            }
            var style = RoleStyle()
            var sawMono = false
            for (key, value) in fields {
                switch key {
                case "fg", "bg":
                    guard case .string(let spec) = value else {
                        throw fail(entry.line, "\(entry.key).\(key) must be a string colour")
                    }
                    guard let color = palette[spec] ?? Color(spec: spec) else {
                        throw fail(
                            entry.line,
                            "\(entry.key).\(key): '\(spec)' is not a colour (use default, an ANSI name like red or bright-red, 0-255, #RRGGBB, or a [palette] name)"
                        )
                    }
                    if key == "fg" { style.fg = color } else { style.bg = color }
                case "attrs", "mono":
                    guard case .array(let items) = value else {
                        throw fail(entry.line, "\(entry.key).\(key) must be an array like [\"bold\"]")
                    }
                    var set = Set<TextAttribute>()
                    for item in items {
                        guard case .string(let s) = item, let attribute = TextAttribute(rawValue: s) else {
                            let known = TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")
                            throw fail(entry.line, "\(entry.key).\(key): unknown attribute (use \(known))")
                        }
                        set.insert(attribute)
                    }
                    if key == "attrs" {
                        style.attributes = set
                    } else {
                        style.mono = set
                        sawMono = true
                    }
                default:
                    throw fail(entry.line, "\(entry.key): unknown field \(key) (expected fg, bg, attrs, mono)")
                }
            }
            guard sawMono else {
                throw fail(
                    entry.line, "role \(entry.key) has no mono = [...]: say how it looks without colour ([] for plain)")
            }
            roles[role] = style
        }
        let missing = Role.allCases.filter { roles[$0] == nil }
        if !missing.isEmpty {
            throw fail(0, "missing roles: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return Theme(name: name, description: description, roles: roles)
    }
}

/// A style as the terminal will show it: palette indexes (`-1` = terminal default) and
/// attributes, for one colour depth.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: Int
    public var bg: Int
    public var attributes: Set<TextAttribute>

    public init(fg: Int = -1, bg: Int = -1, attributes: Set<TextAttribute> = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}

extension Theme {
    /// How a cell style looks at a colour depth. A selected cell takes the selection's
    /// background and attributes but keeps its role's own colour, so meaning survives the
    /// highlight; without colour the selection is shown reversed (and a role that is itself
    /// reversed is underlined instead, so it still stands out).
    public func resolve(_ style: Style, depth: ColorDepth) -> ResolvedStyle {
        let base = self[style.role]
        if depth == .mono {
            guard style.selected else { return ResolvedStyle(attributes: base.mono) }
            var attributes = base.mono.union(self[.selection].mono)
            if base.mono.contains(.reverse) && self[.selection].mono.contains(.reverse) {
                attributes.remove(.reverse)
                attributes.insert(.underline)
                attributes.insert(.bold)
            }
            return ResolvedStyle(attributes: attributes)
        }
        var fg = base.fg
        var bg = base.bg
        var attributes = base.attributes
        if style.selected && style.role != .selection {
            let selection = self[.selection]
            if base.attributes.contains(.reverse) {
                attributes.insert(.bold)
            } else {
                if fg == .default || style.role == .text || fg == selection.bg { fg = selection.fg }
                bg = selection.bg
                attributes.formUnion(selection.attributes)
            }
        }
        let (fgIndex, fgBold) = fg.index(for: depth)
        let (bgIndex, _) = bg.index(for: depth)
        if fgBold { attributes.insert(.bold) }
        return ResolvedStyle(fg: fgIndex, bg: bgIndex, attributes: attributes)
    }
}
